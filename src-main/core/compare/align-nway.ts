import type { Claim, ColumnCell, ColumnRow } from '../../contract';
import { markRanges } from './align';
import type { Unit } from './features';

/** One sentence of one column: `sentence` is its position in its article's sentences. */
export type Slot = { column: number; sentence: number };

const keyOf = (s: Slot) => `${s.column}:${s.sentence}`;

/**
 * Rows for reading N articles in columns. `groups` are sentences that report the same thing, at most one per
 * column (the coverage matrix's claims, built from the pairwise matches); every sentence not in a group
 * is a row of its own. The rows come out in an order that keeps every column in its own reading order: a
 * multi-way merge that takes a group once every one of its sentences is next in its column (the first
 * column's first, so the first article leads as it does in two-way reading). When outlets tell things in
 * different orders no group is ready; then the group with most sentences next in their columns is split:
 * those sentences form a row and the rest stays a group of its own, to be taken later. Each sentence is in
 * exactly one row, whatever the groups say (a sentence named twice, or out of range, is taken once or not).
 */
export function orderRows(counts: number[], groups: Slot[][]): Slot[][] {
  const groupOf = new Map<string, number>();
  const members: Slot[][] = [];
  for (const g of groups) {
    const taken = new Set<number>();
    const kept = g.filter((s) => {
      const ok =
        s.column >= 0 &&
        s.column < counts.length &&
        s.sentence >= 0 &&
        s.sentence < counts[s.column]! &&
        !groupOf.has(keyOf(s)) &&
        !taken.has(s.column);
      if (ok) taken.add(s.column);
      return ok;
    });
    if (!kept.length) continue;
    for (const s of kept) groupOf.set(keyOf(s), members.length);
    members.push(kept);
  }
  counts.forEach((n, column) => {
    for (let sentence = 0; sentence < n; sentence++) {
      const k = `${column}:${sentence}`;
      if (!groupOf.has(k)) {
        groupOf.set(k, members.length);
        members.push([{ column, sentence }]);
      }
    }
  });
  const head = counts.map(() => 0);
  const atHead = members.map(() => 0);
  const arrive = (column: number) => {
    if (head[column]! < counts[column]!) atHead[groupOf.get(`${column}:${head[column]}`)!]!++;
  };
  counts.forEach((_, c) => arrive(c));
  const groupAtHead = (c: number) => (head[c]! < counts[c]! ? groupOf.get(`${c}:${head[c]}`)! : -1);
  const rows: Slot[][] = [];
  let left = counts.reduce((x, y) => x + y, 0);
  while (left > 0) {
    let pick = -1;
    for (let c = 0; c < counts.length && pick < 0; c++) {
      const g = groupAtHead(c);
      if (g >= 0 && atHead[g] === members[g]!.length) pick = g;
    }
    if (pick < 0) {
      // Reordered coverage: split the group that keeps most of itself together.
      for (let c = 0; c < counts.length; c++) {
        const g = groupAtHead(c);
        if (g >= 0 && (pick < 0 || atHead[g]! > atHead[pick]!)) pick = g;
      }
      const ready = members[pick]!.filter((s) => head[s.column] === s.sentence);
      const rest = members[pick]!.filter((s) => head[s.column] !== s.sentence);
      members[pick] = ready;
      for (const s of rest) groupOf.set(keyOf(s), members.length);
      members.push(rest);
      atHead.push(0);
    }
    const row = [...members[pick]!].sort((x, y) => x.column - y.column);
    rows.push(row);
    left -= row.length;
    for (const s of row) {
      head[s.column]!++;
      arrive(s.column);
    }
  }
  return rows;
}

/**
 * The "different words" of a shared row, as two-way reading marks them (align.ts wordDiff), across N: a content
 * word of one sentence that no other sentence of the row has is a change; a name another sentence of the
 * row has under another spelling is a variant.
 */
function rowMarks(units: Unit[][], texts: Array<(from: number, to: number) => string>): Array<Pick<ColumnCell, 'changes' | 'variants'>> {
  const holders = new Map<string, number>();
  const spellings = units.map((list) => {
    const m = new Map<string, Set<string>>();
    for (const u of list) if (u.content) (m.get(u.key) ?? m.set(u.key, new Set()).get(u.key)!).add(u.surface.toLowerCase());
    for (const k of m.keys()) holders.set(k, (holders.get(k) ?? 0) + 1);
    return m;
  });
  return units.map((list, i) => {
    const content = list.filter((u) => u.content);
    const changed = content.filter((u) => holders.get(u.key) === 1);
    const variant = content.filter(
      (u) => u.entity && spellings.some((m, j) => j !== i && m.has(u.key) && !m.get(u.key)!.has(u.surface.toLowerCase())),
    );
    return { changes: markRanges(changed, texts[i]!), variants: markRanges(variant, texts[i]!) };
  });
}

export type ColumnInput = {
  /** The coverage-matrix claims (clusterClaims): their shared members are the rows' groups. */
  claims: Claim[];
  articleIds: string[];
  /** Sentences taken in of each article. */
  counts: number[];
  /** Comparison units of each sentence, per article. */
  units: Unit[][][];
  /** Each article's body between two offsets. */
  text: (article: number) => (from: number, to: number) => string;
};

/**
 * All the articles in columns: shared rows (a claim, one sentence per outlet carrying it, with its different
 * words marked) and, between two of them, one unshared row holding every sentence that only one outlet has
 * there, in order, so an outlet with nothing there adds no height and no placeholder.
 */
export function readingColumns({ claims, articleIds, counts, units, text }: ColumnInput): ColumnRow[] {
  const column = new Map(articleIds.map((id, i) => [id, i]));
  const claimOf = new Map<string, string>();
  const groups: Slot[][] = [];
  for (const c of claims) {
    if (c.count < 2) continue;
    const g = c.passages.map((p) => ({ column: column.get(p.article) ?? -1, sentence: p.sentence }));
    for (const s of g) claimOf.set(keyOf(s), c.id);
    groups.push(g);
  }
  const out: ColumnRow[] = [];
  let open: ColumnRow | null = null;
  for (const row of orderRows(counts, groups)) {
    if (row.length === 1) {
      const [s] = row as [Slot];
      if (!open) out.push((open = { shared: false, claim: null, cells: [] }));
      open.cells.push({ article: s.column, sentence: s.sentence, changes: [], variants: [] });
      continue;
    }
    open = null;
    const marks = rowMarks(
      row.map((s) => units[s.column]![s.sentence]!),
      row.map((s) => text(s.column)),
    );
    out.push({
      shared: true,
      claim: claimOf.get(keyOf(row[0]!)) ?? null,
      cells: row.map((s, i) => ({ article: s.column, sentence: s.sentence, ...marks[i]! })),
    });
  }
  return out;
}
