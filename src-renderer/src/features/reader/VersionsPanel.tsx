import { useCallback, useEffect, useState } from 'react';
import type { ArticleDetail, VersionDiff, VersionList } from '@contract';
import { call } from '../../api/client';
import { formatMoment, plural } from '../../lib/format';
import { checkForUpdates, showVersion } from './update-actions';
import { describeCheck, describeShown } from './update-status';
import { VersionDiffView } from './VersionDiffView';

type Props = { article: ArticleDetail; onUpdated: (a: ArticleDetail) => void; onError: (message: string) => void };

/**
 * "Check for updates" for an article with an address, and the versions kept of it: when each was fetched,
 * which one is shown, and what changed between two of them, word by word.
 */
export function VersionsPanel({ article, onUpdated, onError }: Props) {
  const [list, setList] = useState<VersionList | null>(null);
  const [diff, setDiff] = useState<VersionDiff | null>(null);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const id = article.id;
  const address = article.meta.url.value;

  const reload = useCallback(async () => {
    try {
      setList(await call('articles.versions', { id }));
    } catch {
      setList(null); // the reader is the same without the list
    }
  }, [id]);
  // Another article, or this one changed (a check, an undo, another window): the list is read again.
  useEffect(() => {
    setStatus(null);
    setDiff(null);
    setOpen(false);
  }, [id]);
  useEffect(() => void reload(), [reload, article.updatedAt]);

  const versions = list?.versions ?? [];
  const compare = useCallback(
    async (from: number, to: number) => {
      try {
        setDiff(await call('articles.versionDiff', { id, from, to }));
      } catch (e) {
        onError((e as Error).message);
      }
    },
    [id, onError],
  );

  const check = async () => {
    setBusy(true);
    setStatus('Checking for updates…');
    try {
      const r = await checkForUpdates(id);
      setStatus(describeCheck(r));
      if (r.changed) {
        onUpdated(await call('articles.get', { id }));
        setOpen(true);
        await compare(r.versionCount - 1, r.versionCount);
      }
      await reload();
    } catch (e) {
      setStatus(`Could not check for updates: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };
  const revert = async (n: number) => {
    setBusy(true);
    try {
      const r = await showVersion(id, n);
      setStatus(describeShown(r));
      onUpdated(r.article);
      await reload();
    } catch (e) {
      onError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  if (!address && versions.length === 0) return null;
  return (
    <section className="versions" aria-label="Versions">
      <div className="versions__bar">
        {address && (
          <button type="button" className="toggle" onClick={() => void check()} disabled={busy}>
            Check for updates
          </button>
        )}
        {versions.length > 1 && (
          <button
            type="button"
            className="toggle"
            aria-expanded={open}
            onClick={() => {
              if (!open && !diff) void compare(versions.length - 1, versions.length);
              setOpen((v) => !v);
            }}
          >
            {open ? 'Hide versions' : `Versions (${versions.length})`}
          </button>
        )}
        {list?.lastCheckedAt && <span className="versions__checked">Last checked {formatMoment(list.lastCheckedAt)}</span>}
      </div>
      <p className="versions__status" role="status">
        {status}
      </p>
      {open && versions.length > 1 && (
        <>
          <ol className="versions__list">
            {versions.map((v) => (
              <li key={v.n} className="versions__item" aria-current={v.shown || undefined}>
                <span>
                  Version {v.n} · fetched {formatMoment(v.fetchedAt)} · {plural(v.wordCount, 'word')}
                  {v.shown ? ' · shown' : ''}
                </span>
                {v.n > 1 && (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => void compare(v.n - 1, v.n)}
                    aria-pressed={diff?.to === v.n && diff.from === v.n - 1}
                  >
                    Changes from version {v.n - 1}
                  </button>
                )}
                {!v.shown && (
                  <button type="button" className="link-button" onClick={() => void revert(v.n)} disabled={busy}>
                    Show version {v.n}
                  </button>
                )}
              </li>
            ))}
          </ol>
          {diff && (
            <>
              <p className="versions__summary">
                Changes from version {diff.from} to {diff.to}: {plural(diff.inserted, 'word')} inserted, {plural(diff.deleted, 'word')}{' '}
                deleted (struck through: deleted; underlined: inserted).
              </p>
              <VersionDiffView title={diff.title} body={diff.body} label={`Changes from version ${diff.from} to version ${diff.to}`} />
            </>
          )}
        </>
      )}
    </section>
  );
}
