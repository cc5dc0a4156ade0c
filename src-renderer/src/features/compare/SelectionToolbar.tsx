import { useEffect, useState } from 'react';
import type { ComparePassage } from './annotate-hook';
import type { ColumnOf } from './selection-passage';
import { passageFromSelection } from './selection-passage';

/**
 * A small toolbar over a text selection inside one compare column: "Annotate" hands the passage to
 * annotations (see annotate-hook.ts).
 */
export function SelectionToolbar({
  container,
  columnOf,
  bodyFor,
  onAnnotate,
}: {
  container: HTMLElement | null;
  columnOf: ColumnOf;
  bodyFor: (articleId: string) => string | null;
  onAnnotate: (p: ComparePassage) => void;
}) {
  const [pending, setPending] = useState<{ p: ComparePassage; x: number; y: number } | null>(null);
  useEffect(() => {
    if (!container) return;
    const onUp = () => {
      const sel = window.getSelection();
      const p = passageFromSelection(container, sel, columnOf, bodyFor);
      if (!p || !sel) return setPending(null);
      const range = sel.getRangeAt(0);
      const rect = range.getBoundingClientRect();
      const box = container.getBoundingClientRect();
      // The toolbar is placed in the container's content, which may be scrolled.
      setPending({
        p,
        x: rect.left - box.left + container.scrollLeft + rect.width / 2,
        y: rect.top - box.top + container.scrollTop,
      });
    };
    container.addEventListener('mouseup', onUp);
    container.addEventListener('keyup', onUp);
    return () => {
      container.removeEventListener('mouseup', onUp);
      container.removeEventListener('keyup', onUp);
    };
  }, [container, columnOf, bodyFor]);
  if (!pending) return null;
  return (
    <div className="selection-toolbar" role="toolbar" aria-label="Selection" style={{ left: pending.x, top: Math.max(0, pending.y - 40) }}>
      <button
        type="button"
        className="button"
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => {
          onAnnotate(pending.p);
          setPending(null);
        }}
      >
        Annotate
      </button>
    </div>
  );
}
