import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName, EventPayload, MethodName, MethodOutput } from '../../contract';
import { compareArticles } from '../../core/compare/compare-articles';
import { oneLineBlob, repeatedSeeds } from '../../../tests/helpers/heavy-articles';
import type { Backend } from '../backend';
import { openBackend } from '../backend';
import { callHandler } from '../../../tests/helpers/api';
import { compareHandlers, toCompareInput } from './compare-handlers';
import { CompareRunner } from './compare-runner';
import { StoryStore } from './story-store';

/**
 * The compare service on a notebook holding the seeds and two large articles (the seeds repeated to
 * ~160 kB each: over a thousand sentences with dozens of near-copies each, seconds of work): comparisons run
 * in the worker thread while the notebook answers, can be cancelled and replaced, and stop within budget.
 */
let root: string;
let backend: Backend;
let runner: CompareRunner;
let handlers: ReturnType<typeof compareHandlers>;
const progress: Array<EventPayload<'compare.progress'>> = [];
let seeds: string[];
let big: [string, string];

const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => {
  if (event === 'compare.progress') progress.push(payload as EventPayload<'compare.progress'>);
};
async function call<M extends MethodName>(
  method: M,
  payload: unknown,
  on = handlers as unknown as Backend['handlers'],
): Promise<MethodOutput<M>> {
  const r = await callHandler(on, method, payload);
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
  return r.value;
}
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: { code?: string }) => e.code ?? String(e),
  );
const stagesOf = (requestId: string) => progress.filter((p) => p.requestId === requestId || p.requestId === undefined).map((p) => p.stage);
/** Resolves once the comparison named `requestId` has reported a step (it is running); fails if it ended first. */
const started = (requestId: string, running: Promise<unknown>) =>
  new Promise<void>((resolve, reject) => {
    let ended = false;
    running.then(
      () => (ended = true),
      () => (ended = true),
    );
    const poll = () =>
      stagesOf(requestId).length ? resolve() : ended ? reject(new Error(`${requestId} ended before it started`)) : setTimeout(poll, 5);
    poll();
  });

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'parallax-compare-'));
  const dir = root;
  backend = await openBackend(join(dir, 'nb'), { create: true, durability: 'none', search: { runIn: 'inline' } });
  await backend.handlers['notebook.importSample']({});
  seeds = (await call('articles.list', { limit: 10 }, backend.handlers)).items.map((a) => a.id).sort();
  const files = join(dir, 'files');
  mkdirSync(files);
  writeFileSync(join(files, 'big-1.txt'), repeatedSeeds('copy', 160_000));
  writeFileSync(join(files, 'big-2.txt'), repeatedSeeds('version', 160_000));
  const report = await backend.handlers['articles.importPaths']({ paths: [files] });
  big = report.imported.map((r) => r.id).sort() as [string, string];
  expect(big).toHaveLength(2);
  runner = new CompareRunner();
  handlers = compareHandlers(backend.store, new StoryStore(backend.store), emit, { runner });
}, 120_000);
afterAll(async () => {
  await runner?.close();
  await backend?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('compare.articles off the request thread', () => {
  it('runs in a worker thread', () => {
    expect(runner.threaded).toBe(true);
  });

  it('answers notebook.info while a heavy comparison is in the middle of a step', async () => {
    const order: string[] = [];
    const heavy = call('compare.articles', { ids: [...big, seeds[0]], requestId: 'heavy-1' }).then(
      () => order.push('compare'),
      () => order.push('compare'),
    );
    await started('heavy-1', heavy);
    // Splitting sentences is quick; grouping the names of thousands of them takes seconds. A timer set now
    // fires while that step runs only if the thread that answers requests is free.
    await new Promise((r) => setTimeout(r, 100));
    await call('notebook.info', {}, backend.handlers);
    order.push('info');
    expect(stagesOf('heavy-1')).not.toContain('entities');
    expect(order).toEqual(['info']);
    await call('compare.cancel', { requestId: 'heavy-1' });
    await heavy;
    expect(order).toEqual(['info', 'compare']);
  }, 120_000);

  it('cancels a running comparison: it answers CANCELLED, its worker is stopped, and the next comparison works', async () => {
    const heavy = call('compare.articles', { ids: big, requestId: 'heavy-2' });
    await started('heavy-2', heavy);
    const [busy] = runner.threadIds;
    expect(busy).toBeDefined();
    expect(await call('compare.cancel', { requestId: 'heavy-2' })).toEqual({ cancelled: true });
    expect(await codeOf(heavy)).toBe('CANCELLED');
    // That worker was terminated; a fresh one is started, ready for the next comparison.
    expect(runner.threadIds).not.toContain(busy);
    expect(runner.threadIds).toHaveLength(1);
    expect(await call('compare.cancel', { requestId: 'heavy-2' })).toEqual({ cancelled: false });
    // It compares the seeds, with the same result as in-process.
    const inputs = await Promise.all(seeds.map(async (id) => toCompareInput(await backend.store.readArticle(id))));
    expect(await call('compare.articles', { ids: seeds, requestId: 'seeds-1' })).toEqual(compareArticles(inputs));
  }, 120_000);

  it('a new comparison of other articles replaces a running one', async () => {
    const first = call('compare.articles', { ids: big, requestId: 'view-1' });
    await started('view-1', first);
    const second = call('compare.articles', { ids: seeds.slice(0, 2), requestId: 'view-2' });
    await expect(first).rejects.toMatchObject({ code: 'CANCELLED', message: 'A newer comparison replaced this one.' });
    expect((await second).articles.map((a) => a.id)).toEqual(seeds.slice(0, 2));
  }, 120_000);

  it('callers asking for the same comparison share one run; one cancelling leaves the others their result', async () => {
    const ids = [seeds[4]!, seeds[2]!];
    const named = call('compare.articles', { ids, requestId: 'pair-1' });
    const unnamed = call('compare.articles', { ids });
    expect(await call('compare.cancel', { requestId: 'pair-1' })).toEqual({ cancelled: true });
    expect(await codeOf(named)).toBe('CANCELLED');
    expect((await unnamed).articles.map((a) => a.id)).toEqual(ids);
  }, 120_000);

  it('stops a comparison that runs out of its budget with a clear message', async () => {
    const tight = compareHandlers(backend.store, new StoryStore(backend.store), emit, { runner, maxWork: 1_000 });
    await expect(call('compare.articles', { ids: big }, tight as unknown as Backend['handlers'])).rejects.toMatchObject({
      code: 'TOO_LARGE',
      message: expect.stringMatching(/^The comparison was stopped while [a-z ]+: it needed more work than one comparison may do/),
    });
    const slow = compareHandlers(backend.store, new StoryStore(backend.store), emit, { runner, timeLimitMs: 1 });
    await expect(call('compare.articles', { ids: seeds.slice(1, 3) }, slow as unknown as Backend['handlers'])).rejects.toMatchObject({
      code: 'TOO_LARGE',
      message: expect.stringMatching(/took longer than/),
    });
  }, 120_000);
});

describe('the compare worker’s memory cap', () => {
  it('a comparison that needs more than the worker’s heap fails with TOO_LARGE, and the app goes on', async () => {
    const small = new CompareRunner({ heapMb: 16 });
    try {
      const capped = compareHandlers(backend.store, new StoryStore(backend.store), emit, { runner: small });
      await expect(call('compare.articles', { ids: big }, capped as unknown as Backend['handlers'])).rejects.toMatchObject({
        code: 'TOO_LARGE',
        message: expect.stringMatching(/needed more than the 16 MB of memory it may use/),
      });
      expect((await call('notebook.info', {}, backend.handlers)).articleCount).toBeGreaterThan(5);
      // Two seeds fit in 16 MB: a new worker compares them.
      expect((await call('compare.articles', { ids: seeds.slice(0, 2) }, capped as unknown as Backend['handlers'])).articles).toHaveLength(
        2,
      );
    } finally {
      await small.close();
    }
  }, 120_000);
});

describe('compare.related with a 5 MB single-line article in the notebook', () => {
  let blob: string;
  beforeAll(async () => {
    writeFileSync(join(root, 'one-line.txt'), oneLineBlob());
    const report = await backend.handlers['articles.importPaths']({ paths: [join(root, 'one-line.txt')] });
    expect(report.errors).toEqual([]);
    blob = report.imported[0]!.id;
  }, 120_000);

  it('still ranks the other seeds (and the two made of them) first for every seed, and answers for the long article too', async () => {
    for (const id of seeds) {
      const ranked = await call('compare.related', { id, limit: 6 });
      expect(ranked.map((r) => r.id).sort()).toEqual([...seeds.filter((s) => s !== id), ...big].sort());
    }
    const own = await call('compare.related', { id: blob, limit: 50 });
    expect(own.map((r) => r.id)).not.toContain(blob);
    expect(own.length).toBe(seeds.length + big.length);
  }, 120_000);
});
