import '../../styles/annotate.css';
import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ViewProps } from '../../app/views';
import { routeHash } from '../../app/use-route';
import { plural } from '../../lib/format';
import { placeProps } from '../../ui/list-place';
import { useTags } from '../tags/use-tags';
import { AnnotationCard } from './AnnotationCard';
import { AnnotationFilters } from './AnnotationFilters';
import type { EditMode } from './use-annotator';
import type { ListFilters } from './use-annotation-list';
import { useAnnotationList } from './use-annotation-list';

const FILTER_KEYS = ['tag', 'color', 'outlet', 'articleId', 'text', 'status', 'sort', 'direction'] as const;
const CARD_HEIGHT = 150;
const CARD_GAP = 10;
const PREFETCH = 20;

/**
 * Every annotated passage of the notebook, filterable by tag (children included), colour, outlet, article,
 * status and text, and sortable: the place to code passages across outlets (as Taguette's highlights view).
 * The filters live in the address, so a reload or a bookmark returns to the same list. The list is
 * virtualised and paged from the server, so 100k passages cost a screenful of cards.
 */
export function AnnotationsView({ route, navigate, notify }: ViewProps) {
  const onError = useCallback((m: string) => void notify('error', m), [notify]);
  const [filters, setFilters] = useState<ListFilters>(() => {
    const f: Record<string, string> = {};
    for (const k of FILTER_KEYS) {
      const v = route.params.get(k);
      if (v) f[k] = v;
    }
    return { sort: 'position', ...f } as ListFilters;
  });
  useEffect(() => {
    const params = Object.fromEntries(Object.entries(filters).filter(([k, v]) => v && !(k === 'sort' && v === 'position'))) as Record<
      string,
      string
    >;
    window.history.replaceState(null, '', routeHash('annotations', [], params));
  }, [filters]);
  const set = (patch: Partial<ListFilters>) => setFilters((f) => ({ ...f, ...patch }));

  const list = useAnnotationList(filters, onError);
  const { tags } = useTags();
  const [editing, setEditing] = useState<{ id: string; mode: EditMode } | null>(null);
  const editingIndex = editing ? list.findLoaded((a) => a.id === editing.id) : -1;

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: list.total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => CARD_HEIGHT,
    gap: CARD_GAP,
    overscan: 4,
    // The card being edited stays rendered when scrolled away, so a note being typed is never lost.
    rangeExtractor: useCallback(
      (range: Parameters<typeof defaultRangeExtractor>[0]) => {
        const shown = defaultRangeExtractor(range);
        return editingIndex >= 0 && !shown.includes(editingIndex) ? [...shown, editingIndex].sort((a, b) => a - b) : shown;
      },
      [editingIndex],
    ),
  });
  const cards = virtualizer.getVirtualItems();
  const first = cards[0]?.index ?? 0;
  const last = cards.at(-1)?.index ?? 0;
  const { setRange, resets } = list;
  useEffect(() => setRange(first - PREFETCH, last + PREFETCH), [first, last, setRange]);
  useEffect(() => virtualizer.scrollToOffset(0), [resets, virtualizer]);

  const filtered = Object.entries(filters).some(([k, v]) => v && k !== 'sort' && k !== 'direction');
  return (
    <section className="annotations-view" aria-label="All annotations">
      <header className="annotations-view__header">
        <h1>All annotations</h1>
        <p className="annotations-view__count" aria-live="polite">
          {list.loaded ? plural(list.total, 'passage') : 'Loading…'}
        </p>
      </header>
      <AnnotationFilters filters={filters} tags={tags} set={set} clear={() => setFilters({ sort: filters.sort })} onError={onError} />
      {list.loaded && list.total === 0 && (
        <p className="empty-state">
          {filtered ? 'No passage matches these filters.' : 'No annotations yet: select text in an article to highlight it.'}
        </p>
      )}
      {/* A focusable scroller: Page Up/Down scroll it natively; Home and End go through the virtualiser, which
          lands on the first or last passage even before its page is loaded and its height is known. */}
      <div
        ref={scrollRef}
        className="annotations-view__scroller"
        role="region"
        aria-label="Passages"
        tabIndex={0}
        onKeyDown={(e) => {
          if (e.target !== e.currentTarget || !list.total || (e.key !== 'Home' && e.key !== 'End')) return;
          e.preventDefault();
          virtualizer.scrollToIndex(e.key === 'Home' ? 0 : list.total - 1, { align: e.key === 'Home' ? 'start' : 'end' });
        }}
      >
        <ol className="annotations-view__list" aria-label="Annotations" style={{ height: virtualizer.getTotalSize() }}>
          {cards.map((v) => {
            const a = list.itemAt(v.index);
            const place = {
              index: v.index,
              setSize: list.total,
              measureRef: virtualizer.measureElement,
              style: { transform: `translateY(${v.start}px)` },
            };
            if (!a)
              return (
                <li key={`at-${v.index}`} {...placeProps(place)} aria-busy="true" className="annotation-card annotation-card--loading">
                  Loading…
                </li>
              );
            return (
              <AnnotationCard
                key={a.id}
                annotation={a}
                place={place}
                tags={tags}
                showArticle
                selected={false}
                editMode={editing?.id === a.id ? editing.mode : null}
                onEdit={(mode) => setEditing(mode ? { id: a.id, mode } : null)}
                onShow={() => navigate(routeHash('library', [a.articleId], { annotation: a.id }))}
                showLabel="Open this passage in its article"
                onError={onError}
                onTagClick={(tag) => set({ tag })}
              />
            );
          })}
        </ol>
      </div>
    </section>
  );
}
