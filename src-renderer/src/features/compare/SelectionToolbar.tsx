import { useEffect, useState } from 'react';
import type { ComparePassage } from './annotate-hook';

/** Body offset of a point inside MarkedText: the run's `data-offset` plus the offset inside its text node. */
function bodyOffset(node: Node, offset: number): number | null {
  const el = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
  const run = el?.closest<HTMLElement>('[data-offset]');
  if (!run) return null;
  return Number(run.dataset.offset) + (node.nodeType === Node.TEXT_NODE ? offset : 0);
}

/**
 * A small toolbar over a text selection inside one compare column: "Annotate" hands the passage to
 * annotations (see annotate-hook.ts).
 */
export function SelectionToolbar({
  container,
  articleFor,
  bodyFor,
  onAnnotate,
}: {
  container: HTMLElement | null;
  articleFor: (el: Element) => string | null;
  bodyFor: (articleId: string) => string | null;
  onAnnotate: (p: ComparePassage) => void;
}) {
  const [pending, setPending] = useState<{ p: ComparePassage; x: number; y: number } | null>(null);
  useEffect(() => {
    if (!container) return;
    const onUp = () => {
      const sel = window.getSelection();
      if (!sel || sel.isCollapsed || sel.rangeCount === 0) return setPending(null);
      const range = sel.getRangeAt(0);
      const startEl = range.startContainer.parentElement;
      if (!startEl || !container.contains(startEl)) return setPending(null);
      const articleId = articleFor(startEl);
      const endArticle = range.endContainer.parentElement ? articleFor(range.endContainer.parentElement) : null;
      const body = articleId ? bodyFor(articleId) : null;
      const start = bodyOffset(range.startContainer, range.startOffset);
      const end = bodyOffset(range.endContainer, range.endOffset);
      if (!articleId || articleId !== endArticle || body === null || start === null || end === null || end <= start)
        return setPending(null);
      const rect = range.getBoundingClientRect();
      const box = container.getBoundingClientRect();
      setPending({
        p: {
          articleId,
          start,
          end,
          exact: body.slice(start, end),
          prefix: body.slice(Math.max(0, start - 32), start),
          suffix: body.slice(end, end + 32),
        },
        x: rect.left - box.left + rect.width / 2,
        y: rect.top - box.top,
      });
    };
    container.addEventListener('mouseup', onUp);
    container.addEventListener('keyup', onUp);
    return () => {
      container.removeEventListener('mouseup', onUp);
      container.removeEventListener('keyup', onUp);
    };
  }, [container, articleFor, bodyFor]);
  if (!pending) return null;
  return (
    <div className="selection-toolbar" role="toolbar" aria-label="Selection" style={{ left: pending.x, top: Math.max(0, pending.y - 40) }}>
      <button
        type="button"
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
