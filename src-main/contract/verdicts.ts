import { z } from 'zod';
import { AnnotationId, AnnotationListItem, AnnotationTarget, HighlightColor } from './annotations';
import { StoryId } from './compare';
import { ArticleId, HttpUrl, ShortText } from './primitives';
import { Rating, RatingId, RatingList, Verdict, VerdictInput } from './verdict-model';
import { verdictSorts } from '../../src-shared/verdicts';

export * from './verdict-model';
export { verdictSorts };

export const VerdictQuery = z
  .object({
    story: StoryId.optional(),
    articleId: ArticleId.optional(),
    rating: RatingId.optional(),
    /** `rating`: truest first (ratings off the scale last); `decided`: newest first; `article`: by article, then position. */
    sort: z.enum(verdictSorts).default('rating'),
    direction: z.enum(['asc', 'desc']).optional(),
  })
  .strict();
export type VerdictQuery = z.input<typeof VerdictQuery>;

export const VerdictListItem = AnnotationListItem.extend({ verdict: Verdict });
export type VerdictListItem = z.infer<typeof VerdictListItem>;
export const VerdictListResult = z.object({
  total: z.number().int(),
  items: z.array(VerdictListItem),
  /** The notebook's ratings, so a list can be labelled without a second call. */
  ratings: z.array(Rating),
  /** How many verdicts each rating has (over the story or article asked for, before the rating filter). */
  counts: z.record(z.string(), z.number().int()),
});
export type VerdictListResult = z.infer<typeof VerdictListResult>;

/** Give a passage's annotation a verdict, change it, or (null) take it away. */
export const SetVerdictInput = z.object({ id: AnnotationId, verdict: VerdictInput.nullable() }).strict();
export const SetVerdictResult = z.object({
  annotation: AnnotationListItem.omit({ article: true }),
  /** The verdict before this change, so it can be put back (undo). */
  previous: Verdict.nullable(),
});
export type SetVerdictResult = z.infer<typeof SetVerdictResult>;

/** Mark a passage (a coverage-matrix row's, or any selection) and give it a verdict in one edit. */
export const NewVerdict = z
  .object({ articleId: ArticleId, target: AnnotationTarget, color: HighlightColor.default('orange'), verdict: VerdictInput })
  .strict();
export type NewVerdict = z.input<typeof NewVerdict>;

export const RatingsResult = z.object({ ratings: z.array(Rating) });

/**
 * A new list of ratings. A rating the list drops while verdicts use it needs a move: `moves` maps it to the
 * rating of the new list its verdicts take instead. `reassign` puts single verdicts on a rating of the new
 * list (how undo puts moved verdicts back where they were).
 */
export const SetRatingsInput = z
  .object({
    ratings: RatingList,
    moves: z.array(z.object({ from: RatingId, to: RatingId }).strict()).max(30, 'at most 30 moves').default([]),
    reassign: z.array(z.object({ id: AnnotationId, rating: RatingId }).strict()).max(100_000).default([]),
  })
  .strict();
export type SetRatingsInput = z.input<typeof SetRatingsInput>;

export const SetRatingsResult = RatingsResult.extend({
  /** Every verdict whose rating the edit changed, with the rating it had: what undo gives back. */
  moved: z.array(z.object({ id: AnnotationId, from: RatingId, to: RatingId })),
});
export type SetRatingsResult = z.infer<typeof SetRatingsResult>;

/** The ClaimReview export's publisher details (schema.org `author` and the page each review lives on). */
export const ClaimReviewOptions = z
  .object({
    authorName: ShortText(200).optional(),
    authorUrl: HttpUrl.optional(),
    /** The page the fact-checks are published on; each review's url is this page with `#<annotation id>`. */
    pageUrl: HttpUrl.optional(),
  })
  .strict();
export { RatingList };
