/**
 * A child process that syncs one notebook with a team database and prints a line per recorded batch, then
 * its outcome as one JSON line. The kill harness (tests/sync/sync-kill.test.ts) SIGKILLs it mid-sync.
 * Bundled by `bundleSyncChild` (esbuild) so it starts without a TypeScript loader.
 */
import { NotebookStore } from '../../src-main/services/store/notebook-store';
import { syncNotebook } from '../../src-main/services/sync/sync-notebook';

export type SyncChildTask = { notebook: string; remote: string; user: string; batch: number };

const task = JSON.parse(process.argv[2]!) as SyncChildTask;
const store = await NotebookStore.open(task.notebook, { durability: 'fsync' });
try {
  const report = await syncNotebook(store, { remote: task.remote, user: task.user }, { batch: task.batch, onBatch: (phase, n) => void process.stdout.write(`batch ${phase} ${n}\n`) });
  process.stdout.write(`${JSON.stringify({ ok: true, report })}\n`);
} catch (e) {
  const err = e as { code?: string; message?: string };
  process.stdout.write(`${JSON.stringify({ ok: false, code: err.code ?? 'INTERNAL', message: err.message ?? String(e) })}\n`);
} finally {
  await store.close();
}
