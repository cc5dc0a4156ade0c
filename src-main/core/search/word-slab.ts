/**
 * Where a document's term vector and bigram filter get their memory: a function returning a zeroed
 * Uint32Array of `words` words.
 */
export type WordAlloc = (words: number) => Uint32Array;

/** Each array in its own buffer: right for one-off arrays (tests, a single document). */
export const ownBuffer: WordAlloc = (words) => new Uint32Array(words);

/**
 * Carves many small arrays out of shared slabs. Why: every typed array with its own buffer carries a V8
 * ArrayBuffer, a backing-store record and a malloc'd block besides its data, a few hundred bytes each.
 * Indexing 100k articles makes ~240k such arrays (a vector and a filter per document), and that overhead,
 * with the C allocator's fragmentation, was a large part of what an import added over a restart, where
 * the same arrays are views into one loaded file.
 *
 * Nothing is freed piecemeal: a slab is garbage-collected with the last view into it. Space of documents
 * removed since the process started stays in slabs that still hold live views (an edit re-indexes one
 * article: ~1 KB), which a restart gives back.
 */
export class WordSlab {
  private slab = new Uint32Array(0);
  private used = 0;

  constructor(private readonly slabWords = 1 << 16) {}

  readonly alloc: WordAlloc = (words) => {
    // A large array would waste the rest of a slab; it owns its buffer, where the overhead is small.
    if (words > this.slabWords >>> 3) return new Uint32Array(words);
    if (this.used + words > this.slab.length) {
      this.slab = new Uint32Array(this.slabWords);
      this.used = 0;
    }
    const view = this.slab.subarray(this.used, this.used + words);
    this.used += words;
    return view;
  };
}
