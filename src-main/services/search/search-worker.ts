/**
 * The search worker thread: owns the index (building, querying, saving) so neither the main process nor
 * the UI ever waits on it. The main thread talks to it through worker-client.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { fullCollection } from '../memory/heap-guard';
import { IndexHost } from './index-host';
import type { IndexApi } from './index-host';
import type { EngineLimits } from './engine-limits';

type Request = { id: number; method: keyof IndexApi; args: unknown[] };

const port = parentPort!;
const { root, limits } = workerData as { root: string; limits?: EngineLimits };
const host = new IndexHost(
  root,
  (status) => port.postMessage({ type: 'status', status }),
  fullCollection(),
  undefined,
  undefined,
  limits,
);

port.on('message', async ({ id, method, args }: Request) => {
  try {
    const fn = host[method] as (...a: unknown[]) => Promise<unknown>;
    const value = await fn.apply(host, args);
    port.postMessage({ type: 'reply', id, ok: true, value });
  } catch (e) {
    port.postMessage({ type: 'reply', id, ok: false, message: (e as Error)?.message ?? String(e) });
  }
});
