import { useEffect, useState } from 'react';
import type { AnnotationSort, ArticleSummary, TagInfo } from '@contract';
import { anchorStatuses, annotationSorts } from '@shared/annotations';
import { call } from '../../api/client';
import { TagOptions } from '../tags/TagOptions';
import { colorLabels, highlightColors } from './colors';
import type { ListFilters } from './use-annotation-list';

const sortLabels: Record<AnnotationSort, string> = {
  position: 'Article, then text order',
  article: 'Article title',
  outlet: 'Outlet',
  color: 'Colour',
  created: 'Date created',
  updated: 'Date edited',
};

type Props = {
  filters: ListFilters;
  tags: TagInfo[];
  set: (patch: Partial<ListFilters>) => void;
  clear: () => void;
  onError: (m: string) => void;
};

/** One labelled menu of the filter bar; `any` is the first choice, meaning "no filter". */
function FilterSelect({
  label,
  value,
  any,
  onChange,
  children,
}: {
  label: string;
  value: string | undefined;
  any?: string;
  onChange: (value: string) => void;
  children: React.ReactNode;
}) {
  return (
    <label>
      {label}
      <select aria-label={label} className="select" value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
        {any && <option value="">{any}</option>}
        {children}
      </select>
    </label>
  );
}

const options = (values: readonly string[], text: (v: string) => string = (v) => v) =>
  values.map((v) => (
    <option key={v} value={v}>
      {text(v)}
    </option>
  ));

/**
 * The article to filter by, chosen by typing part of its title: a notebook of 100k articles cannot be a
 * menu, so the box asks the server for the first matches (one small page) as the user types.
 */
function ArticleChooser({
  articleId,
  onChange,
  onError,
}: {
  articleId: string | undefined;
  onChange: (id: string) => void;
  onError: Props['onError'];
}) {
  const [text, setText] = useState('');
  const [matches, setMatches] = useState<ArticleSummary[]>([]);
  useEffect(() => {
    if (!articleId) return setText('');
    call('articles.summaries', { ids: [articleId] }).then((r) => setText(r.items[0]?.title ?? articleId), onError);
  }, [articleId, onError]);
  useEffect(() => {
    if (!text.trim() || matches.some((m) => m.title === text)) return;
    const t = setTimeout(
      () => call('articles.list', { filter: text, sort: 'title', limit: 20 }).then((r) => setMatches(r.items), onError),
      150,
    );
    return () => clearTimeout(t);
  }, [text, matches, onError]);
  return (
    <label>
      Article
      <input
        aria-label="Article"
        className="input"
        type="search"
        list="annotation-article-matches"
        placeholder="Any article: type a title"
        value={text}
        onChange={(e) => {
          const value = e.target.value;
          setText(value);
          const chosen = matches.find((m) => m.title === value);
          if (chosen) onChange(chosen.id);
          else if (!value) onChange('');
        }}
      />
      <datalist id="annotation-article-matches">
        {matches.map((m) => (
          <option key={m.id} value={m.title}>
            {m.outlet ?? ''}
          </option>
        ))}
      </datalist>
    </label>
  );
}

/** The filters of All annotations: text, tag, colour, outlet, article, status, sort and direction. */
export function AnnotationFilters({ filters, tags, set, clear, onError }: Props) {
  const [outlets, setOutlets] = useState<string[]>([]);
  useEffect(() => {
    call('articles.outlets', {}).then((r) => setOutlets(r.outlets.map((o) => o.outlet)), onError);
  }, [onError]);
  const filtered = Object.entries(filters).some(([k, v]) => v && k !== 'sort' && k !== 'direction');
  return (
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
      <FilterSelect label="Tag" value={filters.tag} any="Any tag" onChange={(tag) => set({ tag })}>
        <TagOptions tags={tags} count={(t) => t.totalPassages} />
      </FilterSelect>
      <FilterSelect
        label="Colour"
        value={filters.color}
        any="Any colour"
        onChange={(c) => set({ color: (c || undefined) as ListFilters['color'] })}
      >
        {options(highlightColors, (c) => colorLabels[c as keyof typeof colorLabels])}
      </FilterSelect>
      <FilterSelect label="Outlet" value={filters.outlet} any="Any outlet" onChange={(outlet) => set({ outlet })}>
        {options(outlets)}
      </FilterSelect>
      <ArticleChooser articleId={filters.articleId} onChange={(articleId) => set({ articleId })} onError={onError} />
      <FilterSelect
        label="Status"
        value={filters.status}
        any="Any status"
        onChange={(s) => set({ status: (s || undefined) as ListFilters['status'] })}
      >
        {options(anchorStatuses)}
      </FilterSelect>
      <FilterSelect
        label="Sort"
        value={filters.sort ?? 'position'}
        onChange={(s) => set({ sort: s as AnnotationSort, direction: undefined })}
      >
        {options(annotationSorts, (s) => sortLabels[s as AnnotationSort])}
      </FilterSelect>
      <button
        type="button"
        className="icon-button"
        aria-label={filters.direction === 'desc' ? 'Descending order; switch to ascending' : 'Switch to descending order'}
        onClick={() => set({ direction: filters.direction === 'desc' ? 'asc' : 'desc' })}
      >
        {filters.direction === 'desc' ? '↓' : '↑'}
      </button>
      {filtered && (
        <button type="button" className="link-button" onClick={clear}>
          Clear filters
        </button>
      )}
    </div>
  );
}
