/**
 * Pseudo-relevance feedback by RM3 (Lavrenko & Croft's relevance model, interpolated with the query, as
 * Anserini publishes it for BM25): the words the best-ranked documents share say what a question is
 * about better than the few words typed, so they rank the rest too. Settings are Anserini's published
 * defaults, not fitted to any collection here (docs/BENCHMARKS.md gives the two-fold check).
 */
import type { TermVector } from './term-vector';

export type Rm3Settings = { docs: number; terms: number; originalWeight: number; maxDocShare: number };

export const RM3: Readonly<Rm3Settings> = Object.freeze({
  /** Best-ranked documents read for feedback. */
  docs: 10,
  /** Words kept from each document, and in the model. */
  terms: 10,
  /** The typed words' share of the final weights. */
  originalWeight: 0.5,
  /**
   * Words in more than this share of the documents say nothing of a topic (a stop-word list without one per
   * language); in a notebook of under ten documents every word is, so there is no feedback there.
   */
  maxDocShare: 0.1,
});

export type FeedbackDoc = { vector: TermVector; score: number };
/** What the model needs of the index: a term's text and its document frequency, and the live document count. */
export type TermStats = { termOf: (id: number) => string; dfOf: (id: number) => number; docCount: number };

/** A word worth feeding back: 2 to 20 characters, in at most `maxDocShare` of the documents. */
function eligible(stats: TermStats, id: number, maxDocShare: number): boolean {
  const len = stats.termOf(id).length;
  return len >= 2 && len <= 20 && stats.dfOf(id) <= maxDocShare * stats.docCount;
}

/** A document's `n` most frequent eligible words, each with its share of them (the L1-normalised vector). */
function topTerms(v: TermVector, stats: TermStats, n: number, maxDocShare: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < v.length; i++) {
    const id = v[i]! >>> 8;
    if (eligible(stats, id, maxDocShare)) out.push([id, v[i]! & 255]);
  }
  out.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const kept = out.slice(0, n);
  const norm = kept.reduce((s, e) => s + e[1], 0);
  return kept.map(([id, tf]) => [id, tf / norm]);
}

/**
 * The relevance model of the feedback documents: P(w|R) ∝ Σ_d P(w|d)·score(d), its `terms` heaviest
 * words, weights summing to 1. Empty when no document has an eligible word. Other settings than RM3's
 * are for the evaluation's two-fold check only.
 */
export function relevanceModel(feedback: FeedbackDoc[], stats: TermStats, settings: Rm3Settings = RM3): Map<number, number> {
  const weights = new Map<number, number>();
  for (const { vector, score } of feedback.slice(0, settings.docs)) {
    for (const [id, p] of topTerms(vector, stats, settings.terms, settings.maxDocShare)) weights.set(id, (weights.get(id) ?? 0) + p * score);
  }
  const top = [...weights].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, settings.terms);
  const total = top.reduce((s, e) => s + e[1], 0);
  return new Map(total > 0 ? top.map(([id, w]) => [id, w / total]) : []);
}
