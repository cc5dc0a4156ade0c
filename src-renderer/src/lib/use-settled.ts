import { useEffect, useRef, useState } from 'react';

/**
 * A value that follows `value` after a pause: what a list sends to the server while the box the user types
 * in updates at once. `delayFor(next, settled)` says how long to wait (0 for a menu choice, a little while
 * for typed text), so typing never waits for a request and a burst of keys costs one.
 */
export function useSettled<T>(value: T, delayFor: (next: T, settled: T) => number): T {
  const [settled, setSettled] = useState(value);
  const delay = useRef(delayFor);
  useEffect(() => void (delay.current = delayFor));
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), delay.current(value, settled));
    return () => clearTimeout(t);
  }, [value, settled]);
  return settled;
}
