import type { Annotation, AnnotationListItem, Rating, Verdict, VerdictListItem, VerdictListResult, VerdictQuery } from '../../contract';
import { compareInText } from '../annotations/list-annotations';
import { ratingRank } from './ratings';

type Query = Omit<VerdictQuery, 'sort'> & { sort: NonNullable<VerdictQuery['sort']> };
type Row = { annotation: Annotation; article: AnnotationListItem['article'] };

const hasVerdict = (r: Row): r is { annotation: Annotation & { verdict: Verdict }; article: Row['article'] } => !!r.annotation.verdict;

/**
 * The verdicts of a notebook, filtered by story, article and rating, sorted by rating (truest first), by
 * when they were decided (newest first) or by article and place in the text. Counts per rating are taken
 * before the rating filter, so a filter menu can say how many each would show.
 */
export function listVerdicts(rows: Iterable<Row>, ratings: Rating[], q: Query): VerdictListResult {
  const scoped: VerdictListItem[] = [];
  for (const r of rows) {
    if (!hasVerdict(r)) continue;
    if (q.articleId && r.annotation.articleId !== q.articleId) continue;
    if (q.story && r.annotation.verdict.story !== q.story) continue;
    scoped.push({ ...r.annotation, article: r.article });
  }
  const counts: Record<string, number> = Object.fromEntries(ratings.map((r) => [r.id, 0]));
  for (const v of scoped) counts[v.verdict.rating] = (counts[v.verdict.rating] ?? 0) + 1;
  const items = q.rating ? scoped.filter((v) => v.verdict.rating === q.rating) : scoped;
  const rank = ratingRank(ratings);
  const inText = (x: VerdictListItem, y: VerdictListItem) =>
    x.article.title.localeCompare(y.article.title) || x.articleId.localeCompare(y.articleId) || compareInText(x, y);
  const sign = q.direction === 'desc' ? -1 : 1;
  const compare =
    q.sort === 'rating'
      ? (x: VerdictListItem, y: VerdictListItem) => sign * (rank(x.verdict.rating) - rank(y.verdict.rating)) || inText(x, y)
      : q.sort === 'decided'
        ? // Newest first unless asked otherwise.
          (x: VerdictListItem, y: VerdictListItem) =>
            (q.direction === 'asc' ? 1 : -1) * x.verdict.decidedAt.localeCompare(y.verdict.decidedAt) || inText(x, y)
        : (x: VerdictListItem, y: VerdictListItem) => sign * inText(x, y);
  items.sort(compare);
  return { total: items.length, items, ratings, counts };
}
