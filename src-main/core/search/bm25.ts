/**
 * Okapi BM25 (Robertson & Zaragoza 2009), the ranking function every baseline uses. flexsearch orders
 * results by where a word sits in a document, not by how telling it is, so Parallax re-ranks its
 * candidates with this.
 */
export type Bm25Params = { k1: number; b: number };
export const BM25: Bm25Params = { k1: 1.2, b: 0.75 };

/** Inverse document frequency, the non-negative "+1" variant Lucene and minisearch use. */
export function idf(docCount: number, df: number): number {
  return Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
}

export function bm25(tf: number, docLength: number, avgLength: number, termIdf: number, p: Bm25Params = BM25): number {
  if (tf <= 0) return 0;
  const norm = 1 - p.b + (p.b * docLength) / (avgLength || 1);
  return (termIdf * (tf * (p.k1 + 1))) / (tf + p.k1 * norm);
}
