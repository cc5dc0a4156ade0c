import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { HostStatus, IndexApi } from './index-host';

/**
 * Where the worker's code is: `out/main/search-worker.js` in a build (this module then sits in
 * out/main/chunks/), or the TypeScript source when running from source (tests, benchmarks), which the
 * worker loads through tsx.
 */
export function findWorkerEntry(): URL | null {
  for (const rel of ['./search-worker.js', '../search-worker.js', './search-worker.ts']) {
    const url = new URL(rel, import.meta.url);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return url;
  }
  return null;
}

function startWorker(entry: URL, root: string): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData: { root } });
  const tsxDir = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsx = pathToFileURL(join(tsxDir, 'dist/esm/api/index.mjs')).href;
  const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(boot, { eval: true, workerData: { root } });
}

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

/** The index in its worker thread, behind the same API as the in-process host. */
export function workerIndex(entry: URL, root: string, onStatus: (s: HostStatus) => void): IndexApi & { terminate: () => Promise<void> } {
  const worker = startWorker(entry, root);
  const pending = new Map<number, Pending>();
  let next = 1;
  let dead: Error | null = null;
  worker.on(
    'message',
    (m: { type: 'status'; status: HostStatus } | { type: 'reply'; id: number; ok: boolean; value?: unknown; message?: string }) => {
      if (m.type === 'status') return onStatus(m.status);
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (m.ok) p?.resolve(m.value);
      else p?.reject(new Error(m.message));
    },
  );
  const fail = (e: Error) => {
    dead = e;
    for (const p of pending.values()) p.reject(e);
    pending.clear();
    onStatus({ state: 'failed', indexedArticles: 0, progress: null, message: `The search worker stopped: ${e.message}` });
  };
  worker.on('error', fail);
  worker.on('exit', (code) => {
    if (!dead) fail(new Error(`it exited with code ${code}`));
  });
  const rpc =
    (method: keyof IndexApi) =>
    (...args: unknown[]): Promise<never> => {
      if (dead) return Promise.reject(dead);
      return new Promise((resolve, reject) => {
        const id = next++;
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        worker.postMessage({ id, method, args });
      });
    };
  return {
    open: rpc('open'),
    reconcile: rpc('reconcile'),
    upsert: rpc('upsert'),
    remove: rpc('remove'),
    query: rpc('query'),
    status: rpc('status'),
    save: rpc('save'),
    close: rpc('close'),
    terminate: async () => {
      dead ??= new Error('the search worker was closed');
      await worker.terminate();
    },
  };
}
