import { describe, expect, it } from 'vitest';
import type { AlignmentRow } from '@contract';
import { bandsOf } from './aligned-bands';

const row = (a: number | null, b: number | null): AlignmentRow => ({
  a,
  b,
  score: a !== null && b !== null ? 0.5 : 0,
  changesA: [],
  changesB: [],
  variantsA: [],
  variantsB: [],
});

describe('bands of the aligned reading', () => {
  it('puts the unique sentences between two pairs in one band, each side stacking its own', () => {
    const bands = bandsOf([row(0, 0), row(1, null), row(null, 1), row(null, 2), row(2, 3)]);
    expect(bands.map((b) => b.kind)).toEqual(['pair', 'unique', 'pair']);
    const gap = bands[1]!;
    if (gap.kind !== 'unique') throw new Error('expected a unique band');
    expect(gap.a.map((u) => u.row.a)).toEqual([1]);
    expect(gap.b.map((u) => u.row.b)).toEqual([1, 2]);
  });

  it('gives a run of sentences only one side has no rows on the other side', () => {
    const bands = bandsOf([row(null, 0), row(null, 1), row(null, 2), row(0, 3)]);
    expect(bands).toHaveLength(2);
    expect(bands[0]).toMatchObject({ kind: 'unique', a: [] });
  });

  it('keeps every row exactly once, in order', () => {
    const rows = [row(0, null), row(1, 0), row(null, 1), row(2, 2), row(3, null)];
    const seen = bandsOf(rows).flatMap((b) => (b.kind === 'pair' ? [b.index] : [...b.a, ...b.b].map((u) => u.index).sort()));
    expect(seen).toEqual([0, 1, 2, 3, 4]);
  });
});
