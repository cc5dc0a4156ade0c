import type { Emit, Handlers } from '../../contract';
import type { NotebookStore } from '../store/notebook-store';
import { syncNotebook } from './sync-notebook';
import { SyncStateFile } from './sync-state';

type SyncHandlers = Pick<Handlers, 'notebook.sync' | 'notebook.syncStatus'>;

/**
 * The team notebook (ADR 007). One sync at a time per notebook: a second request while one runs waits for
 * it and then syncs again (it may have changes the first did not see).
 */
export function syncHandlers(store: NotebookStore, emit: Emit): SyncHandlers {
  let running: Promise<unknown> = Promise.resolve();
  return {
    'notebook.sync': (input) => {
      const next = running.catch(() => undefined).then(async () => {
        const before = new Set([...store.entries()].map((e) => e.id));
        const report = await syncNotebook(store, input);
        const changed = [...store.entries()].filter((e) => !before.has(e.id)).map((e) => e.id);
        if (report.pulled.articles + report.pulled.annotations + report.pulled.tags + report.pulled.metadata > 0) emit('notebook.changed', { ids: changed, reason: 'sync' });
        return report;
      });
      running = next;
      return next;
    },
    'notebook.syncStatus': async () => {
      const { state } = await SyncStateFile.open(store.layout.root, store.layout.tmp);
      return { remote: state.remote, user: state.user, lastSeq: state.lastSeq, conflicts: state.conflicts };
    },
  };
}
