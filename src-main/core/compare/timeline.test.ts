import { describe, expect, it } from 'vitest';
import type { Claim, Passage } from '../../contract';
import { storyTimeline } from './timeline';

const passage = (article: string, text: string, sentence = 0): Passage => ({ article, sentence, start: 0, end: text.length, text });
const claim = (id: string, passages: Passage[]): Claim => ({
  id,
  label: passages[0]!.text,
  count: new Set(passages.map((p) => p.article)).size,
  unique: passages.length === 1,
  passages,
});
const article = (id: string, published: string | null, updates: string[] = []) => ({ id, outlet: `Outlet ${id}`, title: `Title ${id}`, published, updates });

describe('storyTimeline', () => {
  const articles = [article('late', '2025-10-12T09:00:00Z'), article('nodate', null), article('early', '2025-10-11T18:30:00Z', ['2025-10-12T01:00:00Z', '2025-10-11T20:00:00Z']), article('mid', '2025-10-12')];
  const claims = [
    claim('c1', [passage('late', 'Talks resumed in Ankara.'), passage('early', 'Talks resumed in Ankara on Friday.'), passage('nodate', 'Talks resumed.')]),
    claim('c2', [passage('mid', 'At least 12 people were killed in the strike.'), passage('late', 'The strike killed 12 people.', 3)]),
    claim('c3', [passage('early', 'A unique sentence.', 5)]),
  ];
  const t = storyTimeline(articles, claims);

  it('places dated articles by publication time, with their updates in order, and lists undated ones apart', () => {
    expect(t.articles.map((a) => a.id)).toEqual(['early', 'mid', 'late']);
    expect(t.articles[0]!.updates).toEqual(['2025-10-11T20:00:00Z', '2025-10-12T01:00:00Z']);
    expect(t.undated.map((a) => a.id)).toEqual(['nodate']);
  });

  it('says who carried a shared claim first and who repeated it, leaving single-outlet claims out', () => {
    const c1 = t.items.find((i) => i.kind === 'claim' && i.id === 'c1')!;
    expect(c1.firstAt).toBe('2025-10-11T18:30:00Z');
    expect(c1.first.map((p) => p.article)).toEqual(['early']);
    expect(c1.repeated.map((p) => p.article)).toEqual(['late']);
    expect(c1.undated.map((p) => p.article)).toEqual(['nodate']);
    expect(t.items.some((i) => i.id === 'c3')).toBe(false);
  });

  it('finds a figure two articles give, first appearance first', () => {
    const twelve = t.items.filter((i) => i.kind === 'figure' && i.first.concat(i.repeated).some((p) => /12/.test(p.text)));
    expect(twelve.length).toBeGreaterThan(0);
    expect(twelve[0]!.first.map((p) => p.article)).toEqual(['mid']);
    expect(twelve[0]!.repeated.map((p) => p.article)).toEqual(['late']);
    // Items run by first appearance: c1 (11 October) before anything first seen on the 12th.
    expect(t.items[0]!.id).toBe('c1');
    expect(t.items.map((i) => i.firstAt)).toEqual([...t.items.map((i) => i.firstAt)].sort());
  });

  it('a claim only undated articles carry comes last, with no first time', () => {
    const only = storyTimeline([article('a', null), article('b', null)], [claim('c9', [passage('a', 'x'), passage('b', 'y')])]);
    expect(only.items).toMatchObject([{ id: 'c9', firstAt: null, first: [], repeated: [] }]);
    expect(only.items[0]!.undated).toHaveLength(2);
    expect(only.articles).toEqual([]);
  });
});
