import '../../styles/annotate.css';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AnnotationSort, ArticleSummary } from '@contract';
import { anchorStatuses, annotationSorts } from '@contract';
import { call } from '../../api/client';
import type { ViewProps } from '../../app/views';
import { routeHash } from '../../app/use-route';
import { plural } from '../../lib/format';
import { useTags } from '../tags/use-tags';
import { AnnotationCard } from './AnnotationCard';
import { colorLabels, highlightColors } from './colors';
import type { EditMode } from './use-annotator';
import type { ListFilters } from './use-annotation-list';
import { useAnnotationList } from './use-annotation-list';

const sortLabels: Record<AnnotationSort, string> = {
  position: 'Article, then text order',
  article: 'Article title',
  outlet: 'Outlet',
  color: 'Colour',
  created: 'Date created',
  updated: 'Date edited',
};
const FILTER_KEYS = ['tag', 'color', 'outlet', 'articleId', 'text', 'status', 'sort', 'direction'] as const;

/**
 * Every annotated passage of the notebook, filterable by tag (children included), colour, outlet, article,
 * status and text, and sortable: the place to code passages across outlets (as Taguette's highlights view).
 * The filters live in the address, so a reload or a bookmark returns to the same list.
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

  const { items, total, loaded, showMore } = useAnnotationList(filters, onError);
  const { tags } = useTags();
  const [articles, setArticles] = useState<ArticleSummary[]>([]);
  useEffect(() => {
    call('articles.list', { sort: 'title' }).then((r) => setArticles(r.items), onError);
  }, [onError]);
  const outlets = useMemo(() => [...new Set(articles.map((a) => a.outlet).filter((o): o is string => !!o))].sort(), [articles]);
  const [editing, setEditing] = useState<{ id: string; mode: EditMode } | null>(null);
  const orphaned = items.filter((a) => a.anchor.status === 'orphaned').length;

  return (
    <section className="annotations-view" aria-label="All annotations">
      <header className="annotations-view__header">
        <h1>All annotations</h1>
        <p className="annotations-view__count" aria-live="polite">
          {loaded ? `${plural(total, 'passage')}${orphaned ? ` · ${orphaned} orphaned shown` : ''}` : 'Loading…'}
        </p>
      </header>
      <div className="annotations-view__filters" role="search">
        <label>
          Text
          <input
            aria-label="Text"
            className="input"
            type="search"
            value={filters.text ?? ''}
            placeholder="Words in quote, note or tags"
            onChange={(e) => set({ text: e.target.value })}
          />
        </label>
        <label>
          Tag
          <select aria-label="Tag" className="select" value={filters.tag ?? ''} onChange={(e) => set({ tag: e.target.value })}>
            <option value="">Any tag</option>
            {tags.map((t) => (
              <option key={t.name} value={t.name}>
                {'\u00a0\u00a0'.repeat(t.name.split('/').length - 1)}
                {t.name} ({t.totalPassages})
              </option>
            ))}
          </select>
        </label>
        <label>
          Colour
          <select
            aria-label="Colour"
            className="select"
            value={filters.color ?? ''}
            onChange={(e) => set({ color: (e.target.value || undefined) as ListFilters['color'] })}
          >
            <option value="">Any colour</option>
            {highlightColors.map((c) => (
              <option key={c} value={c}>
                {colorLabels[c]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Outlet
          <select aria-label="Outlet" className="select" value={filters.outlet ?? ''} onChange={(e) => set({ outlet: e.target.value })}>
            <option value="">Any outlet</option>
            {outlets.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </label>
        <label>
          Article
          <select
            aria-label="Article"
            className="select"
            value={filters.articleId ?? ''}
            onChange={(e) => set({ articleId: e.target.value })}
          >
            <option value="">Any article</option>
            {articles.map((a) => (
              <option key={a.id} value={a.id}>
                {a.title.length > 60 ? `${a.title.slice(0, 59)}…` : a.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          Status
          <select
            aria-label="Status"
            className="select"
            value={filters.status ?? ''}
            onChange={(e) => set({ status: (e.target.value || undefined) as ListFilters['status'] })}
          >
            <option value="">Any status</option>
            {anchorStatuses.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          Sort
          <select
            aria-label="Sort"
            className="select"
            value={filters.sort ?? 'position'}
            onChange={(e) => set({ sort: e.target.value as AnnotationSort, direction: undefined })}
          >
            {annotationSorts.map((s) => (
              <option key={s} value={s}>
                {sortLabels[s]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="icon-button"
          aria-label={filters.direction === 'desc' ? 'Descending order; switch to ascending' : 'Switch to descending order'}
          onClick={() => set({ direction: filters.direction === 'desc' ? 'asc' : 'desc' })}
        >
          {filters.direction === 'desc' ? '↓' : '↑'}
        </button>
        {Object.entries(filters).some(([k, v]) => v && k !== 'sort' && k !== 'direction') && (
          <button type="button" className="link-button" onClick={() => setFilters({ sort: filters.sort })}>
            Clear filters
          </button>
        )}
      </div>
      {loaded && items.length === 0 && (
        <p className="empty-state">
          {total === 0 && Object.keys(filters).length <= 1
            ? 'No annotations yet: select text in an article to highlight it.'
            : 'No passage matches these filters.'}
        </p>
      )}
      <ol className="annotations-view__list">
        {items.map((a) => (
          <AnnotationCard
            key={a.id}
            annotation={a}
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
        ))}
      </ol>
      {items.length < total && (
        <button type="button" className="button" onClick={showMore}>
          Show more ({(total - items.length).toLocaleString()} left)
        </button>
      )}
    </section>
  );
}
