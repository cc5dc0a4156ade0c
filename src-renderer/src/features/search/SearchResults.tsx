import { useEffect, useRef } from 'react';
import type { SearchHit } from '@contract';
import { plural } from '../../lib/format';
import { MetaLine } from '../../ui/MetaLine';
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
  const activeRef = useRef<HTMLDivElement>(null);
  useEffect(() => activeRef.current?.scrollIntoView({ block: 'nearest' }), [active]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => onActive(Math.min(hits.length - 1, active + 1)),
      ArrowUp: () => (active === 0 ? onBackToBox() : onActive(active - 1)),
      Home: () => onActive(0),
      End: () => onActive(hits.length - 1),
      Enter: () => hits[active] && onOpen(hits[active]!.id, null, true),
      ' ': () => hits[active] && onOpen(hits[active]!.id, null, false),
    };
    const action = keys[e.key];
    if (action) {
      e.preventDefault();
      action();
    }
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
              <span className="search-hit__note-label">Note:</span> <Highlighted text={n.text} ranges={n.highlights} />
            </blockquote>
          ))}
        </div>
      ))}
    </div>
  );
}
