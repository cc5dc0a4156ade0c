import { forwardRef, useCallback, useEffect, useMemo, useState } from 'react';
import type { TextRange } from '@contract';
import { call } from '../../api/client';
import type { TextMark } from '../../lib/text-marks';
import { ReaderPane } from '../reader/ReaderPane';

type Props = { id: string; query: string; at: number | null; onError: (m: string) => void; onClose: () => void };

const typing = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

/** Scroll the current hit into view once the reader has rendered it (the article loads asynchronously). */
function scrollToCurrent(): void {
  let tries = 0;
  const step = () => {
    const el = document.querySelector<HTMLElement>('.reader mark.mark--search-hit[data-current]');
    if (el) el.scrollIntoView({ block: 'center' });
    else if (++tries < 120) requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
}

/**
 * The reader opened from a search: every hit marked, the current one scrolled to, and keys to move
 * between them (F3 / Shift+F3 anywhere, n / N in the reader, Enter / Shift+Enter on the hit bar).
 */
export const SearchReader = forwardRef<HTMLElement, Props>(function SearchReader({ id, query, at, onError, onClose }, ref) {
  const [hits, setHits] = useState<TextRange[]>([]);
  const [current, setCurrent] = useState(0);

  useEffect(() => {
    let live = true;
    call('search.articleHits', { id, query }).then(
      (r) => {
        if (!live) return;
        setHits(r.hits);
        const first = at === null ? 0 : r.hits.findIndex((h) => h.end > at);
        setCurrent(Math.max(0, first));
        scrollToCurrent();
      },
      (e: Error) => live && onError(e.message),
    );
    return () => {
      live = false;
    };
  }, [id, query, at, onError]);

  const go = useCallback(
    (delta: number) => {
      if (!hits.length) return;
      setCurrent((c) => (c + delta + hits.length) % hits.length);
      scrollToCurrent();
    },
    [hits.length],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'F3') {
        e.preventDefault();
        go(e.shiftKey ? -1 : 1);
      } else if (
        (e.key === 'n' || e.key === 'N') &&
        !e.defaultPrevented && // the annotator took it: a passage is selected and n writes its note
        !typing(e.target) &&
        !e.ctrlKey &&
        !e.metaKey &&
        !e.altKey &&
        document.activeElement?.closest('.reader')
      ) {
        e.preventDefault();
        go(e.key === 'N' ? -1 : 1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);

  const marks: TextMark[] = useMemo(
    () => hits.map((h, i) => ({ start: h.start, end: h.end, kind: 'search-hit', id: `hit-${i}`, current: i === current })),
    [hits, current],
  );

  return (
    <div className="search-reader">
      <div
        className="hit-bar"
        role="toolbar"
        aria-label="Hits in this article"
        tabIndex={-1}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !(e.target instanceof HTMLButtonElement)) {
            e.preventDefault();
            go(e.shiftKey ? -1 : 1);
          }
        }}
      >
        <span className="hit-bar__count" aria-live="polite">
          {hits.length ? `Hit ${current + 1} of ${hits.length}` : 'No hits in the text'}
        </span>
        <button
          type="button"
          className="icon-button"
          onClick={() => go(-1)}
          disabled={!hits.length}
          aria-label="Previous hit"
          title="Previous hit (Shift+F3, N)"
        >
          ↑
        </button>
        <button
          type="button"
          className="icon-button"
          onClick={() => go(1)}
          disabled={!hits.length}
          aria-label="Next hit"
          title="Next hit (F3, n)"
        >
          ↓
        </button>
        <button type="button" className="button" onClick={onClose}>
          Back to results
        </button>
      </div>
      <ReaderPane ref={ref} id={id} onError={onError} marks={marks} />
    </div>
  );
});
