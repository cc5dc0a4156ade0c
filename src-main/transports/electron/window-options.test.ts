import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import { mainWindowOptions } from './window-options';

describe('Electron security settings', () => {
  it('the main window is isolated, sandboxed and has no Node integration', () => {
    const prefs = mainWindowOptions('/app/preload.cjs').webPreferences!;
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false, // Chromium's spellchecker downloads dictionaries: no network calls from an offline app
    });
  });

  it('the CSP starts from nothing and allows only the app itself', () => {
    const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['style-src']).toEqual(["'self'"]);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });

  it('the renderer page carries the same policy in a meta tag', () => {
    const html = readFileSync(new URL('../../../src-renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    // frame-ancestors cannot be set by a meta tag; the header sets it.
    expect(meta).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''));
  });

  it('main.ts guards every web contents, denies every permission, and checks the sender of every call', () => {
    const main = readFileSync(new URL('./main.ts', import.meta.url), 'utf8');
    // Every web contents, the window's included, goes through guard(): no new window, navigation, redirect or webview.
    expect(main).toMatch(/app\.on\('web-contents-created', \(_e, contents\) => guard\(contents\)\)/);
    const guard = main.slice(main.indexOf('function guard('), main.indexOf('async function start('));
    expect(guard).toMatch(/setWindowOpenHandler\([^]*action: 'deny'/);
    expect(guard).toMatch(/'will-navigate', stayInApp/);
    expect(guard).toMatch(/'will-redirect', stayInApp/);
    expect(guard).toMatch(/if \(!mayNavigate\(url\)\) e\.preventDefault\(\)/);
    expect(guard).toMatch(/will-attach-webview[^]*preventDefault/);
    // Permissions: requests and checks refused, no device or screen capture, no spellchecker downloads.
    const lockDown = main.slice(main.indexOf('function lockDown('), main.indexOf('function guard('));
    expect(lockDown).toMatch(/setPermissionRequestHandler\([^)]*\) => callback\(false\)\)/);
    expect(lockDown).toMatch(/setPermissionCheckHandler\(\(\) => false\)/);
    expect(lockDown).toMatch(/setDevicePermissionHandler\(\(\) => false\)/);
    expect(lockDown).toMatch(/setDisplayMediaRequestHandler\([^]*callback\(\{\}\)/);
    expect(lockDown).toMatch(/setSpellCheckerEnabled\(false\)/);
    expect(main).toMatch(/lockDown\(session\.defaultSession\)/);
    // The sender check parses (app-origin.test.ts); no prefix test or URL.origin comparison is left.
    expect(main).toMatch(/if \(!isTrustedSender\(event\.senderFrame\)\)/);
    expect(main).not.toMatch(/startsWith\(APP_ORIGIN\)|\.origin !==/);
  });
});
