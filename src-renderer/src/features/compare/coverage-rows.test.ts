import { describe, expect, it } from 'vitest';
import type { Claim, CompareArticle, Conflict } from '@contract';
import { filterEntities, matrixRows, noFilter } from './coverage-rows';

const art = (id: string): CompareArticle => ({ id, label: id.toUpperCase(), title: id, outlet: id, publishedAt: null, sentences: [] });
const claim = (id: string, where: Array<[string, number]>, entities: string[] = []): Claim => ({
  id,
  label: id,
  count: new Set(where.map(([a]) => a)).size,
  unique: where.length === 1,
  passages: where.map(([article, sentence]) => ({ article, sentence, start: 0, end: 1, text: id })),
  entities,
});
const articles = ['a', 'b', 'c'].map(art);
// In the order clusterClaims gives (widest first), with single-outlet claims of different outlets mixed.
const claims = [
  claim('c1', [
    ['a', 0],
    ['b', 1],
    ['c', 0],
  ]),
  claim(
    'c2',
    [
      ['a', 1],
      ['c', 2],
    ],
    ['e1'],
  ),
  claim('c3', [['b', 0]], ['e1']),
  claim('c4', [['a', 2]]),
  claim('c5', [['b', 2]], ['e2']),
  claim('c6', [['c', 1]]),
];
const conflict: Conflict = {
  kind: 'number',
  description: '3 or 4 dead',
  articles: ['b', 'c'],
  forms: ['3', '4'],
  refs: [],
  passages: [
    { article: 'b', sentence: 2, start: 0, end: 1, form: '3' },
    { article: 'c', sentence: 2, start: 0, end: 1, form: '4' },
  ],
};
const result = { articles, claims, conflicts: [conflict], entities: [] };
const ids = (cs: Claim[]) => cs.map((c) => c.id);

describe('the coverage matrix rows', () => {
  it('puts shared claims on top, most outlets first, and groups single-outlet claims by outlet', () => {
    const m = matrixRows({ ...result, claims: [claims[1]!, claims[0]!, ...claims.slice(2)] }, noFilter);
    expect(ids(m.shared)).toEqual(['c1', 'c2']);
    expect(m.single.map((g) => [g.article.id, ids(g.claims)])).toEqual([
      ['a', ['c4']],
      ['b', ['c3', 'c5']],
      ['c', ['c6']],
    ]);
  });

  it('counts per outlet the claims it carries, shared and its own', () => {
    const m = matrixRows(result, noFilter);
    expect(m.counts).toEqual([
      { article: 'a', carried: 3, shared: 2, only: 1 },
      { article: 'b', carried: 3, shared: 1, only: 2 },
      { article: 'c', carried: 3, shared: 2, only: 1 },
    ]);
    expect([m.shown, m.total]).toEqual([6, 6]);
  });

  it('filters by an entity the claim names', () => {
    const m = matrixRows(result, { entity: 'e1', conflict: null });
    expect(ids(m.shared)).toEqual(['c2']);
    expect(m.single.map((g) => ids(g.claims))).toEqual([['c3']]);
    expect(m.counts.find((c) => c.article === 'b')).toEqual({ article: 'b', carried: 1, shared: 0, only: 1 });
  });

  it('filters by conflict: the claims whose sentences state a side of it', () => {
    const any = matrixRows(result, { entity: null, conflict: 'any' });
    expect([...ids(any.shared), ...any.single.flatMap((g) => ids(g.claims))]).toEqual(['c2', 'c5']);
    const one = matrixRows(result, { entity: 'e2', conflict: 0 });
    expect(one.single.flatMap((g) => ids(g.claims))).toEqual(['c5']);
    expect(matrixRows(result, { entity: null, conflict: 7 }).shown).toBe(0);
  });

  it('offers the entities some claim names, most widely carried first', () => {
    const entities = [
      { id: 'e2', name: 'Zed', type: 'person' as const, articles: ['b'], variants: [], roles: [] },
      { id: 'e1', name: 'Ann', type: 'person' as const, articles: ['a', 'b'], variants: [], roles: [] },
      { id: 'e9', name: 'Unnamed', type: 'place' as const, articles: ['a', 'b', 'c'], variants: [], roles: [] },
    ];
    expect(filterEntities({ claims, entities }).map((e) => e.id)).toEqual(['e1', 'e2']);
  });
});
