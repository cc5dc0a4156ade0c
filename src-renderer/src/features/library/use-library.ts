import { useCallback, useMemo, useState } from 'react';
import type { ListedArticle, ListQuery } from '@contract';
import { call, subscribe } from '../../api/client';
import { usePagedList } from '../../lib/use-paged-list';
import { useSettled } from '../../lib/use-settled';

export type SortKey = NonNullable<ListQuery['sort']>;
export type LibraryQuery = { filter: string; tag: string; sort: SortKey; direction: 'asc' | 'desc' };

const defaultDirection = (sort: SortKey) => (sort === 'date' || sort === 'imported' ? 'desc' : 'asc');
const FILTER_DELAY_MS = 120;
export const LIBRARY_PAGE = 200;

const onNotebookChanged = (listener: () => void) => subscribe('notebook.changed', listener);

/**
 * The library for the current filter and sort, paged from the server: the list holds the rows on screen
 * (and a bounded cache around them), never the whole notebook. Typing updates the box at once; the query
 * sent follows after a short pause. A change to the notebook re-fetches only the visible rows and the total.
 */
export function useLibrary(onError: (message: string) => void) {
  const [query, setQuery] = useState<LibraryQuery>({ filter: '', tag: '', sort: 'date', direction: 'desc' });
  const sent = useSettled(query, (next, last) => (next.filter !== last.filter ? FILTER_DELAY_MS : 0));

  const listed = useMemo(
    () => ({ filter: sent.filter.trim() || undefined, tag: sent.tag || undefined, sort: sent.sort, direction: sent.direction }),
    [sent],
  );
  const fetchPage = useCallback((offset: number, limit: number) => call('articles.list', { ...listed, offset, limit }), [listed]);
  const list = usePagedList<ListedArticle>({
    queryKey: JSON.stringify(listed),
    fetchPage,
    onError,
    onChanges: onNotebookChanged,
    pageSize: LIBRARY_PAGE,
  });
  /** Where an article is in the current ordering (null: filtered out), to show it when it was opened elsewhere. */
  const locate = useCallback(async (id: string) => (await call('articles.locate', { ...listed, id })).index, [listed]);

  const setSort = (sort: SortKey) => setQuery((q) => ({ ...q, sort, direction: defaultDirection(sort) }));
  const toggleDirection = () => setQuery((q) => ({ ...q, direction: q.direction === 'asc' ? 'desc' : 'asc' }));
  const setFilter = (filter: string) => setQuery((q) => ({ ...q, filter }));
  const setTag = (tag: string) => setQuery((q) => ({ ...q, tag }));
  return { list, query, sent, locate, setSort, toggleDirection, setFilter, setTag, reload: list.refresh };
}

export type Library = ReturnType<typeof useLibrary>;
