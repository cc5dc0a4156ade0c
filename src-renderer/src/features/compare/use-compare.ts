import { useCallback, useEffect, useRef, useState } from 'react';
import type { CompareResult } from '@contract';
import { ApiCallError, call, subscribe } from '../../api/client';

export type CompareState = {
  result: CompareResult | null;
  error: string | null;
  /** The comparison was cancelled (here, or replaced by a newer one elsewhere): the message says which. */
  cancelled: string | null;
  progress: { stage: string; done: number; total: number } | null;
};

let counter = 0;
/** A request id for one comparison, so it can be cancelled (compare.cancel). */
const newRequestId = () => `view-${Date.now().toString(36)}-${(counter++).toString(36)}`;

/**
 * Run a comparison in the back end, with its progress; `cancel` stops it, `retry` runs it again. Leaving
 * the view (or comparing other articles) cancels a comparison still running: its work is of no use.
 */
export function useCompare(ids: string[]): CompareState & { running: boolean; cancel: () => void; retry: () => void } {
  const key = ids.join(',');
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<CompareState>({ result: null, error: null, cancelled: null, progress: null });
  const current = useRef<{ requestId: string; done: boolean } | null>(null);
  useEffect(() => {
    if (!key) return;
    let live = true;
    const run = { requestId: newRequestId(), done: false };
    current.current = run;
    setState({ result: null, error: null, cancelled: null, progress: null });
    const off = subscribe('compare.progress', (p) => {
      if (live && p.requestId === run.requestId) setState((s) => (s.result ? s : { ...s, progress: p }));
    });
    call('compare.articles', { ids: key.split(','), requestId: run.requestId }).then(
      (result) => {
        run.done = true;
        if (live) setState({ result, error: null, cancelled: null, progress: null });
      },
      (e: Error) => {
        run.done = true;
        if (!live) return;
        if (e instanceof ApiCallError && e.code === 'CANCELLED')
          setState({ result: null, error: null, cancelled: e.message, progress: null });
        else setState({ result: null, error: e.message, cancelled: null, progress: null });
      },
    );
    return () => {
      live = false;
      off();
      if (!run.done) void call('compare.cancel', { requestId: run.requestId }).catch(() => undefined);
    };
  }, [key, attempt]);
  const cancel = useCallback(() => {
    const run = current.current;
    if (run && !run.done) void call('compare.cancel', { requestId: run.requestId }).catch(() => undefined);
  }, []);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const running = !state.result && !state.error && !state.cancelled;
  return { ...state, running, cancel, retry };
}
