import { bm25, idf } from '../../core/search/bm25';
import { mayHavePhrase } from '../../core/search/bigram-filter';
import { matchesFilters } from '../../core/search/filters';
import type { Clause, QueryAst } from '../../core/search/query-ast';
import { hasFilters as hasAnyFilter } from '../../core/search/query-ast';
import type { TermVector } from '../../core/search/term-vector';
import { tfOf } from '../../core/search/term-vector';
import type { Compiled } from './candidate-lists';
import { listFiltered } from './filter-listing';
import type { IndexView } from './index-view';
import { RankedList } from './ranked-list';

/**
 * `all`: every group must match (what users get first). `most`: the groups the user asked for explicitly
 * (quoted phrases, OR) must match and the plain words may be missing; documents with every word come
 * first, then the others by BM25 (run-query.ts relaxes the query first: core/search/relax.ts). `any`: bag of words, each
 * matching group adds to the score (the Cranfield evaluation's "any word" row).
 */
export type SearchMode = 'all' | 'most' | 'any';
/** `truncated`: documents may be missing (a prefix matched more words than it was expanded to). */
export type EngineResult = { ranked: RankedList; truncated: boolean; mode: SearchMode };
/** `exhaustive`: expand prefixes to every word they match, however many. */
export type SearchOptions = { exhaustive?: boolean };

/** A clause resolved against the vocabulary. `over` is set when a prefix matches more words than it may expand to. */
export function compileClause(index: IndexView, c: Clause, exhaustive: boolean, over: { prefix: boolean }): Compiled {
  const { vocab } = index;
  const N = Math.max(1, index.live);
  let ids: number[];
  if (c.kind === 'term') ids = [vocab.idOf(c.term)];
  else if (c.kind === 'prefix') {
    const max = exhaustive ? Infinity : index.limits.prefixExpansions;
    ids = vocab.expand(c.prefix, max + 1);
    if (ids.length > max) {
      over.prefix = true;
      ids = ids.slice(0, max);
    }
  } else ids = c.terms.map((t) => vocab.idOf(t));
  if (ids.some((id) => vocab.dfOf(id) === 0)) ids = c.kind === 'prefix' ? ids.filter((id) => vocab.dfOf(id) > 0) : [];
  const dfs = ids.map((id) => vocab.dfOf(id));
  const estimate = ids.length === 0 ? 0 : c.kind === 'phrase' ? Math.min(...dfs) : dfs.reduce((a, b) => a + b, 0);
  return { clause: c, ids, idfs: dfs.map((df) => idf(N, df)), estimate };
}

function clauseScore(index: IndexView, c: Compiled, doc: number, v: TermVector, len: number, avg: number): number {
  if (c.ids.length === 0) return 0;
  // Words never adjacent cannot form the phrase; a "maybe" is checked on the text later.
  if (c.clause.kind === 'phrase' && c.ids.length > 1 && !mayHavePhrase(index.bigrams[doc]!, c.ids)) return 0;
  if (c.clause.kind === 'prefix') {
    let best = 0;
    for (let i = 0; i < c.ids.length; i++) best = Math.max(best, bm25(tfOf(v, c.ids[i]!), len, avg, c.idfs[i]!));
    return best;
  }
  let sum = 0;
  for (let i = 0; i < c.ids.length; i++) {
    const s = bm25(tfOf(v, c.ids[i]!), len, avg, c.idfs[i]!);
    if (s === 0) return 0; // a phrase needs every word (adjacency is checked on the text later)
    sum += s;
  }
  return sum;
}

/**
 * Rank documents for a query in one of the modes (SearchMode); a query of filters alone is listed newest
 * first (filter-listing.ts). Phrases are only checked for their words here; the caller verifies adjacency.
 */
export function rankDocuments(index: IndexView, ast: QueryAst, mode: SearchMode, opts: SearchOptions): EngineResult {
  const avg = index.live ? index.totalLength / index.live : 1;
  const over = { prefix: false };
  const exhaustive = opts.exhaustive === true;
  const groups = ast.groups.map((g) => g.map((c) => compileClause(index, c, exhaustive, over)));
  // An excluded prefix cut short lets documents in that should be out: approximate too.
  const not = ast.not.filter((c) => c.kind !== 'phrase').map((c) => compileClause(index, c, exhaustive, over));
  const rejected = (v: TermVector) => not.some((c) => c.ids.some((id) => tfOf(v, id) > 0));
  const hasFilters = hasAnyFilter(ast.filters);
  if (groups.length === 0) return { ranked: listFiltered(index, ast, rejected), truncated: false, mode };
  // A group without which no document can match: every group in `all`, the explicit ones in `most`.
  const required = groups.map((_, i) => mode === 'all' || (mode === 'most' && ast.strict[i] === true));

  const candidates = index.candidates.collect(groups, required, index.limits.listPage, index.docs.length);
  const docs: number[] = [];
  const scores: number[] = [];
  const whole: boolean[] = [];
  for (const doc of candidates) {
    const v = index.vectors[doc];
    if (!v || (hasFilters && !matchesFilters(index.docs[doc]!, ast.filters)) || (not.length > 0 && rejected(v))) continue;
    const len = index.lengths[doc]!;
    let score = 0;
    let matched = 0;
    let ok = true;
    for (let gi = 0; gi < groups.length; gi++) {
      let best = 0;
      for (const c of groups[gi]!) best = Math.max(best, clauseScore(index, c, doc, v, len, avg));
      if (best === 0 && required[gi]) {
        ok = false;
        break;
      }
      if (best > 0) matched++;
      score += best;
    }
    if (!ok || score <= 0) continue;
    if (mode === 'most') {
      // No bonus per word matched beyond BM25's own: on Cranfield as typed, weighting by the share of the
      // words matched lost 0.03-0.06 nDCG@10 (docs/BENCHMARKS.md).
      whole.push(matched === groups.length);
    }
    docs.push(doc);
    scores.push(score);
  }
  const ranked = mode === 'most' ? completeFirst(docs, scores, whole) : new RankedList(docs, scores);
  return { ranked, truncated: over.prefix, mode };
}

/** Documents holding every group first (best first), then the others (best first): the `most` order. */
function completeFirst(docs: number[], scores: number[], whole: boolean[]): RankedList {
  const order = docs.map((_, i) => i);
  order.sort((a, b) => Number(whole[b]) - Number(whole[a]) || scores[b]! - scores[a]! || docs[a]! - docs[b]!);
  return new RankedList(
    order.map((i) => docs[i]!),
    order.map((i) => scores[i]!),
    true,
  );
}
