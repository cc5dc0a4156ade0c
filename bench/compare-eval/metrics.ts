/** Scores shared by the comparison's evaluations: ranking (P@k, MAP), clustering (pairwise, B-cubed), a TF-IDF baseline. */

export function averagePrecision(ranked: string[], relevant: Set<string>): number {
  if (!relevant.size) return 0;
  let hits = 0;
  let sum = 0;
  ranked.forEach((id, i) => {
    if (relevant.has(id)) sum += ++hits / (i + 1);
  });
  return sum / relevant.size;
}

export const precisionAt = (ranked: string[], relevant: Set<string>, k: number) =>
  ranked.slice(0, k).filter((id) => relevant.has(id)).length / k;

export type Prf = { p: number; r: number; f1: number };
const prf = (p: number, r: number): Prf => ({ p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 });

/**
 * Pairwise precision/recall over pairs of mentions in different articles: a pair is "same" in the gold when
 * both are in one chain, predicted "same" when both got one id.
 */
export type PairCounts = { tp: number; predicted: number; gold: number };

export function pairCounts(items: Array<{ article: string; gold: string; predicted: string }>): PairCounts {
  let tp = 0;
  let pred = 0;
  let gold = 0;
  for (let i = 0; i < items.length; i++)
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i]!;
      const b = items[j]!;
      if (a.article === b.article) continue;
      const g = a.gold === b.gold;
      const p = a.predicted === b.predicted;
      if (g) gold++;
      if (p) pred++;
      if (g && p) tp++;
    }
  return { tp, predicted: pred, gold };
}

/** Precision, recall and F1 of pair counts summed over stories (pairs never cross stories). */
export function pairwise(counts: PairCounts[]): Prf & PairCounts {
  const sum = counts.reduce((a, c) => ({ tp: a.tp + c.tp, predicted: a.predicted + c.predicted, gold: a.gold + c.gold }), {
    tp: 0,
    predicted: 0,
    gold: 0,
  });
  return { ...prf(sum.predicted ? sum.tp / sum.predicted : 1, sum.gold ? sum.tp / sum.gold : 1), ...sum };
}

/** B-cubed over every mention (Bagga & Baldwin): per mention, the overlap of its predicted and gold clusters. */
export function bcubed(items: Array<{ gold: string; predicted: string }>): Prf {
  const byGold = new Map<string, number>();
  const byPred = new Map<string, number>();
  const both = new Map<string, number>();
  for (const x of items) {
    byGold.set(x.gold, (byGold.get(x.gold) ?? 0) + 1);
    byPred.set(x.predicted, (byPred.get(x.predicted) ?? 0) + 1);
    both.set(`${x.gold}\u0000${x.predicted}`, (both.get(`${x.gold}\u0000${x.predicted}`) ?? 0) + 1);
  }
  let p = 0;
  let r = 0;
  for (const x of items) {
    const shared = both.get(`${x.gold}\u0000${x.predicted}`)!;
    p += shared / byPred.get(x.predicted)!;
    r += shared / byGold.get(x.gold)!;
  }
  return prf(p / items.length, r / items.length);
}

export const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Plain TF-IDF cosine (raw counts, smoothed idf, unit vectors): the baseline every ranking is set beside. */
export function tfidfRanker(docs: Array<{ id: string; text: string }>): (id: string) => string[] {
  const tfs = docs.map((d) => {
    const tf = new Map<string, number>();
    for (const w of words(d.text)) tf.set(w, (tf.get(w) ?? 0) + 1);
    return tf;
  });
  const df = new Map<string, number>();
  for (const tf of tfs) for (const w of tf.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  const n = docs.length;
  const vecs = tfs.map((tf) => {
    const v = new Map<string, number>();
    let norm = 0;
    for (const [w, c] of tf) {
      const x = c * (Math.log((1 + n) / (1 + df.get(w)!)) + 1);
      v.set(w, x);
      norm += x * x;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [w, x] of v) v.set(w, x / norm);
    return v;
  });
  const index = new Map(docs.map((d, i) => [d.id, i]));
  return (id) => {
    const q = vecs[index.get(id)!]!;
    return docs
      .map((d, i) => {
        if (d.id === id) return { id: d.id, s: -1 };
        let s = 0;
        const v = vecs[i]!;
        for (const [w, x] of q) s += x * (v.get(w) ?? 0);
        return { id: d.id, s };
      })
      .filter((x) => x.id !== id)
      .sort((a, b) => b.s - a.s || a.id.localeCompare(b.id))
      .map((x) => x.id);
  };
}


export const f3 = (x: number) => x.toFixed(3);
