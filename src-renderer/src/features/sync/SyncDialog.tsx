import { useState } from 'react';
import type { SyncReport, SyncStatus } from '@contract';
import { call } from '../../api/client';
import type { Notify } from '../../app/use-notices';
import { Dialog } from '../../ui/Dialog';
import { ConflictList } from './ConflictList';

const n = (k: number, one: string) => `${k} ${one}${k === 1 ? '' : 's'}`;
/** The four counts always, then stories, colours and saved searches when there were any. */
const counts = (c: SyncReport['pushed']) =>
  [
    n(c.articles, 'article'),
    n(c.annotations, 'annotation'),
    n(c.tags, 'tag change'),
    n(c.metadata, 'correction'),
    ...(c.stories ? [n(c.stories, 'story change')] : []),
    ...(c.tagColours ? [n(c.tagColours, 'tag colour')] : []),
    ...(c.savedSearches ? [n(c.savedSearches, 'saved search')] : []),
  ].join(', ');

/**
 * "Sync…": the team notebook (ADR 007). The first time it asks for the team database's address and a user
 * name (both remembered by the notebook); afterwards one button syncs. The password is typed here only if
 * the server wants one and neither PGPASSWORD nor ~/.pgpass gives it; it is sent for this sync and never kept.
 * What was pushed and pulled is shown, and each conflict (a field both sides changed: the later edit was kept)
 * with Keep mine / Keep theirs (ConflictList).
 */
export function SyncDialog({ notify }: { notify: Notify }) {
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [remote, setRemote] = useState('');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [askPassword, setAskPassword] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<SyncReport | null>(null);

  const load = async () => {
    setError(null);
    setReport(null);
    setPassword('');
    setAskPassword(false);
    try {
      const s = await call('notebook.syncStatus', {});
      setStatus(s);
      setRemote(s.remote ?? '');
      setUser(s.user ?? '');
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const sync = async () => {
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      const r = await call('notebook.sync', {
        ...(remote.trim() && remote.trim() !== status?.remote ? { remote: remote.trim() } : {}),
        ...(user.trim() && user.trim() !== status?.user ? { user: user.trim() } : {}),
        ...(password ? { password } : {}),
      });
      setReport(r);
      setStatus({ remote: r.remote, user: r.user, lastSeq: r.lastSeq, conflicts: [...(status?.conflicts ?? []), ...r.conflicts], showOthers: status?.showOthers ?? true });
      notify('success', `Synced: pushed ${counts(r.pushed)}; pulled ${counts(r.pulled)}`);
    } catch (e) {
      const err = e as Error & { code?: string };
      setError(err.message);
      if (err.code === 'UNAUTHORIZED') setAskPassword(true);
    } finally {
      setBusy(false);
      setPassword('');
    }
  };

  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        Sync…
      </button>
      <Dialog
        title="Team notebook"
        open={open}
        onOpen={() => void load()}
        onSubmit={() => void sync()}
        onClose={() => setOpen(false)}
        submitLabel={busy ? 'Syncing…' : 'Sync now'}
        submitDisabled={busy || !remote.trim()}
        progress={busy ? 'Pushing your changes and pulling everyone else’s…' : null}
        error={error}
      >
        <p>Meet your team in a PostgreSQL database: each sync sends what you changed and brings what the others did.</p>
        <label className="field">
          <span>Team database</span>
          <input type="text" value={remote} onChange={(e) => setRemote(e.target.value)} placeholder="postgres://you@host:5432/newsdesk" spellCheck={false} autoComplete="off" />
        </label>
        <label className="field">
          <span>Your name in the team</span>
          <input type="text" value={user} onChange={(e) => setUser(e.target.value)} placeholder="the database user" autoComplete="name" />
        </label>
        {askPassword && (
          <label className="field">
            <span>Password (not kept)</span>
            <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" />
          </label>
        )}
        {report && (
          <div role="status" data-testid="sync-report">
            <p>
              {report.created ? 'Set up the team database and synced.' : 'Synced.'} Pushed {counts(report.pushed)}; pulled {counts(report.pulled)}.
            </p>
          </div>
        )}
        {status && <ConflictList status={status} onStatus={setStatus} notify={notify} />}
      </Dialog>
    </>
  );
}
