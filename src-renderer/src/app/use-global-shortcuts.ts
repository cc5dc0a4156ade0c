import { useEffect, useRef } from 'react';

const typing = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

/**
 * App-wide keys: "/" or Ctrl/Cmd+K to the search box, Ctrl/Cmd+Shift+F to the library filter, Escape from
 * the reader back to the list.
 */
export function useGlobalShortcuts(actions: { focusSearch: () => void; focusFilter: () => void; backToList: () => void }) {
  const latest = useRef(actions);
  latest.current = actions;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return; // a view took the key first (the annotator's Escape drops a selection)
      const actions = latest.current;
      if (e.key.toLowerCase() === 'f' && e.shiftKey && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        actions.focusFilter();
      } else if ((e.key === 'k' && (e.ctrlKey || e.metaKey)) || (e.key === '/' && !typing(e.target))) {
        e.preventDefault();
        actions.focusSearch();
      } else if (e.key === 'Escape' && !typing(e.target) && document.activeElement?.closest('.reader')) {
        e.preventDefault();
        actions.backToList();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
