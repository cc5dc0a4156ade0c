import { z } from 'zod';
import { Passage } from './compare';
import { ArticleId } from './primitives';

/** An article on a story's timeline: when it was published and, where known, updated. */
export const TimelineArticle = z.object({
  id: ArticleId,
  outlet: z.string().nullable(),
  title: z.string(),
  /** ISO date or date-time; null: no date known (listed apart, "No date"). */
  published: z.string().nullable(),
  /** Update times, ISO, oldest first. */
  updates: z.array(z.string()),
});
export type TimelineArticle = z.infer<typeof TimelineArticle>;

/** A claim or figure several articles carry: who had it first, who repeated it later, and who without a date. */
export const TimelineItem = z.object({
  kind: z.enum(['claim', 'figure']),
  /** The claim's id in the comparison (c1…), or the figure as written. */
  id: z.string(),
  label: z.string(),
  /** When it first appeared: the earliest dated article's time. */
  firstAt: z.string().nullable(),
  /** The passages of the earliest dated articles (several when they share that time). */
  first: z.array(Passage),
  /** Later dated articles, in order. */
  repeated: z.array(Passage),
  undated: z.array(Passage),
});
export type TimelineItem = z.infer<typeof TimelineItem>;

export const Timeline = z.object({
  /** Dated articles, earliest first. */
  articles: z.array(TimelineArticle),
  undated: z.array(TimelineArticle),
  items: z.array(TimelineItem),
});
export type Timeline = z.infer<typeof Timeline>;
