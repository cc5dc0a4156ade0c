import type { HostStatus, IndexApi } from './index-host';
import type { EngineLimits } from './engine-limits';
import { findWorkerEntry as findEntry, startWorker } from '../workers/worker-entry';

/** The search worker's code: out/main/search-worker.js in a build, search-worker.ts from source. */
export const findWorkerEntry = (): URL | null => findEntry('search-worker', import.meta.url);

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

/** The index in its worker thread, behind the same API as the in-process host. */
export function workerIndex(
  entry: URL,
  root: string,
  onStatus: (s: HostStatus) => void,
  limits?: EngineLimits,
): IndexApi & { terminate: () => Promise<void>; ref: () => void; unref: () => void } {
  const worker = startWorker(entry, { root, limits });
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
    allowWrites: rpc('allowWrites'),
    reconcile: rpc('reconcile'),
    upsert: rpc('upsert'),
    remove: rpc('remove'),
    query: rpc('query'),
    status: rpc('status'),
    save: rpc('save'),
    close: rpc('close'),
    ref: () => worker.ref(),
    unref: () => worker.unref(),
    terminate: async () => {
      dead ??= new Error('the search worker was closed');
      await worker.terminate();
    },
  };
}
