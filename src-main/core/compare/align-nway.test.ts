import { describe, expect, it } from 'vitest';
import type { Block, ColumnRow } from '../../contract';
import { seedInputs } from '../../../tests/unit/seed-articles';
import type { Slot } from './align-nway';
import { orderRows } from './align-nway';
import { compareArticles } from './compare-articles';
import type { CompareInput } from './sentences';

function article(id: string, paragraphs: string[]): CompareInput {
  const blocks: Block[] = [];
  let at = 0;
  for (const p of paragraphs) {
    blocks.push({ kind: 'paragraph', text: p, reason: null, lang: null, post: null, start: at, end: at + p.length });
    at += p.length + 2;
  }
  return { id, title: id, outlet: `Outlet ${id}`, publishedAt: null, language: 'en', body: paragraphs.join('\n\n'), blocks };
}

/** Every sentence of every column exactly once, and each column read top to bottom in its own order. */
function expectWholeAndInOrder(counts: number[], rows: Slot[][]) {
  const seen = counts.map(() => [] as number[]);
  for (const row of rows) {
    expect(new Set(row.map((s) => s.column)).size).toBe(row.length); // one sentence per column in a row
    for (const s of row) seen[s.column]!.push(s.sentence);
  }
  counts.forEach((n, c) => expect(seen[c]).toEqual(Array.from({ length: n }, (_, i) => i)));
}

/** Cells of column rows, as (article, sentence) in reading order per article. */
function expectColumnsWhole(rows: ColumnRow[], counts: number[]) {
  const seen = counts.map(() => [] as number[]);
  for (const r of rows) for (const c of r.cells) seen[c.article]!.push(c.sentence);
  counts.forEach((n, a) => expect(seen[a]).toEqual(Array.from({ length: n }, (_, i) => i)));
}

describe('ordering the rows of N columns', () => {
  it('makes one row of a sentence shared by 3 of 5 columns, and keeps the others in their places', () => {
    const counts = [2, 2, 1, 2, 1];
    const shared: Slot[] = [
      { column: 0, sentence: 1 },
      { column: 1, sentence: 0 },
      { column: 3, sentence: 1 },
    ];
    const rows = orderRows(counts, [shared]);
    expectWholeAndInOrder(counts, rows);
    const big = rows.filter((r) => r.length > 1);
    expect(big).toEqual([shared]);
    // What comes before the shared sentence in its columns comes before its row.
    const at = rows.findIndex((r) => r.length > 1);
    const before = rows.slice(0, at).flat();
    expect(before).toContainEqual({ column: 0, sentence: 0 });
    expect(before).toContainEqual({ column: 3, sentence: 0 });
    expect(rows.slice(at + 1).flat()).toContainEqual({ column: 1, sentence: 1 });
  });

  it('splits a group when outlets tell two things in opposite orders, losing no sentence', () => {
    // A says x then y; B says y then x: both rows cannot keep both orders.
    const counts = [2, 2];
    const rows = orderRows(counts, [
      [
        { column: 0, sentence: 0 },
        { column: 1, sentence: 1 },
      ],
      [
        { column: 0, sentence: 1 },
        { column: 1, sentence: 0 },
      ],
    ]);
    expectWholeAndInOrder(counts, rows);
    expect(rows.filter((r) => r.length === 2)).toHaveLength(1);
  });

  it('takes each sentence once whatever the groups say (named twice, two of one column, out of range)', () => {
    const counts = [2, 1];
    const rows = orderRows(counts, [
      [
        { column: 0, sentence: 0 },
        { column: 0, sentence: 1 },
        { column: 1, sentence: 0 },
      ],
      [{ column: 1, sentence: 0 }],
      [{ column: 5, sentence: 0 }],
      [{ column: 0, sentence: 9 }],
    ]);
    expectWholeAndInOrder(counts, rows);
  });

  it('keeps every column whole and in order over random groupings', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let trial = 0; trial < 200; trial++) {
      const n = 2 + Math.floor(rnd() * 5);
      const counts = Array.from({ length: n }, () => Math.floor(rnd() * 8));
      const groups: Slot[][] = Array.from({ length: Math.floor(rnd() * 10) }, () =>
        Array.from({ length: n }, (_, column) => ({ column, sentence: Math.floor(rnd() * 9) })).filter(() => rnd() < 0.6),
      );
      expectWholeAndInOrder(counts, orderRows(counts, groups));
    }
  });
});

describe('reading articles in columns', () => {
  const a = article('a', ['The council approved the budget on Tuesday after a long debate.', 'The mayor thanked the staff.']);
  const b = article('b', [
    'Protesters gathered outside the town hall in the rain.',
    'After a lengthy debate, the council approved the budget on Tuesday.',
  ]);
  const c = article('c', ['The council approved the budget on Tuesday after a heated debate.', 'Schools will get more money.']);

  it('shares a row across three columns and marks the words only one outlet uses', () => {
    const r = compareArticles([a, b, c]);
    const rows = r.columns!;
    expectColumnsWhole(
      rows,
      r.articles.map((x) => x.sentences.length),
    );
    const shared = rows.filter((x) => x.shared);
    expect(shared).toHaveLength(1);
    expect(shared[0]!.cells.map((x) => [x.article, x.sentence])).toEqual([
      [0, 0],
      [1, 1],
      [2, 0],
    ]);
    expect(shared[0]!.claim).toBe(r.claims.find((x) => x.count === 3)!.id);
    // "heated" is C's alone; "lengthy" B's alone; "council" everyone's.
    const word = (cell: { article: number; changes: Array<[number, number]> }) =>
      cell.changes.map(([s, e]) => [a, b, c][cell.article]!.body.slice(s, e));
    expect(word(shared[0]!.cells[2]!)).toContain('heated');
    expect(word(shared[0]!.cells[1]!)).toContain('lengthy');
    expect(shared.flatMap((x) => x.cells.flatMap(word))).not.toContain('council');
    // B's protest sentence comes before the shared row; A's and C's second sentences after it, in one unshared row.
    expect(rows[0]).toMatchObject({ shared: false, cells: [{ article: 1, sentence: 0 }] });
    expect(rows[rows.length - 1]).toMatchObject({
      shared: false,
      cells: [
        { article: 0, sentence: 1 },
        { article: 2, sentence: 1 },
      ],
    });
  });

  it('on the five seeds: rows shared by several outlets, every sentence once and in order', () => {
    const r = compareArticles(seedInputs());
    const rows = r.columns!;
    expectColumnsWhole(
      rows,
      r.articles.map((x) => x.sentences.length),
    );
    expect(rows.filter((x) => x.shared && x.cells.length >= 3).length).toBeGreaterThan(0);
    // Unshared rows never sit next to each other (they are one band between two shared rows).
    rows.forEach((x, i) => i > 0 && !x.shared && expect(rows[i - 1]!.shared).toBe(true));
  });

  it('names the entities each claim mentions, for the matrix filter', () => {
    const r = compareArticles(seedInputs());
    const fidan = r.entities.find((e) => /Fidan/.test(e.name))!;
    const about = r.claims.filter((c) => c.entities?.includes(fidan.id));
    expect(about.length).toBeGreaterThan(0);
    const forms = fidan.variants.map((v) => v.form);
    for (const c of about) expect(c.passages.some((p) => forms.some((f) => p.text.includes(f)))).toBe(true);
    expect(r.claims.every((c) => Array.isArray(c.entities))).toBe(true);
  });
});
