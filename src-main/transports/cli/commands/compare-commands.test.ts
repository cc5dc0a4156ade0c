import { describe, expect, it } from 'vitest';
import type { CompareResult, Conflict } from '../../../contract';
import { formatCompare } from './compare-commands';

const note = (kind: Conflict['kind'], description: string): Conflict => ({
  kind,
  description,
  articles: ['a1', 'b1'],
  forms: [],
  refs: [],
});

const result: CompareResult = {
  articles: [
    { id: 'a1', label: 'Daily A', title: 'A', outlet: 'Daily A', publishedAt: null, sentences: [] },
    { id: 'b1', label: 'Daily B', title: 'B', outlet: 'Daily B', publishedAt: null, sentences: [] },
  ],
  alignment: { pivot: 'a1', pairs: [] },
  claims: [],
  quotes: [],
  entities: [
    { id: 'e1', name: 'Hakan Fidan', type: 'person', articles: ['a1'], variants: [], roles: [], typeConfidence: 1 },
    { id: 'e2', name: 'Laredo', type: 'place', articles: ['a1', 'b1'], variants: [], roles: [], typeConfidence: 0.4 },
  ],
  conflicts: [note('date', 'The outlets give different dates: “Tuesday” vs “Wednesday”.')],
  differs: [note('number', 'The outlets give figures that differ without contradicting each other.')],
  notices: [],
};

describe('parallax compare, as text', () => {
  it('says what differs in each conflict and lists the softer notes after them', () => {
    const out = formatCompare(result);
    expect(out).toContain('Conflicts (1):\n  [date] the date differs: The outlets give different dates');
    expect(out).toContain('Differences that do not contradict (1):\n  [number] the figure differs: The outlets give figures');
  });

  it('marks a type guessed from context', () => {
    const out = formatCompare(result);
    expect(out).toContain('  Hakan Fidan [person]\n');
    expect(out).toContain('  Laredo [place?, guessed from context]\n');
  });
});
