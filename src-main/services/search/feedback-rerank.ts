import { bm25, idf } from '../../core/search/bm25';
import type { QueryAst } from '../../core/search/query-ast';
import type { Rm3Settings } from '../../core/search/relevance-model';
import { RM3, relevanceModel } from '../../core/search/relevance-model';
import { tfOf } from '../../core/search/term-vector';
import type { IndexView } from './index-view';
import type { EngineResult } from './rank-documents';
import { compileClause } from './rank-documents';
import { RankedList } from './ranked-list';

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
  const docs: number[] = [];
  const scores: number[] = [];
  const whole: boolean[] = [];
  for (let i = 0; i < ranked.length; i++) {
    const doc = ranked.docs[i]!;
    const score = ranked.scores[i]!;
    const v = index.vectors[doc]!;
    const len = index.lengths[doc]!;
    let fed = 0;
    for (const e of expansion) fed += e.p * bm25(tfOf(v, e.id), len, avg, e.idf);
    docs.push(doc);
    scores.push(typedShare * score + (1 - settings.originalWeight) * fed);
    whole.push(groups.every((ids) => ids.some((id) => tfOf(v, id) > 0)));
  }
  const order = docs.map((_, i) => i);
  order.sort((a, b) => Number(whole[b]) - Number(whole[a]) || scores[b]! - scores[a]! || docs[a]! - docs[b]!);
  const reordered = new RankedList(
    order.map((i) => docs[i]!),
    order.map((i) => scores[i]!),
    true,
  );
  return { result: { ...first, ranked: reordered }, terms: expansion.map((e) => index.vocab.terms[e.id]!) };
}
