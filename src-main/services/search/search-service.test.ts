import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SearchStatus } from '../../contract';
import { openBackend } from '../backend';
import type { EarlyIndex } from './early-index';
import { IndexHost } from './index-host';
import { BULK_IMPORT_FILES, SearchService, bulkImportFiles } from './search-service';
import { seedFiles, seedsDir } from '../../../tests/helpers/seeds';
import { useTempDirs } from '../../../tests/helpers/temp-dir';

const tempDir = useTempDirs();

describe('starting the search service', () => {
  it('finds an article added while the saved index was still loading (the catalog is read early, and again after a change)', async () => {
    const dir = tempDir('parallax-search-service-');
    const b = await openBackend(dir, { create: true, durability: 'none', search: { runIn: 'inline' } });
    try {
      await b.handlers['notebook.importSample']({});
      // A service over the same notebook whose index "loads" until the gate opens.
      const host = new IndexHost(dir);
      let open!: () => void;
      const gate = new Promise<void>((resolve) => (open = resolve));
      const early: EarlyIndex = { index: host, opened: gate.then(() => host.open()), relay: { onStatus: () => undefined } };
      const service = new SearchService(b.store, () => undefined, { waitForIndexMs: Infinity }, early);
      const started = service.start();
      // While it loads, an article is pasted in: the catalog read when the service started lacks it.
      const pasted = await b.handlers['articles.importText']({ text: 'Zanzibar ferry timetable\n\nThe zanzibar ferry leaves at noon.' });
      open();
      await started;
      await service.whenReady();
      const hits = (await service.query({ query: 'zanzibar', limit: 10, offset: 0 })).hits.map((h) => h.id);
      expect(hits).toEqual([pasted.imported[0]!.id]);
      expect((await service.status()).indexedArticles).toBe(6);
      await service.close();
    } finally {
      await b.close();
    }
  });
});

describe('bulk imports (indexed after they finish)', () => {
  type Backend = Awaited<ReturnType<typeof openBackend>>;
  const statuses: SearchStatus[] = [];

  /** A folder of the five seeds, and a notebook whose imports of three files or more are bulk imports. */
  async function setUp(catchUpAfterMs: number): Promise<{ b: Backend; folder: string }> {
    const folder = tempDir('parallax-bulk-files-');
    for (const f of seedFiles) copyFileSync(join(seedsDir, f), join(folder, f));
    statuses.length = 0;
    const b = await openBackend(tempDir('parallax-bulk-nb-'), {
      create: true,
      durability: 'none',
      emit: (event, payload) => void (event === 'search.status' && statuses.push(payload as SearchStatus)),
      search: { runIn: 'inline', waitForIndexMs: Infinity, bulkImportFiles: 3, catchUpAfterMs },
    });
    await b.search.whenReady();
    return { b, folder };
  }

  /** The progress lines the index reported, as "reason: total". */
  const progressSeen = () => statuses.filter((s) => s.progress).map((s) => `${s.progress!.reason}: ${s.progress!.total}`);
  /** Run `body` on a fresh bulk-import notebook (see setUp), closing it afterwards whatever happens. */
  async function withBulkNotebook(catchUpAfterMs: number, body: (b: Backend, folder: string) => Promise<void>): Promise<void> {
    const { b, folder } = await setUp(catchUpAfterMs);
    try {
      await body(b, folder);
    } finally {
      await b.close();
    }
  }
  const hitsFor = async (b: Backend, query: string) => (await b.search.query({ query, limit: 10, offset: 0 })).hits.length;
  async function untilIndexed(b: Backend, articles: number): Promise<void> {
    while ((await b.search.status()).indexedArticles < articles) await new Promise((r) => setTimeout(r, 10));
    await b.search.whenReady();
  }

  it('indexes a bulk import once it has finished, from the article files, and edits meanwhile at once', () =>
    withBulkNotebook(100, async (b, folder) => {
      const pasted = await b.handlers['articles.importText']({ text: 'Zanzibar ferry timetable\n\nThe zanzibar ferry leaves at noon.' });
      const report = await b.search.indexAfter(5, async () => {
        const r = await b.handlers['articles.importPaths']({ paths: [folder] });
        // An edit made while the bulk job runs is not held back: its article is searchable by the new tag at once.
        await b.handlers['articles.tag']({ id: pasted.imported[0]!.id, add: ['ferries'], remove: [] });
        expect(await hitsFor(b, 'tag:ferries')).toBe(1);
        return r;
      });
      expect(report.imported).toHaveLength(5);
      // Not indexed while it ran: the index holds only the pasted article.
      expect((await b.search.status()).indexedArticles).toBe(1);
      expect(await hitsFor(b, 'Shaibani')).toBe(0);
      await untilIndexed(b, 6);
      expect(await hitsFor(b, 'Shaibani')).toBeGreaterThan(0);
      expect(await hitsFor(b, 'zanzibar')).toBe(1);
      expect(new Set(progressSeen())).toEqual(new Set(['indexing the imported articles: 5']));
    }));

  it('indexes imports made one after another once, after the last', () =>
    withBulkNotebook(300, async (b, folder) => {
      const [first, second] = [seedFiles.slice(0, 3), seedFiles.slice(3)].map((names) => names.map((n) => join(folder, n)));
      await b.search.indexAfter(3, () => b.handlers['articles.importPaths']({ paths: first! }));
      await b.search.indexAfter(3, () => b.handlers['articles.importPaths']({ paths: second! }));
      expect((await b.search.status()).indexedArticles).toBe(0);
      await untilIndexed(b, 5);
      // One catch-up over all five articles, not one per import.
      expect(progressSeen().length).toBeGreaterThan(0);
      expect(new Set(progressSeen())).toEqual(new Set(['indexing the imported articles: 5']));
    }));

  it('indexes a small import as it is written', () =>
    withBulkNotebook(60_000, async (b, folder) => {
      await b.handlers['articles.importPaths']({ paths: [join(folder, seedFiles[0]!), join(folder, seedFiles[1]!)] });
      // Searchable at once: the query waits only for the queued upserts, there is no catch-up to wait for.
      expect(await hitsFor(b, 'Shaibani')).toBe(1);
      expect((await b.search.status()).indexedArticles).toBe(2);
    }));

  it('leaves a catch-up still waiting at close to the next open, which indexes the articles', async () => {
    const { b, folder } = await setUp(60_000);
    const root = b.store.layout.root;
    await b.handlers['articles.importPaths']({ paths: [folder] });
    expect(await hitsFor(b, 'Shaibani')).toBe(0); // the handler ran it as a bulk import: not indexed yet
    await b.close();
    const again = await openBackend(root, { durability: 'none', search: { runIn: 'inline', waitForIndexMs: Infinity } });
    try {
      await again.search.whenReady();
      expect((await again.search.status()).indexedArticles).toBe(5);
      expect(await hitsFor(again, 'Shaibani')).toBeGreaterThan(0);
    } finally {
      await again.close();
    }
  });
});

describe('bulkImportFiles', () => {
  it('reads PARALLAX_BULK_IMPORT_FILES when it is a whole number of at least 1, else keeps the default', () => {
    expect(bulkImportFiles({})).toBe(BULK_IMPORT_FILES);
    expect(bulkImportFiles({ PARALLAX_BULK_IMPORT_FILES: '3' })).toBe(3);
    for (const bad of ['0', '-5', '2.5', 'many', '', ' 3', '1e9', '99999999999'])
      expect(bulkImportFiles({ PARALLAX_BULK_IMPORT_FILES: bad })).toBe(BULK_IMPORT_FILES);
  });
});
