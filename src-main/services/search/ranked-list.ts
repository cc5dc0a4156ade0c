export type Ranked = { doc: number; score: number };

/**
 * Scored documents, read best first (score descending, then older document first). Only as much is
 * sorted as is read: a page needs the top 20 of thousands of candidates, so the top k are found with one
 * native numeric sort of the scores and only those are ordered; reading further doubles k.
 */
export class RankedList {
  private order: number[] = [];

  constructor(
    readonly docs: number[],
    readonly scores: number[],
    /** True when `docs` is already in the order to read (filter-only results, newest first). */
    private readonly presorted = false,
  ) {
    if (presorted) this.order = docs.map((_, i) => i);
  }

  get length(): number {
    return this.docs.length;
  }

  at(i: number): Ranked | undefined {
    if (i >= this.docs.length) return undefined;
    if (i >= this.order.length) this.sortTop(Math.max(64, i * 2 + 1));
    const k = this.order[i]!;
    return { doc: this.docs[k]!, score: this.scores[k]! };
  }

  /** The best `n` (or all), in order. */
  top(n = this.docs.length): Ranked[] {
    const out: Ranked[] = [];
    for (let i = 0; i < Math.min(n, this.docs.length); i++) out.push(this.at(i)!);
    return out;
  }

  includesDoc(doc: number): boolean {
    return this.docs.includes(doc);
  }

  private sortTop(k: number): void {
    const n = this.docs.length;
    const { scores, docs } = this;
    let picked: number[];
    if (k >= n) picked = docs.map((_, i) => i);
    else {
      const sorted = Float64Array.from(scores).sort();
      const threshold = sorted[n - k]!;
      picked = [];
      for (let i = 0; i < n; i++) if (scores[i]! >= threshold) picked.push(i);
    }
    this.order = picked.sort((a, b) => scores[b]! - scores[a]! || docs[a]! - docs[b]!);
  }
}
