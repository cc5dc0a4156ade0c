import { describe, expect, it } from 'vitest';
import { openBackend } from '../backend';
import type { EarlyIndex } from './early-index';
import { IndexHost } from './index-host';
import { SearchService } from './search-service';
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
