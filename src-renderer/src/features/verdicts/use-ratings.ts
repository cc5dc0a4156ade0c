import { useSyncExternalStore } from 'react';
import type { Rating } from '@contract';
import { defaultRatings } from '@shared/verdicts';
import { call, subscribe } from '../../api/client';

/**
 * The notebook's ratings, loaded once for the whole window (every annotation card reads them) and again
 * when the notebook changes; the default list until the notebook answers.
 */
let ratings: Rating[] = defaultRatings.map((r) => ({ ...r }));
const listeners = new Set<() => void>();
let watching: (() => void) | null = null;

const load = () =>
  void call('verdicts.ratings', {}).then(
    (r) => {
      ratings = r.ratings;
      for (const l of listeners) l();
    },
    () => undefined,
  );

function watch(listener: () => void): () => void {
  listeners.add(listener);
  if (!watching) {
    load();
    watching = subscribe('notebook.changed', load);
  }
  return () => {
    listeners.delete(listener);
    if (!listeners.size && watching) {
      watching();
      watching = null;
    }
  };
}

export function useRatings(): Rating[] {
  return useSyncExternalStore(watch, () => ratings);
}
