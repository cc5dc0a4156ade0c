import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState } from 'react';
import { targetRow } from '../../lib/list-keys';
import { plural } from '../../lib/format';
import { TagFilter } from '../tags/TagFilter';
import { ArticleRow, LoadingRow } from './ArticleRow';
import type { Library, SortKey } from './use-library';

type Props = {
  library: Library;
  openId: string | null;
  onOpen: (id: string, focusReader: boolean) => void;
  filterRef: React.RefObject<HTMLInputElement | null>;
};

const sortLabels: Record<SortKey, string> = { date: 'Date', outlet: 'Outlet', title: 'Title', imported: 'Date added' };
const ROW_HEIGHT = 76;
/** Rows fetched beyond the screen, so an ordinary scroll rarely shows a row still loading. */
const PREFETCH_ROWS = 40;

const optionId = (index: number, id: string | undefined) => (id ? `article-option-${id}` : `article-option-at-${index}`);

/**
 * The article list: filter as you type, sort, and a virtualised listbox driven by the keyboard. Only the
 * rows on screen are in the DOM and only their pages are fetched (use-library.ts), so 100k articles scroll
 * like 10. The active row is tracked by index (End reaches the last row before it is loaded) and follows
 * its article when the list changes under it.
 */
export function LibraryPane({ library, openId, onOpen, filterRef }: Props) {
  const { list, query } = library;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  /** The article the active row showed, so a refresh that moves it does not move the keyboard focus to another. */
  const activeId = useRef<string | null>(null);
  /**
   * Row sizes are remembered per article, not per position: an import or a paste inserts rows above ones
   * already measured, and React keeps each article's row element (keyed by id) where it moves. Keyed by
   * index, the size of the article that used to sit at an index was reused for the one that sits there now,
   * and as the moved element's own size did not change no ResizeObserver entry corrected it: rows overlapped
   * or left gaps until a reload. A row still loading has a key of its own, so its size is not taken either.
   */
  const { itemAt } = list;
  const rowKey = useCallback((index: number) => itemAt(index)?.id ?? `at-${index}`, [itemAt]);
  const virtualizer = useVirtualizer({
    count: list.total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: rowKey,
    overscan: 8,
  });
  const rows = virtualizer.getVirtualItems();
  const first = rows[0]?.index ?? 0;
  const last = rows.at(-1)?.index ?? 0;
  const { setRange, resets } = list;
  useEffect(() => setRange(first - PREFETCH_ROWS, last + PREFETCH_ROWS), [first, last, setRange]);

  /**
   * A row to bring into view once the list is long enough to hold it. The open article's position can
   * arrive before the first page of a new ordering (which carries the total); scrolling then would do
   * nothing, and the article would stay off screen.
   */
  const pendingScroll = useRef<number | null>(null);
  const shownTotal = useRef(list.total);
  shownTotal.current = list.total;
  const scrollToPending = () => {
    const index = pendingScroll.current;
    if (index === null || index >= shownTotal.current) return;
    pendingScroll.current = null;
    virtualizer.scrollToIndex(index, { align: 'center' });
  };
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(scrollToPending, [list.total]);

  // A new filter or sort: start at the top, then bring the open article into view if it is listed.
  useEffect(() => {
    setActive(0);
    activeId.current = null;
    pendingScroll.current = null;
    virtualizer.scrollToOffset(0);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [resets]);
  useEffect(() => {
    if (!openId) return;
    const here = list.findLoaded((a) => a.id === openId);
    activeId.current = openId;
    if (here >= 0) return setActive(here);
    let live = true;
    library.locate(openId).then(
      (index) => {
        if (!live || index === null) return;
        activeId.current = openId;
        setActive(index);
        pendingScroll.current = index;
        scrollToPending();
      },
      () => undefined,
    );
    return () => void (live = false);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [openId, resets]);
  // The notebook changed and the active row now shows another article: follow ours if it is still loaded.
  useEffect(() => {
    const here = list.itemAt(active);
    if (!here) return;
    if (activeId.current && here.id !== activeId.current) {
      const moved = list.findLoaded((a) => a.id === activeId.current);
      if (moved >= 0) return setActive(moved);
    }
    activeId.current = here.id;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [list.cache, active]);

  /**
   * Enter pressed on a row whose page is still loading (a filter typed a moment ago starts the list over):
   * the row opens when it arrives, rather than the key doing nothing.
   */
  const openWhenLoaded = useRef<{ focusReader: boolean } | null>(null);
  useEffect(() => {
    const pending = openWhenLoaded.current;
    if (!pending) return;
    const item = list.itemAt(active);
    if (item) {
      openWhenLoaded.current = null;
      onOpen(item.id, pending.focusReader);
    } else if (list.loaded && list.total === 0) openWhenLoaded.current = null;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [list.cache, list.loaded, list.total, active]);

  const move = (to: number) => {
    // A row chosen with the keyboard replaces a pending Enter on the one before.
    openWhenLoaded.current = null;
    activeId.current = list.itemAt(to)?.id ?? null;
    setActive(to);
    virtualizer.scrollToIndex(to, { align: 'auto' });
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    const item = list.itemAt(active);
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      if (item) onOpen(item.id, e.key === 'Enter');
      else openWhenLoaded.current = { focusReader: e.key === 'Enter' };
      return;
    }
    const pageRows = Math.floor((scrollRef.current?.clientHeight ?? 600) / ROW_HEIGHT);
    const to = targetRow(e.key, active, list.total, pageRows);
    if (to === null) return;
    e.preventDefault();
    move(to);
  };

  const shown = library.sent;
  const filtered = shown.filter.trim() || shown.tag;
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
          onChange={(e) => library.setFilter(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' || (e.key === 'Enter' && list.total)) {
              e.preventDefault();
              scrollRef.current?.focus();
            }
          }}
          autoComplete="off"
          spellCheck={false}
        />
        <div className="library__sort">
          <label htmlFor="library-sort">Sort</label>
          <select id="library-sort" className="select" value={query.sort} onChange={(e) => library.setSort(e.target.value as SortKey)}>
            {(Object.keys(sortLabels) as SortKey[]).map((k) => (
              <option key={k} value={k}>
                {sortLabels[k]}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="icon-button"
            onClick={library.toggleDirection}
            aria-label={query.direction === 'asc' ? 'Ascending order; switch to descending' : 'Descending order; switch to ascending'}
            title={query.direction === 'asc' ? 'Ascending' : 'Descending'}
          >
            {query.direction === 'asc' ? '↑' : '↓'}
          </button>
        </div>
        <TagFilter value={query.tag} onChange={library.setTag} />
      </div>
      <p className="library__count" aria-live="polite">
        {list.loaded
          ? filtered
            ? `${plural(list.total, 'article')} match${shown.filter.trim() ? ` “${shown.filter.trim()}”` : ''}${shown.tag ? ` tagged ${shown.tag}` : ''}`
            : plural(list.total, 'article')
          : 'Loading…'}
      </p>
      <div
        ref={scrollRef}
        className="library__list"
        role="listbox"
        tabIndex={0}
        aria-label="Articles"
        aria-activedescendant={list.total ? optionId(active, list.itemAt(active)?.id) : undefined}
        aria-busy={!list.loaded}
        onKeyDown={onKeyDown}
      >
        {list.loaded && list.total === 0 && (
          <p className="empty-state">
            {filtered ? 'No article matches this filter.' : 'No articles yet. Import text files, or drop them here.'}
          </p>
        )}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {rows.map((v) => {
            const a = list.itemAt(v.index);
            const common = {
              active: v.index === active,
              place: {
                index: v.index,
                setSize: list.total,
                measureRef: virtualizer.measureElement,
                style: { position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${v.start}px)` } as const,
              },
            };
            if (!a) return <LoadingRow key={`at-${v.index}`} id={optionId(v.index, undefined)} {...common} />;
            return (
              <ArticleRow
                key={a.id}
                id={optionId(v.index, a.id)}
                article={a}
                open={a.id === openId}
                onOpen={() => {
                  activeId.current = a.id;
                  setActive(v.index);
                  onOpen(a.id, false);
                }}
                {...common}
              />
            );
          })}
        </div>
      </div>
    </section>
  );
}
