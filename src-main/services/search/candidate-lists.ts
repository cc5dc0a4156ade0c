import type { Clause } from '../../core/search/query-ast';

/** The part of a flexsearch Document that reading candidates needs. */
export type FlexLists = {
  search: (q: string, o: { limit: number; offset?: number; index?: string[] }) => { field: string; result: number[] }[];
};

/** A query clause resolved against the vocabulary: its term ids, their idf, and how many documents it may match. */
export type Compiled = { clause: Clause; ids: number[]; idfs: number[]; estimate: number };

/**
 * Call `visit` with every document in `term`'s list in each field, reading the lists page by page to the
 * end: a common word's list at 100k articles holds most of them, and stopping at any fixed count drops true
 * matches of every query that word drives (with 5,000 per word, phrases of common
 * words found 0, 1 and 12 articles at 100k where an exhaustive scan finds 20 or more).
 */
export function readWholeList(flex: FlexLists, term: string, fields: readonly string[], page: number, visit: (doc: number) => void): void {
  for (const field of fields) {
    for (let offset = 0; ; offset += page) {
      let list: number[];
      try {
        list = flex.search(term, { limit: page, offset, index: [field] })[0]?.result ?? [];
      } catch (e) {
        // flexsearch 0.8 throws for an offset at the very end of a list (one exactly a multiple of `page`
        // long): that page is empty. A failure on the first page is a real one.
        if (offset === 0) throw e;
        break;
      }
      for (const d of list) visit(d);
      if (list.length < page) break;
    }
  }
}

/**
 * The candidate documents of a query: everything the rarest required group can match, or, with none
 * required, anything any group can. Each document once, in the order the lists give them.
 */
export class CandidateReader {
  private marks = new Uint32Array(0);
  private generation = 0;

  constructor(
    private readonly flex: FlexLists,
    private readonly fields: readonly string[],
    private readonly termOf: (id: number) => string,
  ) {}

  collect(groups: Compiled[][], required: boolean[], page: number, docCount: number): number[] {
    if (this.marks.length < docCount) this.marks = new Uint32Array(docCount * 2 + 16);
    const gen = ++this.generation;
    const out: number[] = [];
    const visit = (d: number) => {
      if (this.marks[d] === gen) return;
      this.marks[d] = gen;
      out.push(d);
    };
    const estimate = (g: Compiled[]) => g.reduce((a, c) => a + c.estimate, 0);
    const needed = groups.filter((_, i) => required[i]);
    const drivers = needed.length ? [needed.reduce((a, b) => (estimate(b) < estimate(a) ? b : a))] : groups;
    for (const g of drivers)
      for (const c of g) {
        // A phrase's rarest word finds every document that can hold the phrase.
        const ids = c.clause.kind === 'phrase' && c.ids.length ? [c.ids[c.idfs.indexOf(Math.max(...c.idfs))]!] : c.ids;
        for (const id of ids) readWholeList(this.flex, this.termOf(id), this.fields, page, visit);
      }
    return out;
  }
}
