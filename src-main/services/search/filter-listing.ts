import { matchesFilters } from '../../core/search/filters';
import type { QueryAst } from '../../core/search/query-ast';
import type { TermVector } from '../../core/search/term-vector';
import type { IndexView } from './index-view';
import { RankedList } from './ranked-list';

/**
 * A query of filters (and exclusions) without words: every matching document, newest first. Nothing is
 * scored: there is no word to rank by, so the order is the one a reader of the news expects.
 */
export function listFiltered(index: IndexView, ast: QueryAst, rejected: (v: TermVector) => boolean): RankedList {
  const out: { doc: number; date: string }[] = [];
  for (let doc = 0; doc < index.docs.length; doc++) {
    const info = index.docs[doc];
    if (!info || !matchesFilters(info, ast.filters) || rejected(index.vectors[doc]!)) continue;
    out.push({ doc, date: info.date ?? '' });
  }
  out.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.doc - b.doc));
  return new RankedList(
    out.map((o) => o.doc),
    out.map(() => 0),
    true,
  );
}
