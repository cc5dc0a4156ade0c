import { describe, expect, it } from 'vitest';
import { RM3, relevanceModel } from './relevance-model';
import type { TermStats } from './relevance-model';
import { packVector } from './term-vector';

/** Terms by id, with document frequencies, in a notebook of `docCount` documents. */
function stats(terms: string[], df: number[], docCount: number): TermStats {
  return { termOf: (id) => terms[id]!, dfOf: (id) => df[id]!, docCount };
}
const vector = (tfs: Record<number, number>) => packVector(new Map(Object.entries(tfs).map(([id, tf]) => [Number(id), tf])));

describe('relevance model (RM3 feedback)', () => {
  const terms = ['the', 'soaring', 'ridge', 'glider', 'x', 'lift'];
  // "the" is in every document, "x" is one letter: neither says anything of a topic.
  const s = stats(terms, [100, 3, 4, 2, 5, 6], 100);

  it('weighs the words of the best matches by their share of each document and the document score, summing to 1', () => {
    const model = relevanceModel(
      [
        { vector: vector({ 0: 9, 1: 3, 2: 1 }), score: 2 },
        { vector: vector({ 0: 9, 1: 1, 3: 1 }), score: 1 },
      ],
      s,
    );
    expect([...model.keys()]).toEqual([1, 2, 3]);
    // soaring: 3/4·2 + 1/2·1 = 2; ridge: 1/4·2 = 0.5; glider: 1/2·1 = 0.5; total 3.
    expect(model.get(1)).toBeCloseTo(2 / 3, 10);
    expect(model.get(2)).toBeCloseTo(0.5 / 3, 10);
    expect(model.get(3)).toBeCloseTo(0.5 / 3, 10);
  });

  it('leaves out words in more than a tenth of the documents and words of one letter', () => {
    const model = relevanceModel([{ vector: vector({ 0: 50, 4: 20, 5: 1 }), score: 1 }], s);
    expect([...model.keys()]).toEqual([5]);
  });

  it(`keeps at most ${RM3.terms} words, from at most ${RM3.docs} documents`, () => {
    const many = Array.from({ length: 40 }, (_, i) => `word${i}`);
    const big = stats(many, many.map(() => 1), 1000);
    const docs = Array.from({ length: 20 }, (_, d) => ({ vector: vector({ [d * 2]: 3, [d * 2 + 1]: 1 }), score: 1 }));
    const model = relevanceModel(docs, big);
    expect(model.size).toBe(RM3.terms);
    // Only the first ten documents feed back: words 0..19.
    expect(Math.max(...model.keys())).toBeLessThan(RM3.docs * 2);
  });

  it('is empty in a notebook too small for any word to be telling', () => {
    expect(relevanceModel([{ vector: vector({ 1: 3, 2: 2 }), score: 1 }], stats(terms, [1, 1, 1, 1, 1, 1], 5)).size).toBe(0);
  });
});
