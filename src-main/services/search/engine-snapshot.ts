import type { TermVector } from '../../core/search/term-vector';
import type { DocInfo } from './index-view';

/**
 * The per-document binary parts of an index, each saved as `<name>.bin`: one Uint32 stream with, per
 * document slot, a header and its entries (see `slotChunks`). A new part is one more name here, a chunk
 * generator in `SearchEngine.source()` and a decoder in `SearchEngine.restore()`.
 */
export const BINARY_PARTS = ['vectors', 'bigrams'] as const;
export type BinaryPart = (typeof BINARY_PARTS)[number];

/** One flexsearch key, in the binary form of flex-binary.ts (the only one saved and loaded, ADR 005). */
export type FlexData = Uint32Array;
/** flexsearch's export as `[key, data]` pairs, in export order; a loaded index reads each file only when it is imported. */
export type FlexEntries = Iterable<[string, FlexData]> | AsyncIterable<[string, FlexData]>;

/**
 * The engine's state as plain data: flexsearch's export, the vocabulary, document info and the binary
 * parts: `vectors` (per slot its length, entry count, entries) and `bigrams` (per slot the word count of its
 * adjacent-pair filter, then its words; core/search/bigram-filter.ts).
 */
export type EngineSnapshot = {
  flex: FlexEntries;
  terms: string[];
  docs: (DocInfo | null)[];
} & Record<BinaryPart, Uint32Array>;

/**
 * The engine's state for a save, handed over piece by piece so that no whole copy of the index is ever in
 * memory: flexsearch serialises one key at a time and waits for `write` before the next, and each binary
 * part is a generator of chunks read straight from the per-document arrays. A chunk is only valid until
 * the next one is asked for (the buffer is reused): write it before moving on.
 */
export type SnapshotSource = {
  flex: (write: (key: string, data: FlexData) => Promise<void>) => Promise<void>;
  terms: string[];
  docs: (DocInfo | null)[];
} & Record<BinaryPart, () => Iterable<Uint32Array>>;

const EMPTY = 0xffffffff;
/** Words per chunk of a binary part: 1 MB. */
export const CHUNK_WORDS = 256 * 1024;

/**
 * Per document slot: its header word when there is a `header` (e.g. the document's length), its entry
 * count (EMPTY for an empty slot, whose header is 0), then its entries; in chunks of at most `chunkWords`.
 */
export function* slotChunks(
  slots: number,
  entries: (doc: number) => Uint32Array | null,
  header?: (doc: number) => number,
  chunkWords = CHUNK_WORDS,
): Generator<Uint32Array> {
  const buf = new Uint32Array(Math.max(2, chunkWords));
  let p = 0;
  for (let doc = 0; doc < slots; doc++) {
    const v = entries(doc);
    if (p + 2 > buf.length) {
      yield buf.subarray(0, p);
      p = 0;
    }
    if (header) buf[p++] = v ? Math.round(header(doc)) : 0;
    buf[p++] = v ? v.length : EMPTY;
    if (!v) continue;
    for (let at = 0; at < v.length;) {
      if (p === buf.length) {
        yield buf.subarray(0, p);
        p = 0;
      }
      const n = Math.min(v.length - at, buf.length - p);
      buf.set(v.subarray(at, at + n), p);
      p += n;
      at += n;
    }
  }
  if (p > 0) yield buf.subarray(0, p);
}

/** Term vectors with each document's (weighted) length as its header. */
export function vectorChunks(vectors: (TermVector | null)[], lengths: number[], chunkWords?: number): Generator<Uint32Array> {
  return slotChunks(
    vectors.length,
    (doc) => vectors[doc] ?? null,
    (doc) => lengths[doc] ?? 0,
    chunkWords,
  );
}

/** A whole part in one array (tests and in-memory snapshots; saving writes the chunks as they come). */
export function concatChunks(chunks: Iterable<Uint32Array>): Uint32Array {
  const parts: Uint32Array[] = [];
  let size = 0;
  for (const c of chunks) {
    parts.push(c.slice());
    size += c.length;
  }
  const out = new Uint32Array(size);
  let p = 0;
  for (const c of parts) {
    out.set(c, p);
    p += c.length;
  }
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

/** Per-slot arrays without a header (the bigram filters), in chunks. */
export function bigramChunks(filters: (Uint32Array | null)[], chunkWords?: number): Generator<Uint32Array> {
  return slotChunks(filters.length, (doc) => filters[doc] ?? null, undefined, chunkWords);
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
