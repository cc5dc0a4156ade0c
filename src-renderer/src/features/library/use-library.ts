import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArticleSummary, ListQuery } from '@contract';
import { call, subscribe } from '../../api/client';

export type SortKey = NonNullable<ListQuery['sort']>;
export type LibraryQuery = { filter: string; tag: string; sort: SortKey; direction: 'asc' | 'desc' };

const defaultDirection = (sort: SortKey) => (sort === 'date' || sort === 'imported' ? 'desc' : 'asc');

/** The library rows for the current filter and sort, refreshed whenever the notebook changes. */
export function useLibrary(onError: (message: string) => void) {
  const [query, setQuery] = useState<LibraryQuery>({ filter: '', tag: '', sort: 'date', direction: 'desc' });
  const [items, setItems] = useState<ArticleSummary[]>([]);
  const [total, setTotal] = useState(0);
  const [loaded, setLoaded] = useState(false);
  const request = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++request.current;
    try {
      const res = await call('articles.list', {
        filter: query.filter || undefined,
        tag: query.tag || undefined,
        sort: query.sort,
        direction: query.direction,
      });
      if (mine !== request.current) return; // a newer request (the user kept typing) wins
      setItems(res.items);
      setTotal(res.total);
      setLoaded(true);
    } catch (e) {
      onError((e as Error).message);
    }
  }, [query, onError]);

  useEffect(() => {
    const t = setTimeout(() => void reload(), query.filter ? 80 : 0);
    return () => clearTimeout(t);
  }, [reload, query.filter]);

  useEffect(() => subscribe('notebook.changed', () => void reload()), [reload]);

  const setSort = (sort: SortKey) => setQuery((q) => ({ ...q, sort, direction: defaultDirection(sort) }));
  const toggleDirection = () => setQuery((q) => ({ ...q, direction: q.direction === 'asc' ? 'desc' : 'asc' }));
  const setFilter = (filter: string) => setQuery((q) => ({ ...q, filter }));
  const setTag = (tag: string) => setQuery((q) => ({ ...q, tag }));
  return { items, total, loaded, query, setSort, toggleDirection, setFilter, setTag, reload };
}
