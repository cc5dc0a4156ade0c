import { useCallback, useState } from 'react';

export type Notice = { id: number; tone: 'info' | 'error' | 'success'; text: string; details?: string[] };

let nextId = 1;

/** Status messages shown in the status area (an ARIA live region), newest last. */
export function useNotices() {
  const [notices, setNotices] = useState<Notice[]>([]);
  const dismiss = useCallback((id: number) => setNotices((n) => n.filter((x) => x.id !== id)), []);
  const notify = useCallback(
    (tone: Notice['tone'], text: string, details?: string[]) => {
      const id = nextId++;
      setNotices((n) => [...n.slice(-3), { id, tone, text, details }]);
      if (tone !== 'error') setTimeout(() => dismiss(id), 6000);
      return id;
    },
    [dismiss],
  );
  return { notices, notify, dismiss };
}
export type Notify = ReturnType<typeof useNotices>['notify'];
