import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect } from '@playwright/test';
import type { Api, ServeProcess } from '../helpers/serve-process';
import { spawnServe } from '../helpers/serve-process';

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
  api: Api;
};

export async function startServer(notebook: string, extra: string[] = [], env?: NodeJS.ProcessEnv): Promise<ServeProcess> {
  return spawnServe([bin], notebook, extra, repo, env);
}

/** A generated notebook (tests/helpers/large-notebook.ts) instead of the sample: article and annotation counts. */
export type LargeNotebook = { articles: number; annotations: number };

export function createNotebook(notebook: string, emptyNotebook: boolean): void {
  const made = spawnSync(process.execPath, [bin, 'init', ...(emptyNotebook ? [] : ['--sample']), '--notebook', notebook], {
    encoding: 'utf8',
  });
  if (made.status !== 0) throw new Error(`init failed: ${made.stderr}`);
}

/**
 * A fresh notebook holding the sample articles, served in web mode, for each test. With `largeNotebook`
 * set, the tests of a worker share one generated notebook instead (built once: 10,000 articles take
 * seconds to write), each with its own server; such tests must not rely on what another one changed.
 */
export const test = base.extend<
  { server: ParallaxServer; emptyNotebook: boolean },
  { largeNotebook: LargeNotebook | null; largeFolder: string | null }
>({
  emptyNotebook: [false, { option: true }],
  largeNotebook: [null, { option: true, scope: 'worker' }],
  largeFolder: [
    async ({ largeNotebook }, use) => {
      if (!largeNotebook) return use(null);
      const folder = mkdtempSync(join(tmpdir(), 'parallax-e2e-large-'));
      const helper = join(repo, 'tests', 'helpers', 'large-notebook.ts');
      const made = spawnSync(
        process.execPath,
        ['--import', 'tsx', helper, folder, String(largeNotebook.articles), String(largeNotebook.annotations)],
        { cwd: repo, encoding: 'utf8' },
      );
      if (made.status !== 0) throw new Error(`generating the large notebook failed: ${made.stderr}`);
      await use(folder);
      rmSync(folder, { recursive: true, force: true, maxRetries: 3 });
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  server: async ({ emptyNotebook, largeFolder }, use) => {
    const notebook = largeFolder ?? mkdtempSync(join(tmpdir(), 'parallax-e2e-'));
    if (!largeFolder) createNotebook(notebook, emptyNotebook);
    const { child, url, origin, token, api } = await startServer(notebook);
    await use({
      url,
      origin,
      token,
      notebook,
      cli: (...args) => {
        const r = spawnSync(process.execPath, [bin, ...args, '--notebook', notebook, '--json'], { encoding: 'utf8' });
        return JSON.parse(r.stdout);
      },
      api,
    });
    // Wait for the server to finish closing (it saves the search index) before deleting its folder.
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((done) => setTimeout(done, largeFolder ? 30_000 : 5000))]);
    if (!largeFolder) rmSync(notebook, { recursive: true, force: true, maxRetries: 3 });
  },
});

export { expect };
