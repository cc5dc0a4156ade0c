import type { TermVector } from '../../core/search/term-vector';
import type { DocInfo } from './search-engine';

/** The engine's state as plain data: flexsearch's export, the vocabulary, document info and term vectors. */
export type EngineSnapshot = {
  flex: Record<string, string>;
  terms: string[];
  docs: (DocInfo | null)[];
  /** One Uint32Array: per document slot its length, its entry count (0xFFFFFFFF = empty slot), then its entries. */
  vectors: Uint32Array;
  /** One Uint32Array: per document slot its bigram filter's word count (0xFFFFFFFF = empty slot), then its words. */
  bigrams: Uint32Array;
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

/** Per-slot arrays without a length (the bigram filters): per slot its word count (or EMPTY), then its words. */
export function encodeSlots(arrays: (Uint32Array | null)[]): Uint32Array {
  let size = 0;
  for (const a of arrays) size += 1 + (a?.length ?? 0);
  const out = new Uint32Array(size);
  let p = 0;
  for (const a of arrays) {
    out[p++] = a ? a.length : EMPTY;
    if (a) {
      out.set(a, p);
      p += a.length;
    }
  }
  return out;
}

/** Views into the loaded buffer, one per slot. */
export function decodeSlots(data: Uint32Array, slots: number): (Uint32Array | null)[] {
  const out: (Uint32Array | null)[] = new Array(slots).fill(null);
  let p = 0;
  for (let slot = 0; slot < slots; slot++) {
    if (p >= data.length) throw new Error('the saved bigram filters are truncated');
    const count = data[p++]!;
    if (count === EMPTY) continue;
    if (p + count > data.length) throw new Error('the saved bigram filters are truncated');
    out[slot] = data.subarray(p, p + count);
    p += count;
  }
  if (p !== data.length) throw new Error('the saved bigram filters do not match the document table');
  return out;
}
