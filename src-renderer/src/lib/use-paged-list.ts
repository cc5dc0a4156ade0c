import { useCallback, useEffect, useRef, useState } from 'react';
import type { PageCache } from './paged-cache';
import { emptyCache, findLoaded, itemAt } from './paged-cache';
import type { FetchPage } from './paged-loader';
import { PagedLoader } from './paged-loader';

type Options<T> = {
  /** Says what is listed (filter, sort...): when it changes the list starts over. */
  queryKey: string;
  fetchPage: FetchPage<T>;
  onError: (message: string) => void;
  /** Subscribe to "the data changed" (notebook.changed): the visible rows and the total are fetched again. */
  onChanges?: (listener: () => void) => () => void;
  pageSize?: number;
  maxPages?: number;
  scrollDelayMs?: number;
  /** Bursts of changes (an import, a tag rename) cost one refresh. */
  changeDelayMs?: number;
};

export type PagedList<T> = {
  cache: PageCache<T>;
  total: number;
  loaded: boolean;
  itemAt: (index: number) => T | undefined;
  findLoaded: (match: (item: T) => boolean) => number;
  /** Tell the list which rows are on screen; missing pages are fetched. */
  setRange: (start: number, end: number) => void;
  refresh: () => void;
  /** Increments each time the list starts over for a new query. */
  resets: number;
};

/** A long server-side list fetched a page at a time (paged-loader.ts), as React state. */
export function usePagedList<T>({
  queryKey,
  fetchPage,
  onError,
  onChanges,
  pageSize = 200,
  maxPages = 40,
  scrollDelayMs = 40,
  changeDelayMs = 150,
}: Options<T>): PagedList<T> {
  const [cache, setCache] = useState(() => emptyCache<T>(pageSize));
  const [resets, setResets] = useState(0);
  const errorRef = useRef(onError);
  useEffect(() => void (errorRef.current = onError));
  const [loader] = useState(
    () => new PagedLoader<T>({ pageSize, maxPages, scrollDelayMs, onCache: setCache, onError: (m) => errorRef.current(m) }),
  );

  const setRange = useCallback((start: number, end: number) => loader.setRange(start, end), [loader]);
  const refresh = useCallback(() => loader.refresh(), [loader]);

  // fetchPage changes exactly when the query does (it closes over it); the key makes that explicit.
  useEffect(() => {
    loader.reset(fetchPage);
    setResets((n) => n + 1);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loader, queryKey]);
  useEffect(() => () => loader.dispose(), [loader]);

  useEffect(() => {
    if (!onChanges) return;
    let t: ReturnType<typeof setTimeout> | null = null;
    const off = onChanges(() => {
      if (t) clearTimeout(t);
      t = setTimeout(() => loader.refresh(), changeDelayMs);
    });
    return () => {
      off();
      if (t) clearTimeout(t);
    };
  }, [loader, onChanges, changeDelayMs]);

  // Stable until a page arrives: a virtualiser keyed by these recomputes its layout only then.
  const itemAtIndex = useCallback((i: number) => itemAt(cache, i), [cache]);
  const findLoadedItem = useCallback((match: (item: T) => boolean) => findLoaded(cache, match), [cache]);
  return {
    cache,
    total: cache.total ?? 0,
    loaded: cache.total !== null,
    itemAt: itemAtIndex,
    findLoaded: findLoadedItem,
    setRange,
    refresh,
    resets,
  };
}
