import type { Emit, Handlers, SyncConflict, SyncStatus } from '../../contract';
import { AppError } from '../../contract';
import { resolution, undoResolution } from '../../core/sync/resolve-conflict';
import type { NotebookStore } from '../store/notebook-store';
import { applyResolution } from './apply-resolution';
import type { NotebookLists } from './sync-lists';
import { syncNotebook } from './sync-notebook';
import { SyncStateFile } from './sync-state';
import type { TeamName } from './team-name';

type SyncHandlers = Pick<Handlers, 'notebook.sync' | 'notebook.syncStatus' | 'notebook.showOthers' | 'notebook.resolveConflict' | 'notebook.restoreConflict'>;

const statusOf = (file: SyncStateFile): SyncStatus => {
  const { remote, user, lastSeq, conflicts, showOthers } = file.state;
  return { remote, user, lastSeq, conflicts, showOthers };
};

const findConflict = (file: SyncStateFile, id: string): SyncConflict => {
  const c = file.state.conflicts.find((x) => x.id === id);
  if (!c) throw new AppError('NOT_FOUND', `No conflict ${id} in this notebook (it may be settled already; parallax sync --conflicts lists those left)`);
  return c;
};

/**
 * The team notebook (ADR 007). One sync at a time per notebook: a second request while one runs waits for
 * it and then syncs again (it may have changes the first did not see). Choosing whether to show others'
 * annotations waits its turn too, since it is kept in the same sync state a sync rewrites.
 */
export function syncHandlers(store: NotebookStore, emit: Emit, lists: NotebookLists, team: TeamName): SyncHandlers {
  let running: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = running.catch(() => undefined).then(fn);
    running = next;
    return next;
  };
  return {
    'notebook.sync': (input) =>
      inTurn(async () => {
        const before = new Set([...store.entries()].map((e) => e.id));
        const report = await syncNotebook(store, input, { lists });
        team.set(report.user);
        const changed = [...store.entries()].filter((e) => !before.has(e.id)).map((e) => e.id);
        const { articles, annotations, tags, metadata, stories, tagColours } = report.pulled;
        if (articles + annotations + tags + metadata > 0) emit('notebook.changed', { ids: changed, reason: 'sync' });
        if (tagColours > 0) emit('notebook.changed', { ids: [], reason: 'tags' });
        if (stories > 0) emit('stories.changed', { ids: [] });
        return report;
      }),
    'notebook.syncStatus': async () => statusOf(await SyncStateFile.open(store.layout.root, store.layout.tmp)),
    // The conflict leaves the list only after the value is written: a failure leaves both as they were.
    'notebook.resolveConflict': ({ id, keep }) =>
      inTurn(async () => {
        const file = await SyncStateFile.open(store.layout.root, store.layout.tmp);
        const c = findConflict(file, id);
        const r = resolution(c, keep);
        if ('problem' in r) throw new AppError('BAD_INPUT', r.problem);
        const applied = await applyResolution(store, lists, emit, r);
        await file.append({ resolved: [id] });
        await file.compact();
        return { resolved: c, applied, status: statusOf(file) };
      }),
    'notebook.restoreConflict': ({ conflict, applied }) =>
      inTurn(async () => {
        const file = await SyncStateFile.open(store.layout.root, store.layout.tmp);
        if (applied) await applyResolution(store, lists, emit, undoResolution(conflict));
        await file.append({ resolved: [conflict.id], conflicts: [conflict] });
        await file.compact();
        return statusOf(file);
      }),
    'notebook.showOthers': ({ show }) =>
      inTurn(async () => {
        const file = await SyncStateFile.open(store.layout.root, store.layout.tmp);
        if (file.state.showOthers !== show) {
          await file.append({ showOthers: show });
          await file.compact();
        }
        return statusOf(file);
      }),
  };
}
