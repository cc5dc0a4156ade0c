import { useEffect, useSyncExternalStore } from 'react';
import type { TagInfo } from '@contract';
import { effectiveColor } from '@shared/tags';
import { call, subscribe } from '../../api/client';

/**
 * The notebook's tags with counts and colours, shared by every component that shows a chip or offers
 * autocomplete: one request, refreshed when the notebook changes.
 */
let tags: TagInfo[] = [];
let loaded = false;
let users = 0;
let unsubscribe: (() => void) | null = null;
let pending: ReturnType<typeof setTimeout> | null = null;
const listeners = new Set<() => void>();

export async function refreshTags(): Promise<void> {
  try {
    tags = (await call('tags.list', {})).tags;
    loaded = true;
  } catch {
    /* shown elsewhere; keep what we had */
  }
  listeners.forEach((l) => l());
}

const scheduleRefresh = () => {
  if (pending) clearTimeout(pending);
  pending = setTimeout(() => void refreshTags(), 50);
};

export function useTags(): { tags: TagInfo[]; loaded: boolean } {
  useEffect(() => {
    if (users++ === 0) {
      unsubscribe = subscribe('notebook.changed', scheduleRefresh);
      void refreshTags();
    }
    return () => {
      if (--users === 0) unsubscribe?.();
    };
  }, []);
  const list = useSyncExternalStore(
    (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    () => tags,
  );
  return { tags: list, loaded };
}

/** The colour a tag shows: its own, else its nearest ancestor's (the tag list's colours, by the one rule). */
export function tagColor(name: string, list: TagInfo[]): string | null {
  return effectiveColor(name, Object.fromEntries(list.map((t) => [t.name, t.color])));
}
