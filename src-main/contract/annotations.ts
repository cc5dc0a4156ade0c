import { z } from 'zod';
import { ArticleId } from './primitives';
import { TagList, TagName } from './tags';
import { Verdict } from './verdict-model';
import { anchorStatuses, annotationSorts, highlightColors } from '../../src-shared/annotations';

export { anchorStatuses, annotationSorts, highlightColors };

/**
 * An annotation on a passage, modelled on the W3C Web Annotation data model: the passage is identified
 * by a TextQuoteSelector (exact text with some context) and a TextPositionSelector (code-point offsets
 * into the article's clean text), and re-anchored when the text changes.
 */
export const HighlightColor = z.enum(highlightColors);
export type HighlightColor = z.infer<typeof HighlightColor>;

export const AnnotationId = z.string().regex(/^[a-z0-9]{8,32}$/, 'an annotation id is 8 to 32 lowercase letters or digits');

export const TextQuoteSelector = z.object({
  exact: z.string().min(1).max(100_000),
  prefix: z.string().max(200),
  suffix: z.string().max(200),
});
/** Offsets in Unicode code points over the article body, as the W3C model counts them. */
export const TextPositionSelector = z.object({ start: z.number().int().min(0), end: z.number().int().min(0) });

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
  /** Canonical tag names (see `canonicalTag`); hierarchical with "/". */
  tags: z.array(z.string()),
  quote: TextQuoteSelector,
  position: TextPositionSelector,
  /** Where the passage is in the current text, in UTF-16 offsets for the renderer; null when orphaned. */
  anchor: z.object({ status: AnchorStatus, start: z.number().int().nullable(), end: z.number().int().nullable() }),
  /** A fact-check of the claim this passage makes (contract/verdict-model.ts); absent on a plain highlight. */
  verdict: Verdict.optional(),
  /** Who made it, in a team notebook (the notebook's user name); absent on one made here before any sync. */
  author: z.string().max(100).optional(),
});
export type Annotation = z.infer<typeof Annotation>;

export const NOTE_MAX_LENGTH = 2_000_000;
export const AnnotationNote = z.string().max(NOTE_MAX_LENGTH, `a note may be at most ${NOTE_MAX_LENGTH.toLocaleString('en')} characters`);

/**
 * What to annotate: a range of the article body in UTF-16 offsets (what a DOM selection gives), or a quote
 * to look for (what a person types on the command line). The back end turns either into selectors.
 */
export const AnnotationTarget = z.union([
  z
    .object({ start: z.number().int().min(0), end: z.number().int().min(0) })
    .strict()
    .refine((r) => r.end > r.start, 'a passage must contain at least one character'),
  z
    .object({
      quote: z
        .object({
          exact: z.string().min(1, 'the quote is empty').max(100_000),
          prefix: z.string().max(200).optional(),
          suffix: z.string().max(200).optional(),
        })
        .strict(),
    })
    .strict(),
]);
export type AnnotationTarget = z.infer<typeof AnnotationTarget>;

export const NewAnnotation = z
  .object({
    articleId: ArticleId,
    target: AnnotationTarget,
    color: HighlightColor.default('yellow'),
    note: AnnotationNote.default(''),
    tags: TagList.default([]),
  })
  .strict();
export type NewAnnotation = z.input<typeof NewAnnotation>;

/** An edit. `reattach` accepts where a drifted annotation now sits: its quote becomes the current text. */
export const AnnotationPatch = z
  .object({ color: HighlightColor, note: AnnotationNote, tags: TagList, reattach: z.literal(true) })
  .partial()
  .strict()
  .refine((p) => Object.keys(p).length > 0, 'the patch changes nothing');
export type AnnotationPatch = z.input<typeof AnnotationPatch>;

export type AnnotationSort = (typeof annotationSorts)[number];
export const AnnotationQuery = z
  .object({
    articleId: ArticleId.optional(),
    /** Includes children: `topic` matches `topic/security`. */
    tag: TagName.optional(),
    color: HighlightColor.optional(),
    outlet: z.string().max(300).optional(),
    /** Every word must appear in the quote, the note or the tags (case and accents ignored). */
    text: z.string().max(500).optional(),
    status: AnchorStatus.optional(),
    sort: z.enum(annotationSorts).default('position'),
    direction: z.enum(['asc', 'desc']).optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(1_000_000).default(1_000_000),
  })
  .strict();
export type AnnotationQuery = z.input<typeof AnnotationQuery>;

export const AnnotationArticleRef = z.object({ title: z.string(), outlet: z.string().nullable(), publishedAt: z.string().nullable() });
export const AnnotationListItem = Annotation.extend({ article: AnnotationArticleRef });
export type AnnotationListItem = z.infer<typeof AnnotationListItem>;
export const AnnotationListResult = z.object({ total: z.number().int(), items: z.array(AnnotationListItem) });
export type AnnotationListResult = z.infer<typeof AnnotationListResult>;
