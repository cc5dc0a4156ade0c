import { describe, expect, it } from 'vitest';
import { concatChunks, decodeVectors, slotChunks, vectorChunks } from './engine-snapshot';

/** The layout spelt out word by word: per slot its length and entry count (0xFFFFFFFF = empty), then its entries. */
function reference(vectors: (Uint32Array | null)[], lengths: number[]): number[] {
  const out: number[] = [];
  vectors.forEach((v, doc) => {
    if (!v) out.push(0, 0xffffffff);
    else out.push(Math.round(lengths[doc]!), v.length, ...v);
  });
  return out;
}

describe('term vector chunks', () => {
  const vectors = [
    Uint32Array.of(1, 2, 3),
    null,
    Uint32Array.from({ length: 11 }, (_, i) => i * 256 + 1),
    new Uint32Array(0),
    null,
    Uint32Array.of(7),
  ];
  const lengths = [3.4, 0, 11, 0, 0, 1];

  it.each([2, 3, 4, 5, 8, 1000])('are the same words whatever the chunk size (%i words)', (size) => {
    const chunks: number[][] = [];
    for (const c of vectorChunks(vectors, lengths, size)) chunks.push([...c]); // a chunk is valid until the next one
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(size);
    expect(chunks.flat()).toEqual(reference(vectors, lengths));
  });

  it('decode back to the vectors and lengths', () => {
    const { vectors: back, lengths: backLengths } = decodeVectors(concatChunks(vectorChunks(vectors, lengths, 4)), vectors.length);
    expect(back.map((v) => (v ? [...v] : null))).toEqual(vectors.map((v) => (v ? [...v] : null)));
    expect(backLengths).toEqual([3, 0, 11, 0, 0, 1]);
  });
});

describe('slot chunks without a header', () => {
  it('are per slot its entry count (0xFFFFFFFF when empty) and its entries', () => {
    const arrays = [Uint32Array.of(5, 6), null, Uint32Array.of(9, 8, 7, 6, 5)];
    for (const size of [2, 3, 100]) {
      const words: number[] = [];
      for (const c of slotChunks(arrays.length, (d) => arrays[d] ?? null, undefined, size)) words.push(...c);
      expect(words).toEqual([2, 5, 6, 0xffffffff, 5, 9, 8, 7, 6, 5]);
    }
  });
});
