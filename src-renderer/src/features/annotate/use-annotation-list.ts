import { useCallback, useEffect, useRef, useState } from 'react';
import type { AnnotationListItem, AnnotationQuery } from '@contract';
import { call, subscribe } from '../../api/client';

export type ListFilters = Pick<AnnotationQuery, 'tag' | 'color' | 'outlet' | 'articleId' | 'text' | 'status' | 'sort' | 'direction'>;

/** The notebook-wide annotation list for some filters, a page at a time, refreshed when the notebook changes. */
export function useAnnotationList(filters: ListFilters, onError: (m: string) => void) {
  const [items, setItems] = useState<AnnotationListItem[]>([]);
  const [total, setTotal] = useState(0);
  const [loaded, setLoaded] = useState(false);
  const [limit, setLimit] = useState(200);
  const request = useRef(0);
  const key = JSON.stringify(filters);

  const load = useCallback(async () => {
    const mine = ++request.current;
    try {
      const clean = Object.fromEntries(Object.entries(JSON.parse(key) as ListFilters).filter(([, v]) => v !== '' && v !== undefined));
      const res = await call('annotations.list', { ...clean, limit });
      if (mine !== request.current) return;
      setItems(res.items);
      setTotal(res.total);
      setLoaded(true);
    } catch (e) {
      onError((e as Error).message);
    }
  }, [key, limit, onError]);

  useEffect(() => {
    const t = setTimeout(() => void load(), 60);
    return () => clearTimeout(t);
  }, [load]);
  useEffect(() => subscribe('notebook.changed', () => void load()), [load]);

  return { items, total, loaded, showMore: () => setLimit((l) => l + 200) };
}
