import { useEffect, useRef, useState } from 'react';
import type { SearchResult } from '@contract';
import { call, subscribe } from '../../api/client';
import { useSearchStatus } from './use-search-status';

const DEBOUNCE_MS = 60;

/**
 * Search as you type: a short debounce, answers applied in order (a slow early answer never replaces a
 * later one), and a fresh run whenever the index finishes (re)building or the notebook changes. `current`
 * says whether the result answers the query as typed now. `exhaustive` asks the back end to check every
 * candidate (after an approximate answer, "Show all").
 */
export function useSearch(query: string, limit = 50, exhaustive = false) {
  const [result, setResult] = useState<SearchResult | null>(null);
  /** The query the shown result answers: until the answer to what was just typed arrives, it is an older one. */
  const [answered, setAnswered] = useState<string | null>(null);
  const status = useSearchStatus();
  const [error, setError] = useState<string | null>(null);
  const [epoch, setEpoch] = useState(0);
  const seq = useRef(0);

  // The query runs again when the index becomes ready and as it is rebuilt (every 500 articles).
  useEffect(() => {
    if (status?.state === 'ready' || (status?.progress && status.progress.done % 500 === 0)) setEpoch((e) => e + 1);
  }, [status]);
  useEffect(() => subscribe('notebook.changed', () => setEpoch((e) => e + 1)), []);

  useEffect(() => {
    const mine = ++seq.current;
    if (!query.trim()) {
      setResult(null);
      setAnswered(null);
      setError(null);
      return;
    }
    const timer = setTimeout(() => {
      call('search.query', { query, limit, offset: 0, ...(exhaustive ? { exhaustive } : {}) }).then(
        (r) => {
          if (mine !== seq.current) return;
          setResult(r);
          setAnswered(query);
          setError(null);
        },
        (e: Error) => mine === seq.current && setError(e.message),
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query, limit, epoch, exhaustive]);

  return { result, status, error, current: answered === query };
}
