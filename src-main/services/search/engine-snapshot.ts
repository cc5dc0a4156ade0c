import type { TermVector } from '../../core/search/term-vector';
import type { DocInfo } from './search-engine';

/** The engine's state as plain data: flexsearch's export, the vocabulary, document info and term vectors. */
export type EngineSnapshot = {
  flex: Record<string, string>;
  terms: string[];
  docs: (DocInfo | null)[];
  /** One Uint32Array: per document slot its length, its entry count (0xFFFFFFFF = empty slot), then its entries. */
  vectors: Uint32Array;
};

const EMPTY = 0xffffffff;

export function encodeVectors(vectors: (TermVector | null)[], lengths: number[]): Uint32Array {
  let size = 0;
  for (const v of vectors) size += 2 + (v?.length ?? 0);
  const out = new Uint32Array(size);
  let p = 0;
  vectors.forEach((v, doc) => {
    out[p++] = v ? Math.round(lengths[doc] ?? 0) : 0;
    out[p++] = v ? v.length : EMPTY;
    if (v) {
      out.set(v, p);
      p += v.length;
    }
  });
  return out;
}

/** Vectors are views into the loaded buffer: no copy, one allocation for the whole index. */
export function decodeVectors(data: Uint32Array, slots: number): { vectors: (TermVector | null)[]; lengths: number[] } {
  const vectors: (TermVector | null)[] = new Array(slots).fill(null);
  const lengths: number[] = new Array(slots).fill(0);
  let p = 0;
  for (let doc = 0; doc < slots; doc++) {
    if (p + 2 > data.length) throw new Error('the saved term vectors are truncated');
    const length = data[p++]!;
    const count = data[p++]!;
    if (count === EMPTY) continue;
    if (p + count > data.length) throw new Error('the saved term vectors are truncated');
    vectors[doc] = data.subarray(p, p + count);
    lengths[doc] = length;
    p += count;
  }
  if (p !== data.length) throw new Error('the saved term vectors do not match the document table');
  return { vectors, lengths };
}
