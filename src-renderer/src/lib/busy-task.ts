import { useCallback, useState } from 'react';

type BusySetters = { setBusy: (busy: boolean) => void; setError: (message: string | null) => void };

/**
 * Run a dialog's action: busy while it runs, the last message cleared first, a failure shown as the message
 * (never thrown into React), busy cleared however it ends.
 */
export async function runBusy(task: () => Promise<void>, { setBusy, setError }: BusySetters): Promise<void> {
  setBusy(true);
  setError(null);
  try {
    await task();
  } catch (e) {
    setError(e instanceof Error ? e.message : String(e));
  } finally {
    setBusy(false);
  }
}

/** `runBusy` as a hook: the dialogs that fetch, import or pair share one way of saying "working" and "failed". */
export function useBusyTask() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback((task: () => Promise<void>) => runBusy(task, { setBusy, setError }), []);
  return { busy, error, setError, run };
}
