/**
 * Sentence alignment on MSRP: two sentences from different outlets on one story; the gold says whether they
 * report the same thing. The prediction is whether aligned reading puts them in one row when two one-sentence
 * articles are compared. Beside it: the majority class, and word overlap (Jaccard of word sets) at the threshold
 * that suits this set best, which flatters the baseline.
 */
import { compareArticles } from '../../src-main/core/compare/compare-articles';
import { clusterEntities } from '../../src-main/core/compare/entities';
import { sentenceUnits } from '../../src-main/core/compare/features';
import { properNames, sentenceMentions } from '../../src-main/core/compare/mentions';
import { fitLogistic, logistic, paraphraseFeatures, WEIGHTS } from '../../src-main/core/compare/paraphrase';
import { segmentArticle } from '../../src-main/core/compare/sentences';
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

/** The comparison units of a one-paragraph text, as compareArticles makes them (sentences, names, units). */
function pairUnits(p: MsrpPair, i: number) {
  const inputs = [inputFromParagraphs(`msrpa${i}`, '', [p.a]), inputFromParagraphs(`msrpb${i}`, '', [p.b])];
  const sentences = inputs.map((x) => segmentArticle(x));
  const proper = properNames(sentences.flat());
  const found = sentences.map((list, a) => list.flatMap((s) => sentenceMentions(a, s, { properMidSentence: proper }).mentions));
  const { mentions } = clusterEntities(found, sentences, ['a', 'b']);
  return sentences.map((list, a) => list.flatMap((s) => sentenceUnits(s, mentions.filter((m) => m.article === a && m.sentence >= 0))));
}

/**
 * Two-fold cross-validation of the paraphrase model (core/compare/paraphrase.ts) on MSRP train: fitted on the
 * odd pairs and scored on the even ones, and the other way round, at the model's own cut (0.5). The last row
 * refits on all pairs: those are the weights the product ships (printed, so they can be checked).
 */
export function msrpCrossValidation(pairs: MsrpPair[]): { rows: Array<Record<string, string | number>>; weights: number[] } {
  const features = pairs.map((p, i) => {
    const [ua, ub] = pairUnits(p, i);
    return paraphraseFeatures(ua!, ub!);
  });
  const labels = pairs.map((p) => p.same);
  const idx = pairs.map((_p, i) => i);
  const halves = [idx.filter((i) => i % 2 === 1), idx.filter((i) => i % 2 === 0)];
  const out: Array<Record<string, string | number>> = [];
  halves.forEach((train, h) => {
    const test = halves[1 - h]!;
    const w = fitLogistic(
      train.map((i) => features[i]!),
      train.map((i) => labels[i]!),
    );
    const sub = test.map((i) => pairs[i]!);
    out.push({
      set: `MSRP train, ${h ? 'even' : 'odd'} half fitted`,
      ...row(
        `paraphrase model scored on the ${h ? 'odd' : 'even'} half (${test.length})`,
        count(sub, (_p, k) => logistic(w, features[test[k]!]!) >= 0.5),
      ),
    });
  });
  const shipped = count(pairs, (_p, i) => logistic(WEIGHTS, features[i]!) >= 0.5);
  out.push({ set: `MSRP train (${pairs.length} pairs)`, ...row('paraphrase model as shipped, all pairs', shipped, 'fitted on all of them') });
  return { rows: out, weights: fitLogistic(features, labels) };
}

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
