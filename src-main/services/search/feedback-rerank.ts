import { bm25, idf } from '../../core/search/bm25';
import type { QueryAst } from '../../core/search/query-ast';
import type { Rm3Settings } from '../../core/search/relevance-model';
import { RM3, relevanceModel } from '../../core/search/relevance-model';
import { tfOf } from '../../core/search/term-vector';
import type { IndexView } from './index-view';
import type { EngineResult } from './rank-documents';
import { compileClause } from './rank-documents';
import { RankedList } from './ranked-list';

/** How many of the first ranking's results are re-scored. */
export const RERANK_DEPTH = 1000;

/** A ranking re-scored by feedback, and the stored terms (stems) that fed it back, heaviest first. */
export type Fed = { result: EngineResult; terms: string[] };

/**
 * Re-rank the "most of the words" results with RM3 (core/search/relevance-model.ts): the words the best
 * matches share weigh beside the typed ones. Only the documents already ranked are re-scored, so every
 * result still holds a typed word (its snippet shows which), and those with every word still come first.
 * Unchanged when the best matches share no telling word (a small notebook, say).
 */
export function rerankWithFeedback(index: IndexView, ast: QueryAst, first: EngineResult, settings: Rm3Settings = RM3): Fed {
  const { ranked } = first;
  const top = ranked.top(settings.docs).map((r) => ({ vector: index.vectors[r.doc]!, score: r.score }));
  const model = relevanceModel(top, {
    termOf: (id) => index.vocab.terms[id]!,
    dfOf: (id) => index.vocab.dfOf(id),
    docCount: index.live,
  }, settings);
  if (model.size === 0 || ast.groups.length === 0) return { result: first, terms: [] };
  const N = Math.max(1, index.live);
  const avg = index.live ? index.totalLength / index.live : 1;
  const expansion = [...model].map(([id, p]) => ({ id, p, idf: idf(N, index.vocab.dfOf(id)) }));
  const groups = ast.groups.map((g) => g.flatMap((c) => compileClause(index, c, false, { prefix: false }).ids));
  const typedShare = settings.originalWeight / ast.groups.length;
  // The `most` ranking is presorted (every word first, then by score): re-score its head only, as Anserini
  // re-ranks its first 1,000 hits, so a question costs the same however many articles hold a typed word.
  const depth = Math.min(ranked.length, RERANK_DEPTH);
  const scores: number[] = [];
  const whole: boolean[] = [];
  for (let i = 0; i < depth; i++) {
    const doc = ranked.docs[i]!;
    const v = index.vectors[doc]!;
    const len = index.lengths[doc]!;
    let fed = 0;
    for (const e of expansion) fed += e.p * bm25(tfOf(v, e.id), len, avg, e.idf);
    scores.push(typedShare * ranked.scores[i]! + (1 - settings.originalWeight) * fed);
    whole.push(groups.every((ids) => ids.some((id) => tfOf(v, id) > 0)));
  }
  const order = scores.map((_, i) => i);
  order.sort((a, b) => Number(whole[b]) - Number(whole[a]) || scores[b]! - scores[a]! || ranked.docs[a]! - ranked.docs[b]!);
  // Below the head, the first ranking's order, with scores scaled as the typed words' share of the head's.
  const reordered = new RankedList(
    [...order.map((i) => ranked.docs[i]!), ...ranked.docs.slice(depth)],
    [...order.map((i) => scores[i]!), ...ranked.scores.slice(depth).map((x) => typedShare * x)],
    true,
  );
  return { result: { ...first, ranked: reordered }, terms: expansion.map((e) => index.vocab.terms[e.id]!) };
}
