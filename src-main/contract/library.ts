import { z } from 'zod';
import { ArticleSummary, ListQuery } from './articles';
import { ArticleId } from './primitives';

/**
 * What the library needs beside `articles.list` to stay small at 100k articles: the app pages through the
 * list, so it asks where one article sits in an ordering instead of fetching every row to find it.
 */
export const LocateQuery = ListQuery.pick({ filter: true, tag: true, sort: true, direction: true }).extend({ id: ArticleId }).strict();
export type LocateQuery = z.input<typeof LocateQuery>;
/** `index` is the article's row in that ordering, or null when the filter leaves it out (or it does not exist). */
export const LocateResult = z.object({ index: z.number().int().nullable(), total: z.number().int() });
export type LocateResult = z.infer<typeof LocateResult>;

export const OutletCount = z.object({ outlet: z.string(), articles: z.number().int() });
export type OutletCount = z.infer<typeof OutletCount>;

export const SummariesQuery = z.object({ ids: z.array(ArticleId).max(10_000) }).strict();
/** The rows of the given articles, in the order asked; unknown ids are left out. */
export const SummariesResult = z.object({ items: z.array(ArticleSummary) });
