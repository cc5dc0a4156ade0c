import { prefixMatchesTerm } from './stemmer';

/**
 * Every term the index has seen, with an id and a document frequency. Ids are never reused, so a saved
 * term vector stays valid; the sorted list for prefix expansion is rebuilt lazily after changes.
 */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  readonly terms: string[] = [];
  readonly df: number[] = [];
  private sorted: string[] | null = null;

  static from(terms: string[]): Vocabulary {
    const v = new Vocabulary();
    for (const t of terms) v.idOf(t, true);
    return v;
  }

  get size(): number {
    return this.terms.length;
  }

  /** The id of a term; with `create`, a new term gets the next id. -1 when unknown. */
  idOf(term: string, create = false): number {
    const id = this.ids.get(term);
    if (id !== undefined) return id;
    if (!create) return -1;
    const next = this.terms.length;
    this.ids.set(term, next);
    this.terms.push(term);
    this.df.push(0);
    this.sorted = null;
    return next;
  }

  dfOf(termId: number): number {
    return termId >= 0 ? (this.df[termId] ?? 0) : 0;
  }

  /** Known terms a prefix matches (prefixMatchesTerm), the most frequent first, at most `max`. */
  expand(prefix: string, max: number): number[] {
    const sorted = (this.sorted ??= [...this.terms].sort());
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const found: number[] = [];
    // A two-letter prefix can match tens of thousands of words: look at a bounded number of them.
    for (let i = lo; i < sorted.length && i < lo + 20_000 && sorted[i]!.startsWith(prefix); i++) {
      const id = this.ids.get(sorted[i]!)!;
      if (this.df[id]! > 0) found.push(id);
    }
    // Stems shorter than the prefix ("presid" for `presiden*`): at most three lookups.
    for (let k = prefix.length - 1; k >= 4 && k >= prefix.length - 3; k--) {
      const id = this.ids.get(prefix.slice(0, k));
      if (id !== undefined && this.df[id]! > 0 && prefixMatchesTerm(prefix, this.terms[id]!)) found.push(id);
    }
    return found.sort((a, b) => this.df[b]! - this.df[a]!).slice(0, max);
  }
}
