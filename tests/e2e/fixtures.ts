import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { test as base, expect } from '@playwright/test';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(repo, 'bin', 'parallax.mjs');

export type ParallaxServer = {
  url: string;
  origin: string;
  token: string;
  notebook: string;
  /** Run the CLI against this test's notebook (JSON output parsed). */
  cli: (...args: string[]) => unknown;
  /** Call the HTTP API as the page would. */
  api: (method: string, payload?: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;
};

export async function startServer(notebook: string, extra: string[] = []): Promise<{ child: ChildProcessWithoutNullStreams; url: string }> {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--notebook', notebook, ...extra], { cwd: repo });
  const lines = createInterface({ input: child.stdout });
  const url = await new Promise<string>((ok, fail) => {
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.once('exit', (code) => fail(new Error(`parallax serve exited with ${code}: ${stderr}`)));
    lines.once('line', ok);
  });
  return { child, url };
}

/** A fresh notebook holding the sample articles, served in web mode, for each test. */
export const test = base.extend<{ server: ParallaxServer; emptyNotebook: boolean }>({
  emptyNotebook: [false, { option: true }],
  server: async ({ emptyNotebook }, use) => {
    const notebook = mkdtempSync(join(tmpdir(), 'parallax-e2e-'));
    const init = spawnSync(process.execPath, [bin, 'init', ...(emptyNotebook ? [] : ['--sample']), '--notebook', notebook], {
      encoding: 'utf8',
    });
    if (init.status !== 0) throw new Error(`init failed: ${init.stderr}`);
    const { child, url } = await startServer(notebook);
    const origin = new URL(url).origin;
    const token = new URL(url).hash.replace('#token=', '');
    await use({
      url,
      origin,
      token,
      notebook,
      cli: (...args) => {
        const r = spawnSync(process.execPath, [bin, ...args, '--notebook', notebook, '--json'], { encoding: 'utf8' });
        return JSON.parse(r.stdout);
      },
      api: async (method, payload = {}) => {
        const res = await fetch(`${origin}/api/${method}`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(payload),
        });
        return res.json();
      },
    });
    // Wait for the server to finish closing (it saves the search index) before deleting its folder.
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((done) => setTimeout(done, 5000))]);
    rmSync(notebook, { recursive: true, force: true, maxRetries: 3 });
  },
});

export { expect };
