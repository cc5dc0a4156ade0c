import { useEffect, useRef } from 'react';
import type { Notify } from '../../app/use-notices';
import { history } from './history';

const typing = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

/**
 * Ctrl+Z / Cmd+Z undoes the last annotation or tag action; Ctrl+Shift+Z (or Ctrl+Y) redoes it. In a text
 * field the keys keep their usual meaning (undo typing).
 */
export function useUndoShortcuts(notify: Notify) {
  const latest = useRef(notify);
  latest.current = notify;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || typing(e.target)) return;
      const key = e.key.toLowerCase();
      const redo = (key === 'z' && e.shiftKey) || (key === 'y' && !e.shiftKey);
      if (key !== 'z' && !redo) return;
      e.preventDefault();
      (redo ? history.redo() : history.undo()).then(
        (c) => latest.current('info', c ? `${redo ? 'Redone' : 'Undone'}: ${c.label}` : redo ? 'Nothing to redo' : 'Nothing to undo'),
        (err: Error) => latest.current('error', `Could not ${redo ? 'redo' : 'undo'}: ${err.message}`),
      );
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
