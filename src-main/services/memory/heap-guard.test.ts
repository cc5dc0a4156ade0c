import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { HeapGuard, fullCollection } from './heap-guard';

describe('HeapGuard', () => {
  it('collects once the heap has grown by the allowance since the last collection, and counts from what is left', () => {
    let heap = 100;
    let collections = 0;
    const guard = new HeapGuard(
      50,
      () => ((heap -= 45), collections++),
      () => heap,
    );
    heap += 49;
    guard.collectIfGrown();
    expect(collections).toBe(0);
    heap += 1;
    guard.collectIfGrown();
    expect(collections).toBe(1); // 150 → 105: the baseline is now 105
    heap += 49;
    guard.collectIfGrown();
    expect(collections).toBe(1);
    guard.rebase(); // 154 is the new baseline
    heap += 49;
    guard.collectIfGrown();
    expect(collections).toBe(1);
  });

  it('fullCollection gives a real collection on Node: garbage just made is freed', () => {
    const gc = fullCollection();
    gc();
    const before = getHeapStatistics().used_heap_size;
    const held: { junk: string[] | null } = { junk: null };
    held.junk = Array.from({ length: 200_000 }, (_, i) => `garbage ${i} ${'x'.repeat(40)}`);
    expect(getHeapStatistics().used_heap_size - before).toBeGreaterThan(10 << 20);
    held.junk = null;
    gc();
    expect(held.junk).toBeNull();
    expect(getHeapStatistics().used_heap_size - before).toBeLessThan(4 << 20);
  });
});
