import { z } from 'zod';
import { ArticleId } from './primitives';
import { TAG_MAX_LENGTH, canonicalTag } from '../../src-shared/tags';

export { TAG_MAX_LENGTH, canonicalTag };

/** A tag as typed by a user; validated and turned into its canonical spelling. */
export const TagName = z.string().transform((s, ctx) => {
  const r = canonicalTag(s);
  if (!r.ok) {
    ctx.addIssue({ code: 'custom', message: r.message });
    return z.NEVER;
  }
  return r.tag;
});

export const TagList = z.array(TagName).max(100, 'at most 100 tags at once');

/** Tag colours are free (`#rrggbb`), so a researcher can match her own coding scheme. */
export const TagColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a tag colour is written #rrggbb');

export const TagInfo = z.object({
  name: z.string(),
  /** Its own colour, or null (the UI then uses the nearest ancestor's). */
  color: z.string().nullable(),
  /** Articles and passages carrying exactly this tag. */
  articles: z.number().int(),
  passages: z.number().int(),
  /** The same counts including every descendant (`topic` counts `topic/security`). */
  totalArticles: z.number().int(),
  totalPassages: z.number().int(),
  /** True for a parent that exists only because a child does (`topic` of `topic/security`). */
  implicit: z.boolean(),
});
export type TagInfo = z.infer<typeof TagInfo>;

/**
 * The tags of everything a bulk tag operation touched, as they were before it: undo puts them back with
 * `tags.restore`. Colours list each tag with its previous colour (null = had none): a list of pairs, not a
 * record, because a tag may be called `__proto__`, a key a record cannot carry.
 */
export const TagSnapshot = z.object({
  articles: z
    .array(
      z.object({
        id: ArticleId,
        tags: z.array(TagName),
        annotations: z.array(z.object({ id: z.string().regex(/^[a-z0-9]{8,32}$/), tags: z.array(TagName) })),
      }),
    )
    .max(1_000_000),
  colors: z.array(z.object({ tag: z.string().max(TAG_MAX_LENGTH), color: TagColor.nullable() }).strict()).max(1_000_000),
});
export type TagSnapshot = z.infer<typeof TagSnapshot>;

export const TagChange = z.object({
  articles: z.number().int(),
  passages: z.number().int(),
  snapshot: TagSnapshot,
});
export type TagChange = z.infer<typeof TagChange>;
