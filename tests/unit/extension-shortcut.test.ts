import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../src-main/services/backend';
import { openBackend } from '../../src-main/services/backend';
import type { ExtensionServer } from '../../src-main/transports/extension/extension-server';
import { startExtensionServer } from '../../src-main/transports/extension/extension-server';

/**
 * The keyboard shortcut (Alt+Shift+S, the "save-page" command) and the popup's Save both go through the
 * extension's one save path (parallax-client.js savePage). The real service worker (extension/background.js)
 * runs here against a stand-in for the browser's extension API: the tab is a jsdom page, in which the
 * extension's own capture function runs, and requests reach the app's real listener with the extension's
 * Origin, as a browser sends it.
 */
const EXT_ORIGIN = `chrome-extension://${'e'.repeat(32)}`;
const PAGE_URL = 'https://harbour.example/news/port-reopens';
const PAGE = `<!doctype html><html lang="en"><head><title>Port reopens after strike | Harbour Times</title>
<meta property="og:site_name" content="Harbour Times"><script>window.stolen = document.cookie</script></head>
<body><article><h1>Port reopens after strike</h1>
<p>The port reopened on Tuesday after a week-long strike by dock workers ended with an agreement on pay, the harbour authority said.</p>
<p>Ships that had waited offshore began unloading within hours, and officials expected the backlog to clear by the weekend.</p>
<p>Union leaders said the deal raised wages by eight percent over two years.</p></article></body></html>`;

type CommandListener = (command: string, tab?: { id?: number }) => Promise<void>;
type MessageListener = (message: unknown, sender: { id?: string; tab?: { url?: string } }, reply: (r: unknown) => void) => boolean;

// One notebook for the whole file: the tests follow one browser from unpaired to paired.
const dir = mkdtempSync(join(tmpdir(), 'parallax-shortcut-'));
const storage = new Map<string, unknown>();
const badge = { text: '', title: '' };
let onCommand: CommandListener;
let onMessage: MessageListener;
let backend: Backend;
let server: ExtensionServer;
const realFetch = globalThis.fetch;

/** The parts of the `chrome` API the extension uses, recording what it shows on the toolbar button. */
function fakeBrowser() {
  const tab = new JSDOM(PAGE, { url: PAGE_URL, runScripts: 'outside-only' });
  return {
    runtime: { id: 'e'.repeat(32), onMessage: { addListener: (l: MessageListener) => (onMessage = l) } },
    commands: { onCommand: { addListener: (l: CommandListener) => (onCommand = l) } },
    tabs: { query: async () => [{ id: 7 }] },
    scripting: {
      // As the browser does: the function's source runs in the page (here a jsdom window), its result comes back.
      executeScript: async ({ target, func }: { target: { tabId: number }; func: () => unknown }) => {
        expect(target.tabId).toBe(7);
        return [{ result: tab.window.eval(`(${func.toString()})()`) as unknown }];
      },
    },
    storage: {
      local: {
        get: async (keys: string[]) => Object.fromEntries(keys.filter((k) => storage.has(k)).map((k) => [k, storage.get(k)])),
        set: async (o: Record<string, unknown>) => Object.entries(o).forEach(([k, v]) => storage.set(k, v)),
        remove: async (keys: string | string[]) => [keys].flat().forEach((k) => storage.delete(k)),
      },
    },
    action: {
      setBadgeBackgroundColor: async () => undefined,
      setBadgeText: async ({ text }: { text: string }) => void (badge.text = text),
      setTitle: async ({ title }: { title: string }) => void (badge.title = title),
    },
  };
}

beforeAll(async () => {
  backend = await openBackend(join(dir, 'nb'), { create: true, durability: 'none', lockAs: 'a test', search: { runIn: 'inline' } });
  const listening = await startExtensionServer({ handlers: backend.handlers, pairing: backend.pairing, port: 0 });
  if (!listening) throw new Error('the extension listener did not start');
  server = listening;
  // A browser sends the extension's Origin on its requests; Node's fetch sends none, so it is added here.
  globalThis.fetch = (input, init = {}) => realFetch(input, { ...init, headers: { ...(init.headers as Record<string, string>), Origin: EXT_ORIGIN } });
  Object.assign(globalThis, { chrome: fakeBrowser() });
  storage.set('port', server.port);
  await import(pathToFileURL(resolve('extension/background.js')).href);
}, 120_000);

afterAll(async () => {
  globalThis.fetch = realFetch;
  await server?.close();
  await backend?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the extension’s keyboard shortcut (Alt+Shift+S)', () => {
  it('is the "save-page" command of the manifest', async () => {
    const manifest = (await import('../../extension/manifest.json', { with: { type: 'json' } })).default as {
      commands: Record<string, { suggested_key: { default: string } }>;
    };
    expect(manifest.commands['save-page']!.suggested_key.default).toBe('Alt+Shift+S');
  });

  it('from a browser never paired: refused with the reason on the badge, nothing sent, the notebook unchanged', async () => {
    await onCommand('save-page', { id: 7 });
    expect(badge.text).toBe('!');
    expect(badge.title).toMatch(/not paired with Parallax yet/);
    expect(backend.store.size).toBe(0);
  });

  it('once paired, saves the tab through the same path as the popup, sanitised, and shows ✓', async () => {
    const client = (await import(pathToFileURL(resolve('extension/parallax-client.js')).href)) as { pair: (code: string) => Promise<unknown> };
    const { code } = await backend.handlers['extension.pairingCode']({});
    await client.pair(code);

    await onCommand('save-page', { id: 7 });
    expect(badge).toEqual({ text: '✓', title: 'Save to Parallax — saved: Port reopens after strike' });
    expect(backend.store.size).toBe(1);
    const [entry] = [...backend.store.entries()];
    const article = await backend.store.readArticle(entry!.id);
    expect(article.analysis.body).toContain('dock workers ended with an agreement on pay');
    expect(article.raw).not.toMatch(/<script|stolen/);

    // The popup's Save asks the service worker, which calls the same savePage: the page is the same article.
    const answer = await new Promise((reply) => onMessage({ type: 'save', tabId: 7 }, { id: 'e'.repeat(32) }, reply));
    expect(answer).toMatchObject({ ok: true, saved: { duplicate: true, id: entry!.id } });
    await onCommand('save-page', { id: 7 });
    expect(badge.title).toBe('Save to Parallax — already in Parallax: Port reopens after strike');
    expect(backend.store.size).toBe(1);
  });

  it('ignores other commands, and says so when Parallax is not running', async () => {
    badge.text = '';
    await onCommand('something-else', { id: 7 });
    expect(badge.text).toBe('');
    storage.set('port', 1); // nothing of ours listens on port 1
    await onCommand('save-page', { id: 7 });
    expect(badge.text).toBe('!');
    expect(badge.title).toMatch(/Parallax is not running on this computer/);
    storage.set('port', server.port);
  });
});
