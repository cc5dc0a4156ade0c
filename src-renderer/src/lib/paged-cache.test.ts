import { describe, expect, it } from 'vitest';
import type { PageCache } from './paged-cache';
import { emptyCache, evict, findLoaded, invalidate, itemAt, pageOf, pagesCovering, pagesToLoad, toRuns, withRun } from './paged-cache';

/** A server list of `total` rows named by their index, answering one run as articles.list would. */
const serve = (total: number, offset: number, limit: number) => ({
  total,
  items: Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => `row ${offset + i}`),
});
/** Load every page a range needs, the way the hook does. */
function load(cache: PageCache<string>, start: number, end: number, total: number): PageCache<string> {
  let c = cache;
  for (const run of toRuns(pagesToLoad(c, start, end, new Set()), c.pageSize)) {
    const res = serve(total, run.offset, run.limit);
    c = withRun(c, run, res.items, res.total);
  }
  return c;
}

describe('page arithmetic', () => {
  it('maps rows to pages and refuses a useless page size', () => {
    expect(pageOf(0, 200)).toBe(0);
    expect(pageOf(199, 200)).toBe(0);
    expect(pageOf(200, 200)).toBe(1);
    expect(() => emptyCache(0)).toThrow(RangeError);
    expect(() => emptyCache(1.5)).toThrow(RangeError);
  });

  it('covers a range with whole pages, clamped to the list once its length is known', () => {
    const unknown = emptyCache<string>(100);
    expect(pagesCovering(unknown, 0, 30)).toEqual([0]);
    expect(pagesCovering(unknown, -40, 30)).toEqual([0]);
    const known = withRun(unknown, { offset: 0, pages: [0] }, serve(250, 0, 100).items, 250);
    expect(pagesCovering(known, 90, 120)).toEqual([0, 1]);
    expect(pagesCovering(known, 230, 9999)).toEqual([2]);
    expect(pagesCovering(known, 300, 400)).toEqual([]);
    const none = withRun(unknown, { offset: 0, pages: [0] }, [], 0);
    expect(pagesCovering(none, 0, 30)).toEqual([]);
  });

  it('groups neighbouring pages into one request each', () => {
    expect(toRuns([3, 1, 2, 7, 2], 50)).toEqual([
      { offset: 50, limit: 150, pages: [1, 2, 3] },
      { offset: 350, limit: 50, pages: [7] },
    ]);
    expect(toRuns([], 50)).toEqual([]);
  });
});

describe('loading as the user scrolls', () => {
  it('first asks for the top page, then only the pages on screen that are missing', () => {
    let c = emptyCache<string>(200);
    expect(pagesToLoad(c, 0, 20, new Set())).toEqual([0]);
    c = load(c, 0, 20, 10_000);
    expect(c.total).toBe(10_000);
    expect(pagesToLoad(c, 0, 20, new Set())).toEqual([]);
    // Jump to the end (End key): the last page only, not the 49 in between.
    expect(pagesToLoad(c, 9_980, 9_999, new Set())).toEqual([49]);
    c = load(c, 9_980, 9_999, 10_000);
    expect(itemAt(c, 9_999)).toBe('row 9999');
    expect(itemAt(c, 5_000)).toBeUndefined();
    expect([...c.pages.keys()].sort((a, b) => a - b)).toEqual([0, 49]);
  });

  it('does not ask again for a page already on its way', () => {
    const c = load(emptyCache<string>(100), 0, 10, 1000);
    expect(pagesToLoad(c, 150, 420, new Set([2]))).toEqual([1, 3, 4]);
  });

  it('keeps a short last page and drops pages past the end when the list shrinks', () => {
    let c = load(emptyCache<string>(100), 0, 260, 260);
    expect(c.pages.get(2)).toHaveLength(60);
    expect(itemAt(c, 259)).toBe('row 259');
    c = withRun(c, { offset: 0, pages: [0] }, serve(150, 0, 100).items, 150);
    expect(c.total).toBe(150);
    expect(c.pages.has(2)).toBe(false);
    expect(c.pages.has(1)).toBe(true);
  });

  it('finds an article among the loaded rows only', () => {
    const c = load(load(emptyCache<string>(100), 0, 5, 1000), 700, 705, 1000);
    expect(findLoaded(c, (r) => r === 'row 704')).toBe(704);
    expect(findLoaded(c, (r) => r === 'row 3')).toBe(3);
    expect(findLoaded(c, (r) => r === 'row 400')).toBe(-1);
  });
});

describe('after the notebook changed', () => {
  it('keeps the visible pages on screen, marked stale, and forgets the others', () => {
    let c = load(load(emptyCache<string>(100), 0, 250, 1000), 900, 950, 1000);
    c = invalidate(c, pagesCovering(c, 120, 180));
    expect([...c.pages.keys()]).toEqual([1]);
    expect(itemAt(c, 150)).toBe('row 150'); // still shown while the fresh copy loads
    expect(pagesToLoad(c, 120, 180, new Set())).toEqual([1]);
    c = withRun(c, { offset: 100, pages: [1] }, serve(1001, 100, 100).items, 1001);
    expect(c.stale.size).toBe(0);
    expect(c.total).toBe(1001);
    expect(pagesToLoad(c, 120, 180, new Set())).toEqual([]);
  });
});

describe('bounded memory', () => {
  it('forgets the pages farthest from the screen beyond the limit', () => {
    let c = emptyCache<string>(10);
    for (let p = 0; p < 30; p++) c = load(c, p * 10, p * 10, 1000);
    expect(c.pages.size).toBe(30);
    const kept = evict(c, 150, 159, 5);
    expect([...kept.pages.keys()].sort((a, b) => a - b)).toEqual([13, 14, 15, 16, 17]);
    expect(evict(c, 0, 9, 40)).toBe(c);
  });
});
