import { useEffect, useState } from 'react';
import type { SnapshotInfo } from '@contract';
import { call } from '../../api/client';
import { downloadBase64 } from '../export/download';

const kB = (n: number) => (n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} kB` : `${(n / 1048576).toFixed(1)} MB`);
const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
const baseName = (file: string | null) => file?.replace(/^.*[\\/]/, '') || null;

/**
 * The original an article was made from (a PDF, a saved page), for provenance: where and when it was fetched,
 * and the original itself. A PDF is saved as a file for the system's viewer (the app never renders it); a page
 * is shown in a frame sandboxed without scripts, whose document carries a CSP that allows no script and no
 * remote content, so nothing in it runs or calls home.
 */
export function SnapshotPanel({ articleId, onError }: { articleId: string; onError: (message: string) => void }) {
  const [info, setInfo] = useState<SnapshotInfo | null>(null);
  const [page, setPage] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setInfo(null);
    setPage(null);
    call('articles.snapshot', { id: articleId })
      .then((r) => live && setInfo(r.snapshot))
      .catch(() => undefined); // no snapshot to offer: the reader is the same without it
    return () => {
      live = false;
    };
  }, [articleId]);
  if (!info) return null;

  const open = async () => {
    try {
      const r = await call('articles.snapshot', { id: articleId, content: true });
      if (r.content?.kind === 'pdf') downloadBase64(r.content.base64, baseName(info.file) ?? `${articleId}.pdf`, 'application/pdf');
      else if (r.content?.kind === 'html') setPage(r.content.html);
    } catch (e) {
      onError((e as Error).message);
    }
  };
  const what = info.kind === 'pdf' ? 'PDF' : 'saved page';
  return (
    <section className="snapshot" aria-label="Original">
      <p className="snapshot__facts">
        Original {what} · {kB(info.size)}
        {info.url ? (
          <>
            {' · from '}
            <span className="snapshot__url">{info.url}</span>
          </>
        ) : baseName(info.file) ? (
          ` · ${baseName(info.file)}`
        ) : (
          ''
        )}
        {` · ${info.url ? 'fetched' : 'imported'} ${day(info.fetchedAt)}`}
      </p>
      {page === null ? (
        <button type="button" className="toggle" onClick={() => void open()}>
          {info.kind === 'pdf' ? 'Save the original PDF' : 'Show the saved page'}
        </button>
      ) : (
        <>
          <button type="button" className="toggle" onClick={() => setPage(null)}>
            Hide the saved page
          </button>
          <iframe className="snapshot__frame" title="The saved page" sandbox="" referrerPolicy="no-referrer" srcDoc={page} />
        </>
      )}
    </section>
  );
}
