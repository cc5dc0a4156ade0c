/**
 * Sentence alignment on MSRP: two sentences from different outlets on one story; the gold says whether they
 * report the same thing. The prediction is whether aligned reading puts them in one row when two one-sentence
 * articles are compared. Beside it: the majority class, and word overlap (Jaccard of word sets) at the threshold
 * that suits this set best, which flatters the baseline.
 */
import { compareArticles } from '../../src-main/core/compare/compare-articles';
import type { MsrpPair } from './corpora';
import { inputFromParagraphs } from './corpora';
import { f3, words } from './metrics';

type Counts = { tp: number; fp: number; fn: number; tn: number };
const row = (method: string, c: Counts, note = '') => {
  const n = c.tp + c.fp + c.fn + c.tn;
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  return { method, accuracy: f3((c.tp + c.tn) / n), precision: f3(p), recall: f3(r), F1: f3(p + r ? (2 * p * r) / (p + r) : 0), note };
};
const count = (pairs: MsrpPair[], predict: (p: MsrpPair, i: number) => boolean): Counts => {
  const c = { tp: 0, fp: 0, fn: 0, tn: 0 };
  pairs.forEach((p, i) => {
    const y = predict(p, i);
    if (y && p.same) c.tp++;
    else if (y) c.fp++;
    else if (p.same) c.fn++;
    else c.tn++;
  });
  return c;
};

export function msrpAlignment(pairs: MsrpPair[]): Array<Record<string, string | number>> {
  const jaccard = pairs.map((p) => {
    const a = new Set(words(p.a));
    const b = new Set(words(p.b));
    let shared = 0;
    for (const w of a) if (b.has(w)) shared++;
    return shared / (a.size + b.size - shared || 1);
  });
  let best = { t: 0, acc: 0 };
  for (let t = 0.1; t <= 0.9; t += 0.01) {
    const c = count(pairs, (_p, i) => jaccard[i]! >= t);
    const acc = (c.tp + c.tn) / pairs.length;
    if (acc > best.acc) best = { t, acc };
  }
  const t0 = performance.now();
  const aligned = pairs.map((p, i) => {
    const r = compareArticles([inputFromParagraphs(`msrpa${i}`, '', [p.a]), inputFromParagraphs(`msrpb${i}`, '', [p.b])]);
    return r.alignment.pairs[0]!.rows.some((x) => x.a !== null && x.b !== null);
  });
  const ms = (performance.now() - t0) / pairs.length;
  return [
    row(
      'majority class (always "same")',
      count(pairs, () => true),
    ),
    row(
      `word overlap, Jaccard >= ${best.t.toFixed(2)}`,
      count(pairs, (_p, i) => jaccard[i]! >= best.t),
      'threshold tuned on this set',
    ),
    row(
      'Parallax aligned reading',
      count(pairs, (_p, i) => aligned[i]!),
      `${ms.toFixed(2)} ms/pair`,
    ),
  ].map((r) => ({ set: `MSRP train (${pairs.length} pairs)`, ...r }));
}
