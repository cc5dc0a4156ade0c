import { z } from 'zod';
import { ArticleId, HttpUrl, ShortText } from './primitives';
import { StoryId } from './compare';
import { ANY_VERDICT, RATING_ID_PATTERN, defaultRatings } from '../../src-shared/verdicts';

export { ANY_VERDICT, defaultRatings };

/**
 * A verdict: a rating of the claim a passage makes, a short rationale, and the sources that settle it. It
 * rides on an annotation (the passage's anchor keeps it attached when the text changes or is analysed
 * again); a coverage-matrix row's verdict is an annotation on one of the row's passages, naming its story.
 */
export const RatingId = z
  .string()
  .regex(RATING_ID_PATTERN, 'a rating id is 1 to 40 lowercase letters, digits or hyphens (e.g. mostly-true)');

export const Rating = z
  .object({
    id: RatingId,
    label: ShortText(60).refine((s) => s.trim().length > 0, 'a rating needs a label'),
    /** Its place on the truthfulness scale (higher is truer), or null for a rating off the scale. */
    value: z.number().int('a rating value is a whole number').min(1, 'a rating value is 1 to 100').max(100, 'a rating value is 1 to 100').nullable(),
  })
  .strict();
export type Rating = z.infer<typeof Rating>;

export const RatingList = z
  .array(Rating)
  .min(1, 'keep at least one rating')
  .max(30, 'at most 30 ratings')
  .superRefine((list, ctx) => {
    const ids = new Set<string>();
    const labels = new Set<string>();
    for (const r of list) {
      if (r.id === ANY_VERDICT) ctx.addIssue({ code: 'custom', message: `the rating id ${ANY_VERDICT} is kept for the search filter verdict:${ANY_VERDICT}` });
      if (ids.has(r.id)) ctx.addIssue({ code: 'custom', message: `the rating id ${r.id} appears twice` });
      const label = r.label.trim().toLowerCase();
      if (labels.has(label)) ctx.addIssue({ code: 'custom', message: `the rating label ${JSON.stringify(r.label)} appears twice` });
      ids.add(r.id);
      labels.add(label);
    }
  });

/** What settles a claim: an article of this notebook, or an outside page (http or https only). */
export const VerdictSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('article'), articleId: ArticleId }).strict(),
  z.object({ kind: z.literal('link'), url: HttpUrl, title: ShortText(300).optional() }).strict(),
]);
export type VerdictSource = z.infer<typeof VerdictSource>;

export const RATIONALE_MAX_LENGTH = 5000;

/** A verdict as given: what `verdicts.set` and `verdicts.create` take. */
export const VerdictInput = z
  .object({
    rating: RatingId,
    rationale: z.string().max(RATIONALE_MAX_LENGTH, `a rationale may be at most ${RATIONALE_MAX_LENGTH} characters`).default(''),
    sources: z.array(VerdictSource).max(50, 'at most 50 sources').default([]),
    /** The claim as the fact-check words it; by default the passage's own words. */
    claim: ShortText(2000).nullable().optional(),
    /** The story whose coverage-matrix row this verdict settles. */
    story: StoryId.nullable().optional(),
  })
  .strict();
export type VerdictInput = z.input<typeof VerdictInput>;

/** A verdict as stored on its annotation. */
export const Verdict = z.object({
  rating: RatingId,
  rationale: z.string(),
  sources: z.array(VerdictSource),
  claim: z.string().nullable(),
  story: StoryId.nullable(),
  decidedAt: z.string(),
});
export type Verdict = z.infer<typeof Verdict>;
