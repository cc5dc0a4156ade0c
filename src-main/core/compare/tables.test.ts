import { describe, expect, it } from 'vitest';
import type { CompareResult, Conflict } from '../../contract';
import { entityTypeText } from '../../../src-shared/compare';
import { comparisonTable, exportTable, toCsv, toHtml, toMarkdown } from './tables';

const t = {
  title: 'T',
  columns: ['a', 'b'],
  rows: [
    ['=SUM(A1)', 'x, "y"'],
    ['<script>alert(1)</script>', 'p|q'],
  ],
};

describe('comparison tables', () => {
  it('CSV quotes cells and defuses formulas', () => {
    expect(toCsv(t)).toBe('a,b\r\n\'=SUM(A1),"x, ""y"""\r\n<script>alert(1)</script>,p|q\r\n');
  });
  it('HTML escapes every cell', () => {
    expect(toHtml(t)).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(toHtml(t)).not.toContain('<script>');
  });
  it('Markdown escapes pipes', () => {
    expect(toMarkdown(t)).toContain('p\\|q');
  });
});

/** A comparison of two outlets with one conflict, one softer note and a certain and a guessed type. */
function sampleResult(): CompareResult {
  const note = (kind: Conflict['kind'], description: string, forms: string[]): Conflict => ({
    kind,
    description,
    articles: ['a1', 'b1'],
    forms,
    refs: [],
  });
  return {
    articles: [
      { id: 'a1', label: 'Daily A', title: 'A', outlet: 'Daily A', publishedAt: null, sentences: [] },
      { id: 'b1', label: 'Daily B', title: 'B', outlet: 'Daily B', publishedAt: null, sentences: [] },
    ],
    alignment: { pivot: 'a1', pairs: [] },
    claims: [],
    quotes: [],
    entities: [
      { id: 'e1', name: 'Hakan Fidan', type: 'person', articles: ['a1'], variants: [], roles: ['foreign minister'], typeConfidence: 1 },
      { id: 'e2', name: 'Laredo', type: 'place', articles: ['a1', 'b1'], variants: [], roles: [], typeConfidence: 0.4 },
    ],
    conflicts: [note('number', 'The outlets give different figures: “two months” vs “three months”.', ['two months', 'three months'])],
    differs: [note('number', 'The outlets give figures that differ without contradicting each other.', ['178,000 arrests', '188,829 migrants'])],
    notices: [],
  };
}

describe('the comparison tables say what differs and how sure a type is', () => {
  it('lists conflicts, then the softer notes, each with the part that differs', () => {
    const t = comparisonTable(sampleResult(), 'conflicts');
    expect(t.columns).toEqual(['Kind', 'Description', 'Forms', 'Outlets', 'What differs', 'Note']);
    expect(t.rows.map((r) => [r[2], r[4], r[5]])).toEqual([
      ['two months; three months', 'the figure', 'conflict'],
      ['178,000 arrests; 188,829 migrants', 'the figure', 'differs (does not contradict)'],
    ]);
    const md = exportTable(sampleResult(), 'conflicts', 'markdown').content;
    expect(md).toContain('| the figure | differs (does not contradict) |');
  });

  it('marks a guessed type with a question mark and gives the confidence', () => {
    const t = comparisonTable(sampleResult(), 'entities');
    expect(t.columns.at(-1)).toBe('Type confidence');
    expect(t.rows.map((r) => [r[0], r[1], r.at(-1)])).toEqual([
      ['Hakan Fidan', 'person', '1.00'],
      ['Laredo', 'place?', '0.40'],
    ]);
    expect(exportTable(sampleResult(), 'entities', 'csv').content).toContain('\r\nLaredo,place?,,,0.40\r\n');
  });

  it('reads a type given without a confidence (an older result) as certain', () => {
    expect(entityTypeText({ type: 'person' })).toEqual({ text: 'person', uncertain: false, why: '' });
    expect(entityTypeText({ type: 'organisation', typeConfidence: 0.5 }).text).toBe('organisation?');
    expect(entityTypeText({ type: 'organisation', typeConfidence: 0.51 }).uncertain).toBe(false);
  });
});
