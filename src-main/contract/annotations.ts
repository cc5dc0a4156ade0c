import { z } from 'zod';
import { ArticleId } from './primitives';

/**
 * An annotation on a passage, modelled on the W3C Web Annotation data model: the passage is identified
 * by a TextQuoteSelector (exact text with some context) and a TextPositionSelector (code-point offsets
 * into the article's clean text), and re-anchored when the text changes.
 */
export const highlightColors = ['yellow', 'green', 'blue', 'pink', 'purple', 'orange'] as const;
export const HighlightColor = z.enum(highlightColors);
export type HighlightColor = z.infer<typeof HighlightColor>;

export const AnnotationId = z.string().regex(/^[a-z0-9]{8,32}$/, 'an annotation id is 8 to 32 lowercase letters or digits');

export const TextQuoteSelector = z.object({ exact: z.string().min(1).max(100_000), prefix: z.string().max(200), suffix: z.string().max(200) });
/** Offsets in Unicode code points over the article body, as the W3C model counts them. */
export const TextPositionSelector = z.object({ start: z.number().int().min(0), end: z.number().int().min(0) });

export const anchorStatuses = ['ok', 'drifted', 'orphaned'] as const;
export const AnchorStatus = z.enum(anchorStatuses);
export type AnchorStatus = z.infer<typeof AnchorStatus>;

export const Annotation = z.object({
  id: AnnotationId,
  articleId: ArticleId,
  createdAt: z.string(),
  updatedAt: z.string(),
  color: HighlightColor,
  /** Markdown, rendered safely (never as HTML). */
  note: z.string().max(2_000_000),
  tags: z.array(z.string()),
  quote: TextQuoteSelector,
  position: TextPositionSelector,
  /** Where the passage is in the current text, in UTF-16 offsets for the renderer; null when orphaned. */
  anchor: z.object({ status: AnchorStatus, start: z.number().int().nullable(), end: z.number().int().nullable() }),
});
export type Annotation = z.infer<typeof Annotation>;
