/** A range of an article body, in UTF-16 offsets. */
export type TextRange = { start: number; end: number };

/**
 * Map a DOM selection inside a view of one article's text (the reader, a compare column) to body offsets:
 * the one mapper both use. Every run of clean text is an element with `data-offset` (its start in the body,
 * see MarkedText), holding a single text node; a point inside one is data-offset + the offset in its text.
 * A point elsewhere (a boilerplate line, a post's caption, a badge, between blocks) snaps to the nearest run
 * after it for a start, before it for an end.
 */
function textBefore(host: Element, node: Node): number {
  let n = 0;
  const walker = document.createTreeWalker(host, NodeFilter.SHOW_TEXT);
  for (let t = walker.nextNode(); t && t !== node; t = walker.nextNode()) n += (t.nodeValue ?? '').length;
  return n;
}

function boundary(root: Element, node: Node, offset: number, side: 'start' | 'end'): number | null {
  const el = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
  const host = el?.closest<HTMLElement>('[data-offset]');
  if (host && root.contains(host) && node.nodeType === Node.TEXT_NODE) {
    return Number(host.dataset.offset) + textBefore(host, node) + offset;
  }
  const point = document.createRange();
  point.setStart(node, offset);
  const runs = [...root.querySelectorAll<HTMLElement>('[data-offset]')];
  if (side === 'start') {
    const next = runs.find((r) => point.comparePoint(r, 0) >= 0);
    return next ? Number(next.dataset.offset) : null;
  }
  const prev = runs.reverse().find((r) => point.comparePoint(r, r.childNodes.length) <= 0);
  return prev ? Number(prev.dataset.offset) + (prev.textContent ?? '').length : null;
}

export function selectionToRange(root: Element, selection: Selection | null): TextRange | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const r = selection.getRangeAt(0);
  if (!root.contains(r.commonAncestorContainer) && !r.intersectsNode(root)) return null;
  const start = boundary(root, r.startContainer, r.startOffset, 'start');
  const end = boundary(root, r.endContainer, r.endOffset, 'end');
  return start !== null && end !== null && end > start ? { start, end } : null;
}
