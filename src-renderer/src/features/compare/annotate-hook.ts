import { isMethodName } from '@contract';
import { call } from '../../api/client';

/** A passage chosen in the compare view, in body offsets (UTF-16) of its article, with context for anchoring. */
export type ComparePassage = { articleId: string; start: number; end: number; exact: string; prefix: string; suffix: string };

export const ANNOTATE_EVENT = 'parallax:annotate-from-compare';

/**
 * The one place the compare view hands a selection to annotations. When the API has `annotations.create`
 * it is called (the payload follows the Annotation model: TextQuote + TextPosition selectors); either way a
 * DOM event carries the passage, so the annotation feature can open its editor. Wiring the editor is one
 * import here.
 */
export async function annotateFromCompare(p: ComparePassage): Promise<'created' | 'requested'> {
  window.dispatchEvent(new CustomEvent(ANNOTATE_EVENT, { detail: p }));
  const method = 'annotations.create';
  if (!isMethodName(method)) return 'requested';
  // Offsets here are UTF-16; the annotation handler converts to code points for its TextPositionSelector.
  await (call as (m: string, input: unknown) => Promise<unknown>)(method, {
    articleId: p.articleId,
    color: 'yellow',
    note: '',
    tags: [],
    quote: { exact: p.exact, prefix: p.prefix, suffix: p.suffix },
    position: { start: p.start, end: p.end },
  });
  return 'created';
}
