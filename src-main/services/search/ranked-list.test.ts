import { describe, expect, it } from 'vitest';
import { RankedList } from './ranked-list';

describe('RankedList', () => {
  it('reads in the same order as a full sort (score desc, then doc asc), whatever is read first', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const docs = Array.from({ length: 3000 }, (_, i) => i * 3);
    const scores = docs.map(() => Math.round(rand() * 50) / 10); // many ties
    const full = docs.map((doc, i) => ({ doc, score: scores[i]! })).sort((a, b) => b.score - a.score || a.doc - b.doc);
    const list = new RankedList([...docs], [...scores]);
    expect(list.at(0)).toEqual(full[0]);
    expect(list.top(20)).toEqual(full.slice(0, 20));
    expect(list.at(700)).toEqual(full[700]);
    expect(list.top()).toEqual(full);
    expect(list.at(3000)).toBeUndefined();
  });

  it('keeps a presorted order', () => {
    const list = new RankedList([5, 1, 9], [0, 0, 0], true);
    expect(list.top().map((r) => r.doc)).toEqual([5, 1, 9]);
  });
});
