import { createAnnotation } from '../annotate/annotation-actions';

/** A passage chosen in the compare view, in body offsets (UTF-16) of its article, with context for anchoring. */
export type ComparePassage = { articleId: string; start: number; end: number; exact: string; prefix: string; suffix: string };

/**
 * Annotate from the compare view: the passage becomes a highlight on its article, through the same action
 * as the reader's toolbar, so it joins the undo history (Ctrl+Z) and shows in the reader and in All
 * annotations. The range is in body offsets; the annotation service derives the W3C selectors from it.
 */
export async function annotateFromCompare(p: ComparePassage): Promise<{ id: string; articleId: string }> {
  const created = await createAnnotation({ articleId: p.articleId, target: { start: p.start, end: p.end }, color: 'yellow' });
  return { id: created.id, articleId: created.articleId };
}
