import type { ArticleSummary, ListQuery } from '../../contract';
import { contentKey } from '../text/normalise-text';

type Sort = NonNullable<ListQuery['sort']>;

const fold = (s: string | null) => (s ? contentKey(s) : '');

/** Newest first for dates, A to Z for names: what a reader expects when clicking a column. */
export const defaultDirection = (sort: Sort): 'asc' | 'desc' => (sort === 'date' || sort === 'imported' ? 'desc' : 'asc');

/** Missing values (no outlet, no date) sort last in either direction, so they never hide the known ones. */
function nullsLast<T>(get: (a: ArticleSummary) => T | null, cmp: (x: T, y: T) => number, sign: number) {
  return (a: ArticleSummary, b: ArticleSummary) => {
    const x = get(a);
    const y = get(b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return sign * cmp(x, y);
  };
}

// One collator for every comparison: localeCompare with options builds one per call, 20x slower at 100k rows.
const collator = new Intl.Collator(undefined, { sensitivity: 'base' });
const text = (x: string, y: string) => collator.compare(x, y);

function compareBy(sort: Sort, sign: number): (a: ArticleSummary, b: ArticleSummary) => number {
  const byTitle = (a: ArticleSummary, b: ArticleSummary) => sign * text(a.title, b.title);
  const then = (first: (a: ArticleSummary, b: ArticleSummary) => number) => (a: ArticleSummary, b: ArticleSummary) =>
    first(a, b) || byTitle(a, b);
  switch (sort) {
    case 'title':
      return byTitle;
    case 'outlet':
      return then(nullsLast((a) => a.outlet, text, sign));
    case 'imported':
      return then((a, b) => sign * a.importedAt.localeCompare(b.importedAt));
    case 'date':
      return then(
        nullsLast(
          (a) => a.publishedAt,
          (x, y) => x.localeCompare(y),
          sign,
        ),
      );
  }
}

/** Does a library row match the quick filter? Every word must appear in title, outlet, author or tags. */
export function matchesFilter(item: ArticleSummary, filter: string): boolean {
  const needles = filter.split(/\s+/).map(fold).filter(Boolean);
  if (needles.length === 0) return true;
  const hay = [item.title, item.outlet, item.author, item.language, item.publishedAt, ...item.tags].map(fold).join(' ');
  return needles.every((n) => hay.includes(n));
}

export function hasTag(item: ArticleSummary, tag: string): boolean {
  return item.tags.some((t) => t === tag || t.startsWith(`${tag}/`));
}

export function listArticles<T extends ArticleSummary>(
  items: Iterable<T>,
  q: Required<Pick<ListQuery, 'sort'>> & ListQuery,
): { total: number; items: T[] } {
  let rows = [...items];
  if (q.filter) rows = rows.filter((r) => matchesFilter(r, q.filter!));
  if (q.tag) rows = rows.filter((r) => hasTag(r, q.tag!));
  const dir = q.direction ?? defaultDirection(q.sort);
  rows.sort(compareBy(q.sort, dir === 'asc' ? 1 : -1));
  const offset = q.offset ?? 0;
  return { total: rows.length, items: rows.slice(offset, offset + (q.limit ?? rows.length)) };
}
