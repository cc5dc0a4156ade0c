import { useEffect, useRef } from 'react';
import type { SearchHit } from '@contract';
import { plural } from '../../lib/format';
import { targetRow } from '../../lib/list-keys';
import { MetaLine } from '../../ui/MetaLine';
import { useRatings } from '../verdicts/use-ratings';
import { Highlighted } from './Highlighted';

type Props = {
  hits: SearchHit[];
  active: number;
  openId: string | null;
  onActive: (i: number) => void;
  /** Open an article; `offset` is the body offset of the snippet clicked, to land on that hit. */
  onOpen: (id: string, offset: number | null, focusReader: boolean) => void;
  onBackToBox: () => void;
  listRef: React.RefObject<HTMLDivElement | null>;
};

/** Results grouped by article: title, outlet, date, hit count, highlighted snippets and matching notes. */
export function SearchResults({ hits, active, openId, onActive, onOpen, onBackToBox, listRef }: Props) {
  const ratings = useRatings();
  const activeRef = useRef<HTMLDivElement>(null);
  useEffect(() => activeRef.current?.scrollIntoView({ block: 'nearest' }), [active]);

  // The same keys as the library (lib/list-keys.ts); Up on the first result goes back to the search box.
  const onKeyDown = (e: React.KeyboardEvent) => {
    const hit = hits[active];
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      if (hit) onOpen(hit.id, null, e.key === 'Enter');
      return;
    }
    if (e.key === 'ArrowUp' && active === 0) {
      e.preventDefault();
      onBackToBox();
      return;
    }
    const pageRows = Math.floor((listRef.current?.clientHeight ?? 600) / 120);
    const to = targetRow(e.key, active, hits.length, pageRows);
    if (to === null) return;
    e.preventDefault();
    onActive(to);
  };

  return (
    <div
      ref={listRef}
      className="search-results"
      role="listbox"
      tabIndex={0}
      aria-label="Search results"
      aria-activedescendant={hits[active] ? `search-hit-${hits[active]!.id}` : undefined}
      onKeyDown={onKeyDown}
    >
      {hits.map((h, i) => (
        <div
          key={h.id}
          id={`search-hit-${h.id}`}
          ref={i === active ? activeRef : undefined}
          role="option"
          aria-selected={h.id === openId}
          data-active={i === active || undefined}
          data-article-id={h.id}
          className="search-hit"
          onClick={() => {
            onActive(i);
            onOpen(h.id, null, false);
          }}
        >
          <div className="search-hit__title" dir="auto">
            <Highlighted text={h.title} ranges={h.titleHighlights} />
          </div>
          <MetaLine
            className="search-hit__meta"
            outlet={h.outlet}
            publishedAt={h.publishedAt}
            extra={[
              <span key="hits" className="search-hit__count">
                {plural(h.hitCount, 'hit')}
              </span>,
              h.notes.length > 0 && <span key="notes">{plural(h.notes.length, 'note')}</span>,
            ]}
          />
          {h.snippets.map((s) => (
            <p
              key={`${s.field}-${s.offset}`}
              className="search-hit__snippet"
              dir="auto"
              onClick={(e) => {
                e.stopPropagation();
                onActive(i);
                onOpen(h.id, s.field === 'body' ? s.offset + (s.highlights[0]?.start ?? 0) : null, false);
              }}
            >
              {s.offset > 0 && '… '}
              <Highlighted text={s.text} ranges={s.highlights} />
              {' …'}
            </p>
          ))}
          {h.notes.map((n) => (
            <blockquote key={n.id} className="search-hit__note" dir="auto">
              {n.verdict && (
                <span className="search-hit__verdict">
                  Verdict: {ratings.find((r) => r.id === n.verdict)?.label ?? n.verdict} · <q>{n.quote}</q>{' '}
                </span>
              )}
              {(n.text || !n.verdict) && (
                <>
                  <span className="search-hit__note-label">Note:</span> <Highlighted text={n.text} ranges={n.highlights} />
                </>
              )}
            </blockquote>
          ))}
        </div>
      ))}
    </div>
  );
}
