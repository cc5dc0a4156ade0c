import { selectionToRange } from '../../lib/selection-offsets';
import type { ComparePassage } from './annotate-hook';

/** The column a point of the compare view belongs to: the element holding one article's text, and that article. */
export type ColumnOf = (el: Element) => { root: Element; articleId: string } | null;

/**
 * A selection in the compare view as a passage of one article: mapped to body offsets by the reader's mapper
 * (lib/selection-offsets.ts) within the column it starts in; null when it is empty, outside `container`,
 * or runs from one article's column into the other's.
 */
export function passageFromSelection(
  container: Element,
  selection: Selection | null,
  columnOf: ColumnOf,
  bodyFor: (articleId: string) => string | null,
): ComparePassage | null {
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const elementOf = (n: Node) => (n.nodeType === Node.ELEMENT_NODE ? (n as Element) : n.parentElement);
  const startEl = elementOf(range.startContainer);
  const endEl = elementOf(range.endContainer);
  if (!startEl || !endEl || !container.contains(startEl)) return null;
  const column = columnOf(startEl);
  if (!column || !column.root.contains(endEl)) return null;
  const body = bodyFor(column.articleId);
  const r = selectionToRange(column.root, selection);
  if (body === null || !r) return null;
  return {
    articleId: column.articleId,
    start: r.start,
    end: r.end,
    exact: body.slice(r.start, r.end),
    prefix: body.slice(Math.max(0, r.start - 32), r.start),
    suffix: body.slice(r.end, r.end + 32),
  };
}
