import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend } from '../backend';
import type { HostStatus } from './index-host';
import { GARBAGE_ALLOWANCE, IndexHost, catalogVersions } from './index-host';
import { searchArticle } from '../../../tests/helpers/search-article';
import { toDevelopmentLayout } from '../../../tests/helpers/development-index';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const rows = (pairs: [string, string][]) => pairs.map(([id, updatedAt]) => ({ id, updatedAt }));

async function sampleNotebook() {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-search-'));
  dirs.push(dir);
  const b = await openBackend(dir, { create: true, durability: 'none', search: { runIn: 'inline' } });
  await b.handlers['notebook.importSample']({});
  const catalog = [...b.store.entries()].map((e): [string, string] => [e.id, e.updatedAt]);
  await b.close();
  return { dir, catalog };
}

const QUERIES = ['guler', 'kalin', 'turkiye', 'غولر', 'sec*', '"security cooperation"', 'ankara -kalin', 'outlet:trt'];

async function answers(host: IndexHost) {
  const out: unknown[] = [];
  for (const query of QUERIES) out.push((await host.query({ query, limit: 20, offset: 0 })).hits);
  return out;
}

describe('IndexHost persistence', () => {
  it('saves the index and reloads it without re-indexing, answering identically', async () => {
    const { dir, catalog } = await sampleNotebook();
    const first = new IndexHost(dir);
    await first.open();
    await first.reconcile(catalogVersions(rows(catalog)));
    const before = await answers(first);
    expect(await first.save(true)).toBe(true);
    expect(readdirSync(join(dir, 'index'))).toContain('manifest.json');

    const events: HostStatus[] = [];
    const second = new IndexHost(dir, (s) => events.push(s));
    await second.open();
    expect((await second.status()).indexedArticles).toBe(5);
    const status = await second.reconcile(catalogVersions(rows(catalog)));
    expect(status.state).toBe('ready');
    expect(events.some((e) => e.state === 'rebuilding')).toBe(false); // nothing was re-indexed
    expect(await answers(second)).toEqual(before);
  });

  it('re-indexes only what changed since the save, and drops what is gone', async () => {
    const { dir, catalog } = await sampleNotebook();
    const host = new IndexHost(dir);
    await host.open();
    await host.reconcile(catalogVersions(rows(catalog)));
    await host.save(true);
    const events: HostStatus[] = [];
    const again = new IndexHost(dir, (s) => events.push(s));
    await again.open();
    const changed = catalog.map(([id, at], i): [string, string] => [id, i === 0 ? `${at}x` : at]).slice(0, 4);
    await again.reconcile(catalogVersions(rows(changed)));
    expect(events.find((e) => e.progress)?.progress).toMatchObject({ total: 1 });
    expect((await again.status()).indexedArticles).toBe(4);
  });

  it.each([
    ['a damaged manifest', (d: string) => writeFileSync(join(d, 'index', 'manifest.json'), '{not json')],
    ['a truncated data file', (d: string) => writeFileSync(join(d, 'index', 'flex-000.bin'), '{"trunc')],
    ['a missing data file', (d: string) => rmSync(join(d, 'index', 'vectors.bin'))],
    ['garbage term vectors', (d: string) => writeFileSync(join(d, 'index', 'vectors.bin'), Buffer.alloc(64, 7))],
    ['a missing bigram filter file', (d: string) => rmSync(join(d, 'index', 'bigrams.bin'))],
    ['garbage bigram filters', (d: string) => writeFileSync(join(d, 'index', 'bigrams.bin'), Buffer.alloc(64, 7))],
    // Layouts written only by development builds of 0.1.0 (ADR 005): rebuilt from the articles, never read.
    ["an index with flexsearch's keys as JSON", (d: string) => toDevelopmentLayout(join(d, 'index'), 'json-keys')],
    ['an index with SHA-1 file checksums', (d: string) => toDevelopmentLayout(join(d, 'index'), 'sha1')],
    [
      'an index from another version',
      async (d: string) => {
        const m = JSON.parse(await readFile(join(d, 'index', 'manifest.json'), 'utf8'));
        writeFileSync(join(d, 'index', 'manifest.json'), JSON.stringify({ ...m, version: 999 }));
      },
    ],
  ])('detects %s and rebuilds in the background with progress', async (_label, damage) => {
    const { dir, catalog } = await sampleNotebook();
    const host = new IndexHost(dir);
    await host.open();
    await host.reconcile(catalogVersions(rows(catalog)));
    const before = await answers(host);
    await host.save(true);
    await damage(dir);

    const events: HostStatus[] = [];
    const fresh = new IndexHost(dir, (s) => events.push(s));
    const opened = await fresh.open();
    expect(opened.message).toMatch(/Rebuilding the search index/);
    expect(opened.indexedArticles).toBe(0);
    await fresh.reconcile(catalogVersions(rows(catalog)));
    expect(events.some((e) => e.state === 'rebuilding' && e.progress?.total === 5)).toBe(true);
    expect(await answers(fresh)).toEqual(before);
    // The rebuilt index is saved again, replacing the damaged one.
    expect(await fresh.save()).toBe(true);
    await new IndexHost(dir).open().then((s) => expect(s.message).toBeNull());
  });
});

describe('IndexHost memory', () => {
  it('collects garbage once the heap has grown by the allowance since the last collection, and around a save', async () => {
    const { dir, catalog } = await sampleNotebook();
    let collections = 0;
    // The heap as the host sees it: each edit below adds a tenth of the allowance; a collection frees it all.
    let garbage = 0;
    const host = new IndexHost(
      dir,
      undefined,
      () => {
        collections++;
        garbage = 0;
      },
      () => 300e6 + garbage,
      { quietMs: 0, maxWaitMs: 0, maxArticles: 1 }, // every change indexed at once
    );
    await host.open();
    await host.reconcile(catalogVersions(rows(catalog)));
    const first = await host.query({ query: 'guler', limit: 1, offset: 0 });
    const id = first.hits[0]!.id;
    const article = (n: number) =>
      searchArticle(id, {
        updatedAt: `2030-01-01T00:00:${String(n % 60).padStart(2, '0')}.000Z`,
        title: `Edit ${n}`,
        body: 'guler edited',
      });
    const before = collections;
    for (let n = 0; n < 9; n++) {
      garbage += GARBAGE_ALLOWANCE / 10;
      await host.upsert([article(n)]);
    }
    expect(collections).toBe(before);
    garbage += GARBAGE_ALLOWANCE / 10;
    await host.upsert([article(9)]);
    expect(collections).toBe(before + 1);
    garbage += GARBAGE_ALLOWANCE / 10;
    await host.upsert([article(10)]);
    expect(collections).toBe(before + 1);
    await host.save(true);
    expect(collections).toBeGreaterThanOrEqual(before + 3); // before the export and after the save
    expect((await host.query({ query: 'edited', limit: 5, offset: 0 })).hits.map((h) => h.id)).toEqual([id]);
  });
});

describe('SearchService in its worker thread', () => {
  it('indexes the notebook off the main thread, follows changes, and saves on close', async () => {
    const { dir } = await sampleNotebook();
    const statuses: string[] = [];
    const b = await openBackend(dir, {
      durability: 'none',
      emit: (e, p) => e === 'search.status' && statuses.push((p as { state: string }).state),
      search: { runIn: 'worker', waitForIndexMs: Infinity },
    });
    const r = await b.handlers['search.query']({ query: 'guler', limit: 20, offset: 0 });
    expect(r.hits.length).toBe(5);
    expect(r.complete).toBe(true);
    const id = r.hits[0]!.id;
    await b.handlers['articles.update']({ id, patch: { title: 'Zanzibarian headline' } });
    await expect
      .poll(async () => (await b.handlers['search.query']({ query: 'zanzibarian', limit: 5, offset: 0 })).hits.map((h) => h.id), {
        timeout: 5000,
      })
      .toEqual([id]);
    await b.close();
    expect(statuses).toContain('ready');
    expect(readdirSync(join(dir, 'index'))).toContain('manifest.json');
  }, 30_000);
});

describe('IndexHost with queued changes', () => {
  it('a query right after a change finds it: the changes waiting are indexed first', async () => {
    const { dir, catalog } = await sampleNotebook();
    const host = new IndexHost(dir, undefined, undefined, undefined, { quietMs: 60_000, maxWaitMs: 60_000, maxArticles: 1_000 });
    await host.open();
    await host.reconcile(catalogVersions(rows(catalog)));
    const id = (await host.query({ query: 'guler', limit: 1, offset: 0 })).hits[0]!.id;
    expect((await host.query({ query: 'zanzibar', limit: 5, offset: 0 })).total).toBe(0);
    await host.upsert([searchArticle(id, { updatedAt: '2030-01-01T00:00:00.000Z', title: 'Edited', body: 'zanzibar' })]);
    expect((await host.query({ query: 'zanzibar', limit: 5, offset: 0 })).hits.map((h) => h.id)).toEqual([id]);
    await host.close();
  });
});
