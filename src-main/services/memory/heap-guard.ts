import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full garbage collection of the calling thread's heap, or a no-op where V8 will not give one. V8 grows
 * the heap while much is allocated (files read and analysed by an import, an index built, loaded or
 * exported) and gives the memory back only after a full collection, which may not come for a long time.
 * `gc` is exposed only to a fresh `vm` context through the flag; nothing else sees it.
 */
export function fullCollection(): () => void {
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    if (typeof gc === 'function') return () => (gc as () => void)();
  } catch {
    /* not available: collections happen when V8 decides */
  }
  return () => undefined;
}

/**
 * Collects whenever the heap in use has grown by `allowance` bytes since the last collection: garbage is
 * let through in bounded amounts, whatever makes it. Counting work instead (articles, edits) let ~150 MB
 * gather at times and let a 100k first open and a 100k import peak past 1 GB resident.
 */
export class HeapGuard {
  private baseline = 0;

  constructor(
    private readonly allowance: number,
    private readonly collect: () => void = () => undefined,
    private readonly heapUsed: () => number = () => getHeapStatistics().used_heap_size,
  ) {
    this.baseline = heapUsed();
  }

  /** Collect now, and count growth from what is left. */
  collectNow(): void {
    this.collect();
    this.baseline = this.heapUsed();
  }

  collectIfGrown(): void {
    if (this.heapUsed() - this.baseline >= this.allowance) this.collectNow();
  }

  /** Count growth from here, without collecting (after loading something that stays). */
  rebase(): void {
    this.baseline = this.heapUsed();
  }
}

let mainHeap: HeapGuard | null = null;
/**
 * The guard of this thread's heap for bulk work on the main thread, imports and catalog compaction: 96 MB
 * of garbage at most before a collection (an import of 100k articles otherwise let the main thread's heap
 * reach 565 MB committed for ~110 MB in use; a compaction at 100k turns over ~100 MB of JSON in a second).
 */
export function bulkWorkHeap(): HeapGuard {
  mainHeap ??= new HeapGuard(96 << 20, fullCollection());
  return mainHeap;
}
