/**
 * Reading a story in columns, measured on AllSides (three outlets per story): how many rows are shared by
 * two and by three outlets, and what share of the cells say "not in", for
 *   - before: rows built from the pairwise alignments of the first article with each other (how two-way
 *     reading extends to N, one row per sentence of the first article plus one per other sentence it lacks);
 *   - after: the N-way rows (core/compare/align-nway.ts), sentences only one outlet has gathered between
 *     two shared rows; and the same N-way rows with one row per such sentence, to tell the two effects apart.
 */
import type { CompareResult } from '../../src-main/contract';
import type { AllSidesStory } from './corpora';
import { f3 } from './metrics';

type Tally = { rows: number; by2: number; by3: number; cells: number; notIn: number };
const empty = (): Tally => ({ rows: 0, by2: 0, by3: 0, cells: 0, notIn: 0 });

/** Adds one row with sentences of `filled` of `n` outlets (shared: one sentence each, the same claim). */
function add(t: Tally, filled: number, n: number, shared = filled >= 2) {
  t.rows++;
  if (shared && filled === 2) t.by2++;
  if (shared && filled >= 3) t.by3++;
  t.cells += n;
  t.notIn += n - filled;
}

/** Rows from the pivot's pairwise alignments: each pivot sentence with its partner in each other article. */
function pivotRows(r: CompareResult, t: Tally) {
  const n = r.articles.length;
  const partners = r.articles[0]!.sentences.map(() => 1);
  for (const pair of r.alignment.pairs)
    for (const row of pair.rows) {
      if (row.a !== null && row.b !== null) partners[row.a]!++;
      else if (row.b !== null) add(t, 1, n);
    }
  for (const filled of partners) add(t, filled, n);
}

export function columnStats(stories: AllSidesStory[], results: Map<number, CompareResult>): Array<Record<string, string | number>> {
  const before = empty();
  const after = empty();
  const unpacked = empty();
  for (const s of stories) {
    const r = results.get(s.id)!;
    const n = r.articles.length;
    if (n < 3) continue;
    pivotRows(r, before);
    for (const row of r.columns ?? []) {
      if (row.shared) {
        add(after, row.cells.length, n);
        add(unpacked, row.cells.length, n);
        continue;
      }
      add(after, new Set(row.cells.map((c) => c.article)).size, n, false);
      for (let k = 0; k < row.cells.length; k++) add(unpacked, 1, n);
    }
  }
  const line = (label: string, t: Tally) => ({
    measure: `columns, ${label}`,
    value: f3(t.notIn / Math.max(1, t.cells)),
    note: `"not in" share of ${t.cells} cells; ${t.rows} rows, ${t.by2} shared by 2, ${t.by3} by 3`,
  });
  return [
    line('before: pairwise with the first article', before),
    line('after: N-way, own sentences one row each', unpacked),
    line('after: N-way rows (as shown)', after),
  ];
}
