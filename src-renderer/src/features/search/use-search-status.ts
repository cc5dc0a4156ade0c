import { useEffect, useState } from 'react';
import type { SearchStatus } from '@contract';
import { call, subscribe } from '../../api/client';

/** While the index is starting, ask again this often: its "ready" event may go out before this page listens. */
const STARTING_RECHECK_MS = 500;

/**
 * The search index's status, as the back end reports it: asked once, then followed through its events.
 * While the notebook or its index is still opening the answer is "starting" (the library already shows,
 * search does not answer yet); it is asked again until it is not, so a missed event cannot leave the page
 * saying the index is loading.
 */
export function useSearchStatus(): SearchStatus | null {
  const [status, setStatus] = useState<SearchStatus | null>(null);
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = () =>
      call('search.status', {}).then(
        (s) => {
          if (!live) return;
          setStatus(s);
          if (s.state === 'starting') timer = setTimeout(ask, STARTING_RECHECK_MS);
        },
        () => undefined,
      );
    void ask();
    const off = subscribe('search.status', setStatus);
    return () => {
      live = false;
      clearTimeout(timer);
      off();
    };
  }, []);
  return status;
}
