import { useState } from 'react';
import type { SyncConflict, SyncStatus } from '@contract';
import { call } from '../../api/client';
import type { Notify } from '../../app/use-notices';
import { history } from '../annotate/history';
import { conflictSubject, conflictValues } from './conflict-text';

/**
 * The conflicts a sync recorded, each with this copy's value and the other's (who made it and when), and
 * Keep mine / Keep theirs. Settling one is recorded in the window's undo history like any other edit: the
 * undo puts the value and the conflict back.
 */
export function ConflictList({ status, onStatus, notify }: { status: SyncStatus; onStatus: (s: SyncStatus) => void; notify: Notify }) {
  const [busy, setBusy] = useState<string | null>(null);

  const settle = async (c: SyncConflict, keep: 'mine' | 'theirs') => {
    setBusy(c.id);
    try {
      const r = await history.run(
        keep === 'mine' ? 'Keep mine' : 'Keep theirs',
        () => call('notebook.resolveConflict', { id: c.id, keep }),
        (done) => ({
          undo: async () => onStatus(await call('notebook.restoreConflict', { conflict: done.resolved, applied: done.applied })),
          redo: async () => onStatus((await call('notebook.resolveConflict', { id: c.id, keep })).status),
        }),
      );
      onStatus(r.status);
      notify('success', r.applied ? 'Kept their edit here; the next sync sends it out' : 'Kept your value');
    } catch (e) {
      notify('error', (e as Error).message);
    } finally {
      setBusy(null);
    }
  };

  if (!status.conflicts.length) return null;
  return (
    <section aria-labelledby="sync-conflicts-title">
      <h3 id="sync-conflicts-title">
        {status.conflicts.length} conflict{status.conflicts.length === 1 ? '' : 's'}: the later edit was kept
      </h3>
      <ul className="sync__conflicts">
        {status.conflicts.map((c) => {
          const v = conflictValues(c);
          return (
            <li key={c.id} data-testid="sync-conflict" aria-label={conflictSubject(c)}>
              <p>{conflictSubject(c)}</p>
              <dl>
                <dt>Mine{c.keptSide === 'mine' ? ' (kept)' : ''}</dt>
                <dd>“{v.mine}”</dd>
                <dt>
                  Theirs{c.keptSide === 'theirs' ? ' (kept)' : ''}: by {c.otherAuthor}, <time dateTime={c.theirsAt}>{new Date(c.theirsAt).toLocaleString()}</time>
                </dt>
                <dd>“{v.theirs}”</dd>
              </dl>
              <button type="button" className="button" disabled={busy !== null} onClick={() => void settle(c, 'mine')}>
                Keep mine
              </button>{' '}
              <button type="button" className="button" disabled={busy !== null} onClick={() => void settle(c, 'theirs')}>
                Keep theirs
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
