import { describe, expect, it } from 'vitest';
import { packVector, tfOf } from './term-vector';
import { buildBigramFilter, mayHavePhrase } from './bigram-filter';
import { WordSlab } from './word-slab';

describe('WordSlab', () => {
  it('hands out zeroed, non-overlapping views of one shared buffer', () => {
    const slab = new WordSlab(64);
    const a = slab.alloc(3);
    const b = slab.alloc(5);
    expect(a.buffer).toBe(b.buffer);
    expect([...a, ...b]).toEqual(new Array(8).fill(0));
    a.fill(7);
    expect([...b]).toEqual([0, 0, 0, 0, 0]);
    expect(b.byteOffset).toBe(a.byteOffset + a.byteLength);
  });

  it('starts a new slab when the current one is full, and gives large arrays their own buffer', () => {
    const slab = new WordSlab(64);
    const first = slab.alloc(8);
    for (let i = 0; i < 7; i++) slab.alloc(8);
    const next = slab.alloc(8);
    expect(next.buffer).not.toBe(first.buffer);
    const big = slab.alloc(9); // more than an eighth of a slab
    expect(big.byteOffset).toBe(0);
    expect(big.buffer.byteLength).toBe(9 * 4);
    expect(slab.alloc(0)).toHaveLength(0);
  });

  it('serves term vectors and bigram filters as their own arrays would', () => {
    const slab = new WordSlab(32);
    const freqs = new Map([
      [9, 2],
      [3, 1],
      [40, 300],
    ]);
    const v = packVector(freqs, slab.alloc);
    expect([...v]).toEqual([...packVector(freqs)]);
    expect(tfOf(v, 40)).toBe(255);
    const seq = [[1, 2, 3, 4, 5, 6, 7, 8]];
    const f = buildBigramFilter(seq, slab.alloc);
    expect(f.buffer).toBe(v.buffer);
    expect([...f]).toEqual([...buildBigramFilter(seq)]);
    expect(mayHavePhrase(f, [3, 4, 5])).toBe(true);
  });
});
