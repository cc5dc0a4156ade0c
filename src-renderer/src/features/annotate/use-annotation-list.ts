import { useCallback, useMemo } from 'react';
import type { AnnotationListItem, AnnotationQuery } from '@contract';
import { call, subscribe } from '../../api/client';
import { usePagedList } from '../../lib/use-paged-list';
import { useSettled } from '../../lib/use-settled';

export type ListFilters = Pick<AnnotationQuery, 'tag' | 'color' | 'outlet' | 'articleId' | 'text' | 'status' | 'sort' | 'direction'>;

const TEXT_DELAY_MS = 150;
export const ANNOTATION_PAGE = 100;
const onNotebookChanged = (listener: () => void) => subscribe('notebook.changed', listener);

/**
 * The notebook-wide annotation list for some filters, paged from the server as the user scrolls (see
 * lib/paged-loader.ts); typing in the text filter waits for a pause, the other filters apply at once.
 */
export function useAnnotationList(filters: ListFilters, onError: (m: string) => void) {
  const sent = useSettled(filters, (next, last) => (next.text !== last.text ? TEXT_DELAY_MS : 0));

  const query = useMemo(
    () => Object.fromEntries(Object.entries(sent).filter(([, v]) => v !== '' && v !== undefined)) as ListFilters,
    [sent],
  );
  const fetchPage = useCallback((offset: number, limit: number) => call('annotations.list', { ...query, offset, limit }), [query]);
  return usePagedList<AnnotationListItem>({
    queryKey: JSON.stringify(query),
    fetchPage,
    onError,
    onChanges: onNotebookChanged,
    pageSize: ANNOTATION_PAGE,
    maxPages: 30,
  });
}
