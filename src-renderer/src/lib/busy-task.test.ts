import { describe, expect, it } from 'vitest';
import { runBusy } from './busy-task';

function recorder() {
  const events: string[] = [];
  return {
    events,
    setters: {
      setBusy: (b: boolean) => void events.push(b ? 'busy' : 'idle'),
      setError: (m: string | null) => void events.push(m === null ? 'clear' : `error: ${m}`),
    },
  };
}

describe('runBusy', () => {
  it('is busy while the task runs, clears the last message first and is idle after', async () => {
    const { events, setters } = recorder();
    await runBusy(async () => void events.push('task'), setters);
    expect(events).toEqual(['busy', 'clear', 'task', 'idle']);
  });

  it('shows a failure as the message and still ends idle', async () => {
    const { events, setters } = recorder();
    await runBusy(async () => {
      throw new Error('The page could not be reached.');
    }, setters);
    expect(events).toEqual(['busy', 'clear', 'error: The page could not be reached.', 'idle']);
  });

  it('a thrown non-Error becomes its text', async () => {
    const { events, setters } = recorder();
    await runBusy(() => Promise.reject('offline'), setters);
    expect(events).toContain('error: offline');
  });
});
