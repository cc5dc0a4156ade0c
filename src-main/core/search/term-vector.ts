/**
 * A document's terms with their (field-weighted) frequencies, packed into one Uint32Array sorted by term
 * id: `termId * 256 + tf` (tf capped at 255). Looking up a term is a binary search; a 500-word article
 * costs about 1 KB, and a whole index of them is saved and loaded as one binary file.
 */
import type { WordAlloc } from './word-slab';
import { ownBuffer } from './word-slab';

export type TermVector = Uint32Array;

export const MAX_TF = 255;

export function packVector(freqs: Map<number, number>, alloc: WordAlloc = ownBuffer): TermVector {
  const ids = [...freqs.keys()].sort((a, b) => a - b);
  const v = alloc(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    v[i] = id * 256 + Math.min(MAX_TF, Math.max(1, Math.round(freqs.get(id)!)));
  }
  return v;
}

/** The weighted frequency of a term in a document, 0 when absent. */
export function tfOf(v: TermVector, termId: number): number {
  let lo = 0;
  let hi = v.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const entry = v[mid]!;
    const id = entry >>> 8; // entries are below 2^32, so the unsigned shift is exact
    if (id === termId) return entry & 255;
    if (id < termId) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

export function* vectorTerms(v: TermVector): Generator<number> {
  for (let i = 0; i < v.length; i++) yield Math.floor(v[i]! / 256);
}
