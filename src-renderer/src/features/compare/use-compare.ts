import { useEffect, useState } from 'react';
import type { CompareResult } from '@contract';
import { call, subscribe } from '../../api/client';

export type CompareState = {
  result: CompareResult | null;
  error: string | null;
  progress: { stage: string; done: number; total: number } | null;
};

/** Run a comparison in the back end; progress events arrive while it computes (many articles). */
export function useCompare(ids: string[]): CompareState {
  const key = ids.join(',');
  const [state, setState] = useState<CompareState>({ result: null, error: null, progress: null });
  useEffect(() => {
    if (!key) return;
    let live = true;
    setState({ result: null, error: null, progress: null });
    const off = subscribe('compare.progress', (p) => live && setState((s) => (s.result ? s : { ...s, progress: p })));
    call('compare.articles', { ids: key.split(',') }).then(
      (result) => live && setState({ result, error: null, progress: null }),
      (e: Error) => live && setState({ result: null, error: e.message, progress: null }),
    );
    return () => {
      live = false;
      off();
    };
  }, [key]);
  return state;
}
