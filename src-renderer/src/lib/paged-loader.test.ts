import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageCache } from './paged-cache';
import { itemAt } from './paged-cache';
import { PagedLoader } from './paged-loader';

type Call = { offset: number; limit: number; answer: (total?: number) => void; fail: (e: Error) => void };

/** A server whose answers the test releases one by one, in any order. */
function fakeServer(initialTotal: number, name = 'row') {
  const calls: Call[] = [];
  let total = initialTotal;
  const fetchPage = (offset: number, limit: number) =>
    new Promise<{ total: number; items: string[] }>((ok, fail) => {
      calls.push({
        offset,
        limit,
        fail,
        answer: (t = total) =>
          ok({ total: t, items: Array.from({ length: Math.max(0, Math.min(limit, t - offset)) }, (_, i) => `${name} ${offset + i}`) }),
      });
    });
  return { calls, fetchPage, setTotal: (t: number) => (total = t) };
}

let cache: PageCache<string> | null;
let errors: string[];
const loaderFor = (maxPages = 40) =>
  new PagedLoader<string>({ pageSize: 100, maxPages, scrollDelayMs: 40, onCache: (c) => (cache = c), onError: (m) => errors.push(m) });
const settle = async () => {
  await Promise.resolve();
  await Promise.resolve();
};

beforeEach(() => {
  vi.useFakeTimers();
  cache = null;
  errors = [];
});
afterEach(() => vi.useRealTimers());

describe('PagedLoader', () => {
  it('fetches the screen in one request, then the rows scrolled to while it was on its way', async () => {
    const server = fakeServer(1000);
    const loader = loaderFor();
    loader.setRange(0, 150);
    loader.reset(server.fetchPage);
    expect(server.calls.map((c) => [c.offset, c.limit])).toEqual([[0, 200]]);
    loader.setRange(120, 320);
    server.calls[0]!.answer();
    await settle();
    expect(cache!.total).toBe(1000);
    vi.advanceTimersByTime(40);
    expect(server.calls.map((c) => [c.offset, c.limit])).toEqual([
      [0, 200],
      [200, 200],
    ]);
  });

  it('waits for a scroll to stop and fetches only where it stopped, neighbours in one request', async () => {
    const server = fakeServer(10_000);
    const loader = loaderFor();
    loader.reset(server.fetchPage);
    server.calls[0]!.answer();
    await settle();
    for (let row = 0; row < 9_900; row += 300) loader.setRange(row, row + 20); // a fling, faster than the delay
    loader.setRange(9_950, 10_049);
    vi.advanceTimersByTime(40);
    expect(server.calls.slice(1).map((c) => [c.offset, c.limit])).toEqual([[9_900, 100]]);
    server.calls[1]!.answer();
    await settle();
    expect(itemAt(cache!, 9_999)).toBe('row 9999');
    loader.setRange(150, 260);
    vi.advanceTimersByTime(40);
    expect(server.calls.slice(2).map((c) => [c.offset, c.limit])).toEqual([[100, 200]]);
    expect(loader.stats).toEqual({ requests: 3, rows: 400 });
  });

  it('drops answers for an older query', async () => {
    const older = fakeServer(500, 'old');
    const newer = fakeServer(20, 'new');
    const loader = loaderFor();
    loader.reset(older.fetchPage);
    loader.reset(newer.fetchPage);
    newer.calls[0]!.answer();
    older.calls[0]!.answer();
    await settle();
    expect(cache!.total).toBe(20);
    expect(itemAt(cache!, 0)).toBe('new 0');
  });

  it('on a change, keeps showing the visible rows, fetches them again with the total, and forgets the rest', async () => {
    const server = fakeServer(1000);
    const loader = loaderFor();
    loader.reset(server.fetchPage);
    server.calls[0]!.answer();
    await settle();
    loader.setRange(500, 560);
    vi.advanceTimersByTime(40);
    server.calls[1]!.answer();
    await settle();
    loader.setRange(520, 580);
    const pending = server.calls.length;
    server.setTotal(1001);
    loader.refresh();
    expect(server.calls.slice(pending).map((c) => [c.offset, c.limit])).toEqual([[500, 100]]);
    expect(itemAt(cache!, 530)).toBe('row 530'); // still on screen meanwhile
    expect(itemAt(cache!, 10)).toBeUndefined(); // page 0 forgotten
    server.calls.at(-1)!.answer();
    await settle();
    expect(cache!.total).toBe(1001);
    expect(cache!.stale.size).toBe(0);
  });

  it('an empty list asks again on a change, and shows the rows an import added', async () => {
    const server = fakeServer(0);
    const loader = loaderFor();
    loader.setRange(0, 30);
    loader.reset(server.fetchPage);
    server.calls[0]!.answer();
    await settle();
    expect(cache!.total).toBe(0);
    server.setTotal(5);
    loader.refresh();
    expect(server.calls.slice(1).map((c) => [c.offset, c.limit])).toEqual([[0, 100]]);
    server.calls.at(-1)!.answer();
    await settle();
    expect(cache!.total).toBe(5);
    expect(itemAt(cache!, 4)).toBe('row 4');
  });

  it('ignores an answer started before the change (it may hold the old rows)', async () => {
    const server = fakeServer(300);
    const loader = loaderFor();
    loader.reset(server.fetchPage);
    server.calls[0]!.answer();
    await settle();
    loader.setRange(150, 160);
    vi.advanceTimersByTime(40);
    const before = server.calls[1]!;
    loader.refresh();
    before.answer(999);
    await settle();
    expect(cache!.total).toBe(300);
    server.calls.at(-1)!.answer();
    await settle();
    expect(itemAt(cache!, 155)).toBe('row 155');
  });

  it('reports a failed request and asks again on the next scroll', async () => {
    const server = fakeServer(1000);
    const loader = loaderFor();
    loader.reset(server.fetchPage);
    server.calls[0]!.fail(new Error('the notebook is busy'));
    await settle();
    expect(errors).toEqual(['the notebook is busy']);
    loader.setRange(0, 10);
    vi.advanceTimersByTime(40);
    expect(server.calls).toHaveLength(2);
  });

  it('keeps at most maxPages pages, those nearest the screen', async () => {
    const server = fakeServer(10_000);
    const loader = loaderFor(3);
    loader.reset(server.fetchPage);
    server.calls[0]!.answer();
    await settle();
    for (const row of [1000, 2000, 3000, 4000]) {
      loader.setRange(row, row + 10);
      vi.advanceTimersByTime(40);
      server.calls.at(-1)!.answer();
      await settle();
    }
    expect([...cache!.pages.keys()].sort((a, b) => a - b)).toEqual([20, 30, 40]);
  });

  it('sends nothing after dispose', () => {
    const server = fakeServer(1000);
    const loader = loaderFor();
    loader.reset(server.fetchPage);
    loader.dispose();
    loader.setRange(500, 600);
    vi.advanceTimersByTime(100);
    expect(server.calls).toHaveLength(1);
  });
});
