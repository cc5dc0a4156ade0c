import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BITS_PER_PAIR, buildBigramFilter, filterWords, mayHavePair, mayHavePhrase } from './bigram-filter';

/** Deterministic pseudo-random term ids, so the measured false-positive rate is the same every run. */
function ids(seed: number, n: number, vocab: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    out.push(seed % vocab);
  }
  return out;
}

describe('bigram filter', () => {
  it('never misses a pair that is adjacent in a field (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.nat(50_000), { maxLength: 700 }), { maxLength: 4 }), (fields) => {
        const f = buildBigramFilter(fields);
        for (const seq of fields) for (let i = 1; i < seq.length; i++) if (!mayHavePair(f, seq[i - 1]!, seq[i]!)) return false;
        return true;
      }),
      { numRuns: 200 },
    );
  });

  it('answers every phrase of a field, of any length, as a maybe', () => {
    const body = ids(7, 500, 20_000);
    const f = buildBigramFilter([body]);
    for (let start = 0; start + 4 <= body.length; start += 13) expect(mayHavePhrase(f, body.slice(start, start + 4))).toBe(true);
    expect(mayHavePhrase(f, [body[3]!])).toBe(true);
  });

  it('does not join the end of one field to the start of the next', () => {
    let joined = 0;
    for (let s = 1; s <= 200; s++) {
      const [title, body] = [ids(s, 8, 30_000), ids(s + 1000, 400, 30_000)];
      if (mayHavePair(buildBigramFilter([title, body]), title.at(-1)!, body[0]!)) joined++;
    }
    expect(joined / 200).toBeLessThan(0.15); // only false positives, at about the filter's rate
  });

  it('rejects most pairs that are not adjacent: a false-positive rate near 6% for a 500-word article', () => {
    let maybes = 0;
    const tries = 20_000;
    for (let doc = 0; doc < 20; doc++) {
      const body = ids(doc + 1, 500, 40_000);
      const adjacent = new Set(body.slice(1).map((b, i) => `${body[i]} ${b}`));
      const f = buildBigramFilter([body]);
      const probes = ids(doc + 99, 2 * (tries / 20), 40_000);
      for (let i = 0; i < probes.length; i += 2) {
        if (adjacent.has(`${probes[i]} ${probes[i + 1]}`)) continue;
        if (mayHavePair(f, probes[i]!, probes[i + 1]!)) maybes++;
      }
    }
    const rate = maybes / tries;
    expect(rate).toBeGreaterThan(0); // it is a Bloom filter, not an exact set
    expect(rate).toBeLessThan(0.1);
  });

  it('is sized by the number of pairs, and an empty document still has a filter', () => {
    expect(filterWords(0)).toBe(2);
    expect(filterWords(499)).toBe(Math.ceil((499 * BITS_PER_PAIR) / 32));
    expect(buildBigramFilter([]).length).toBe(2);
    expect(buildBigramFilter([[1, 2, 3]]).length).toBe(2);
  });
});
