/**
 * The search worker thread: owns the index (building, querying, saving) so neither the main process nor
 * the UI ever waits on it. The main thread talks to it through worker-client.ts.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import { IndexHost } from './index-host';
import type { IndexApi } from './index-host';

type Request = { id: number; method: keyof IndexApi; args: unknown[] };

const port = parentPort!;
/**
 * V8 grows the heap while the index is loaded, built or exported (hundreds of MB of strings at 100k
 * articles) and gives the memory back only after a full collection, which may not come for a long time.
 * The host asks for one after a save and after a sweep, when it knows a lot has just become garbage:
 * resident memory after a save at 100k went from ~1,190 to ~990 MB. (`gc` is exposed to this worker's
 * contexts only through the flag; nothing else uses it.)
 */
function fullCollection(): () => void {
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    if (typeof gc === 'function') return () => (gc as () => void)();
  } catch {
    /* not available: collections happen when V8 decides */
  }
  return () => undefined;
}

const host = new IndexHost(
  (workerData as { root: string }).root,
  (status) => port.postMessage({ type: 'status', status }),
  fullCollection(),
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
