import { useCallback, useEffect, useState } from 'react';
import type { SavedSearch } from '@contract';
import { call } from '../../api/client';

const listeners = new Set<() => void>();

/** Tell every list of saved searches to reload (after a save or a delete anywhere in the window). */
export const savedSearchesChanged = () => listeners.forEach((l) => l());

export function useSavedSearches(onError: (m: string) => void) {
  const [items, setItems] = useState<SavedSearch[]>([]);
  const reload = useCallback(() => call('search.saved.list', {}).then(setItems, (e: Error) => onError(e.message)), [onError]);
  useEffect(() => {
    void reload();
    const l = () => void reload();
    listeners.add(l);
    return () => void listeners.delete(l);
  }, [reload]);
  return items;
}
