/**
 * A real `parallax serve` process for the benchmarks, called over HTTP as the renderer calls it in web mode.
 * Needs the build (`npm run build`): the server is `bin/parallax.mjs serve`, or PARALLAX_BIN (a copy of
 * bin/ and out/, so a long run is not disturbed by rebuilding).
 */
import { fileURLToPath } from 'node:url';
import type { Api, ApiReply } from '../tests/helpers/serve-process';
import { spawnServe } from '../tests/helpers/serve-process';

export const parallaxBin = process.env.PARALLAX_BIN ?? fileURLToPath(new URL('../bin/parallax.mjs', import.meta.url));

export type Server = { api: Api; pid: number; stop: () => Promise<number> };

export async function serve(notebook: string): Promise<Server> {
  const { child, api } = await spawnServe([parallaxBin], notebook);
  return {
    api,
    pid: child.pid!,
    // Resolves with how long the server took to close (it saves the search index on the way out).
    stop: () =>
      new Promise((done) => {
        const t0 = performance.now();
        child.once('exit', () => done(performance.now() - t0));
        child.kill('SIGTERM');
      }),
  };
}

export function ok<T>(r: ApiReply, what: string): T {
  if (!r.ok) throw new Error(`${what}: ${r.error?.message}`);
  return r.value as T;
}

/** Poll until the index says ready and a query finds something; resolves with the time since `t0`. */
export async function untilSearchable(api: Api, t0: number): Promise<number> {
  for (;;) {
    const r = await api('search.status', {});
    const s = r.value as { state?: string; indexedArticles?: number; totalArticles?: number } | undefined;
    // Every article indexed: a large import is indexed after it (SearchService.indexAfter), not while it runs.
    if (s?.state === 'ready' && s.indexedArticles === s.totalArticles) {
      const q = ok<{ hits: unknown[] }>(await api('search.query', { query: 'said', limit: 20 }), 'search.query');
      if (q.hits.length > 0) return performance.now() - t0;
    }
    await new Promise((res) => setTimeout(res, 20));
  }
}

/** Imports each folder with one `articles.importPaths` call, as a user imports a folder at a time. */
export async function importFolders(api: Api, folders: string[]): Promise<{ imported: number; notImported: number }> {
  let imported = 0;
  let notImported = 0;
  for (const path of folders) {
    const report = ok<{ imported: unknown[]; errors: unknown[]; duplicates: unknown[] }>(
      await api('articles.importPaths', { paths: [path] }),
      'import',
    );
    imported += report.imported.length;
    notImported += report.errors.length + report.duplicates.length;
  }
  return { imported, notImported };
}
