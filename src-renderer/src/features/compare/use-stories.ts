import { useCallback, useEffect, useState } from 'react';
import type { Story } from '@contract';
import { call, subscribe } from '../../api/client';

/** The notebook's stories, kept current through the `stories.changed` event. */
export function useStories(): { stories: Story[] | null; reload: () => void } {
  const [stories, setStories] = useState<Story[] | null>(null);
  const reload = useCallback(() => {
    call('stories.list', {}).then(
      (r) => setStories(r.stories),
      () => setStories([]),
    );
  }, []);
  useEffect(() => {
    reload();
    const a = subscribe('stories.changed', reload);
    const b = subscribe('notebook.changed', reload);
    return () => {
      a();
      b();
    };
  }, [reload]);
  return { stories, reload };
}
