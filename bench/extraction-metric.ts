/**
 * The article-extraction benchmark's metric (../shared/corpora/07-article-extraction-benchmark/SOURCE.md),
 * written from its description: tokens are runs of word characters, each text a multiset of overlapping
 * 4-token shingles; per page tp/fp/fn are shared, extra and missed shingles, normalised by their sum so a
 * long page weighs as much as a short one; precision and recall are means over the pages where they are
 * defined (empty against empty counts as 1), and F1 is the harmonic mean of the two means.
 */

const WORD = /[\p{L}\p{N}\p{M}_]+/gu;
const SHINGLE = 4;

export function shingles(text: string): Map<string, number> {
  const tokens = text.match(WORD) ?? [];
  const out = new Map<string, number>();
  if (tokens.length === 0) return out;
  // A text shorter than one shingle is one shingle of all its tokens (upstream does the same).
  const last = Math.max(1, tokens.length - SHINGLE + 1);
  for (let i = 0; i < last; i++) {
    const s = tokens.slice(i, i + SHINGLE).join(' ');
    out.set(s, (out.get(s) ?? 0) + 1);
  }
  return out;
}

export type PageScore = { tp: number; fp: number; fn: number };

export function scorePage(predicted: string, truth: string): PageScore {
  const p = shingles(predicted);
  const t = shingles(truth);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [s, n] of p) {
    const m = t.get(s) ?? 0;
    tp += Math.min(n, m);
    fp += Math.max(0, n - m);
  }
  for (const [s, m] of t) fn += Math.max(0, m - (p.get(s) ?? 0));
  const sum = tp + fp + fn;
  return sum === 0 ? { tp: 1, fp: 0, fn: 0 } : { tp: tp / sum, fp: fp / sum, fn: fn / sum };
}

export type CorpusScore = { precision: number; recall: number; f1: number; pages: number; perPage: number[] };

/** Mean precision and recall over pages, F1 of the means; `perPage` holds each page's own F1 (for the worst pages). */
export function scoreCorpus(pairs: Array<{ predicted: string; truth: string }>): CorpusScore {
  const ps: number[] = [];
  const rs: number[] = [];
  const perPage: number[] = [];
  for (const { predicted, truth } of pairs) {
    const { tp, fp, fn } = scorePage(predicted, truth);
    const p = tp + fp > 0 ? tp / (tp + fp) : null;
    const r = tp + fn > 0 ? tp / (tp + fn) : null;
    if (p !== null) ps.push(p);
    if (r !== null) rs.push(r);
    perPage.push(p !== null && r !== null && p + r > 0 ? (2 * p * r) / (p + r) : 0);
  }
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const precision = mean(ps);
  const recall = mean(rs);
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, pages: pairs.length, perPage };
}
