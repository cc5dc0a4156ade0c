import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import type { ArticleSummary } from '@contract';
import { plural } from '../../lib/format';
import { TagFilter } from '../tags/TagFilter';
import { ArticleRow } from './ArticleRow';
import type { LibraryQuery, SortKey } from './use-library';

type Props = {
  items: ArticleSummary[];
  total: number;
  loaded: boolean;
  query: LibraryQuery;
  openId: string | null;
  onOpen: (id: string, focusReader: boolean) => void;
  onFilter: (text: string) => void;
  onSort: (key: SortKey) => void;
  onToggleDirection: () => void;
  onTag: (tag: string) => void;
  filterRef: React.RefObject<HTMLInputElement | null>;
};

const sortLabels: Record<SortKey, string> = { date: 'Date', outlet: 'Outlet', title: 'Title', imported: 'Date added' };

/** The article list: filter as you type, sort, and a virtualised listbox driven by arrow keys and Enter. */
export function LibraryPane({ items, total, loaded, query, openId, onOpen, onFilter, onSort, onToggleDirection, onTag, filterRef }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 76,
    overscan: 8,
  });

  useEffect(() => {
    const i = items.findIndex((a) => a.id === openId);
    if (i >= 0) setActive(i);
    else setActive((a) => Math.min(a, Math.max(0, items.length - 1)));
  }, [items, openId]);

  const move = (to: number) => {
    const next = Math.max(0, Math.min(items.length - 1, to));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 600) / 76));
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(active + 1),
      ArrowUp: () => move(active - 1),
      Home: () => move(0),
      End: () => move(items.length - 1),
      PageDown: () => move(active + page),
      PageUp: () => move(active - page),
      Enter: () => items[active] && onOpen(items[active]!.id, true),
      ' ': () => items[active] && onOpen(items[active]!.id, false),
    };
    const action = keys[e.key];
    if (action) {
      e.preventDefault();
      action();
    }
  };

  const activeItem = items[active];
  return (
    <section className="pane library" aria-label="Library">
      <div className="library__toolbar">
        <label className="visually-hidden" htmlFor="library-filter">
          Filter articles
        </label>
        <input
          id="library-filter"
          ref={filterRef}
          className="input input--search"
          type="search"
          placeholder="Filter by title, outlet, author, tag…  (Ctrl+Shift+F)"
          value={query.filter}
          onChange={(e) => onFilter(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' || (e.key === 'Enter' && items.length)) {
              e.preventDefault();
              scrollRef.current?.focus();
            }
          }}
          autoComplete="off"
          spellCheck={false}
        />
        <div className="library__sort">
          <label htmlFor="library-sort">Sort</label>
          <select id="library-sort" className="select" value={query.sort} onChange={(e) => onSort(e.target.value as SortKey)}>
            {(Object.keys(sortLabels) as SortKey[]).map((k) => (
              <option key={k} value={k}>
                {sortLabels[k]}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="icon-button"
            onClick={onToggleDirection}
            aria-label={query.direction === 'asc' ? 'Ascending order; switch to descending' : 'Descending order; switch to ascending'}
            title={query.direction === 'asc' ? 'Ascending' : 'Descending'}
          >
            {query.direction === 'asc' ? '↑' : '↓'}
          </button>
        </div>
        <TagFilter value={query.tag} onChange={onTag} />
      </div>
      <p className="library__count" aria-live="polite">
        {loaded
          ? query.filter || query.tag
            ? `${plural(total, 'article')} match${query.filter ? ` “${query.filter}”` : ''}${query.tag ? ` tagged ${query.tag}` : ''}`
            : plural(total, 'article')
          : 'Loading…'}
      </p>
      <div
        ref={scrollRef}
        className="library__list"
        role="listbox"
        tabIndex={0}
        aria-label="Articles"
        aria-activedescendant={activeItem ? `article-option-${activeItem.id}` : undefined}
        onKeyDown={onKeyDown}
      >
        {loaded && items.length === 0 && (
          <p className="empty-state">
            {query.filter || query.tag ? 'No article matches this filter.' : 'No articles yet. Import text files, or drop them here.'}
          </p>
        )}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => {
            const a = items[v.index]!;
            return (
              <ArticleRow
                key={a.id}
                article={a}
                index={v.index}
                setSize={items.length}
                measureRef={virtualizer.measureElement}
                active={v.index === active}
                open={a.id === openId}
                onOpen={() => {
                  setActive(v.index);
                  onOpen(a.id, false);
                }}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${v.start}px)` }}
              />
            );
          })}
        </div>
      </div>
    </section>
  );
}
