import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * One manifest that Chromium and Firefox both load, unchanged (no build step):
 *  - Chromium (121+) starts `background.service_worker` and ignores `background.scripts`;
 *  - Firefox (121+) has no extension service workers: it runs `background.scripts` as its background page
 *    and needs an add-on id, under `browser_specific_settings.gecko`, which Chromium ignores.
 * Both name the same module, so the shortcut and the popup's saves run the same code in both browsers.
 */
const dir = 'extension';
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
  manifest_version: number;
  minimum_chrome_version: string;
  background: { service_worker?: string; scripts?: string[]; type?: string };
  browser_specific_settings?: { gecko?: { id?: string; strict_min_version?: string; data_collection_permissions?: { required?: string[] } } };
  action: { default_popup: string };
  permissions: string[];
  host_permissions: string[];
  commands: Record<string, { suggested_key?: { default?: string } }>;
};
const major = (v: string | undefined) => Number(/^(\d+)/.exec(v ?? '')?.[1] ?? NaN);

describe('the extension manifest', () => {
  it('is Manifest V3 with one background module that Chromium runs as a service worker and Firefox as scripts', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.background.service_worker).toBe('background.js');
    expect(manifest.background.scripts).toEqual([manifest.background.service_worker]);
    expect(manifest.background.type).toBe('module'); // background.js imports parallax-client.js
    // Chromium before 121 refuses a manifest that has `background.scripts` as well.
    expect(major(manifest.minimum_chrome_version)).toBeGreaterThanOrEqual(121);
  });

  it('names itself to Firefox: an add-on id, the first version with MV3 background scripts, and no data collected', () => {
    const gecko = manifest.browser_specific_settings?.gecko;
    expect(gecko?.id).toMatch(/^[a-z0-9-._]+@[a-z0-9-._]+$/i);
    expect(major(gecko?.strict_min_version)).toBeGreaterThanOrEqual(121);
    // Pages go only to the app on this computer, never to us: nothing to declare.
    expect(gecko?.data_collection_permissions?.required).toEqual(['none']);
  });

  it('asks for no more than it uses: the active tab, reading it, its settings, and the app on loopback', () => {
    expect([...manifest.permissions].sort()).toEqual(['activeTab', 'scripting', 'storage']);
    expect(manifest.host_permissions).toEqual(['http://127.0.0.1/*']);
    expect(manifest.commands['save-page']?.suggested_key?.default).toBe('Alt+Shift+S');
  });

  it('refers only to files it ships, and its code calls the browser through the one name both browsers give', () => {
    for (const file of [manifest.background.service_worker!, ...manifest.background.scripts!, manifest.action.default_popup])
      expect(existsSync(join(dir, file)), file).toBe(true);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.js'))) {
      const code = readFileSync(join(dir, file), 'utf8');
      // `chrome.*` exists in Chromium only; `browser.*` in Firefox. Every call goes through `api` (parallax-client.js).
      expect(code.replaceAll('globalThis.browser ?? globalThis.chrome', ''), file).not.toMatch(/\b(chrome|browser)\.[a-z]/);
    }
  });
});
