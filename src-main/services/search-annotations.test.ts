import { describe, expect, it } from 'vitest';
import { withSampleBackend } from '../../tests/helpers/sample-backend';
import { useTempDirs } from '../../tests/helpers/temp-dir';

const tempDir = useTempDirs();

/** Annotations joined the index without rework: notes and passage tags are searchable, and follow edits. */
describe('searching annotation notes and tags', () => {
  it('finds a note with in:notes and tag:, follows edits and deletion', async () => {
    await withSampleBackend(tempDir(), async (b) => {
      const [shafaq] = (await b.handlers['articles.list']({ sort: 'outlet', offset: 0, limit: 1 })).items;
      const created = await b.handlers['annotations.create']({
        articleId: shafaq!.id,
        target: { quote: { exact: 'Murhaf Abu Qasra' } },
        color: 'green',
        note: 'Spelled **Marhaf** in one outlet and *Ashraf* in another',
        tags: ['actor/syria', 'check/names'],
      });
      const q = (query: string) => b.handlers['search.query']({ query, limit: 20, offset: 0 });

      const byNote = await q('in:notes marhaf');
      expect(byNote.hits.map((h) => h.id)).toEqual([shafaq!.id]);
      expect(byNote.hits[0]!.notes.map((n) => n.id)).toContain(created.id);

      expect((await q('in:notes ashraf tag:check')).hits.map((h) => h.id)).toEqual([shafaq!.id]);
      // "Marhaf" is in one seed's body too: without in:notes both the note and that article are found.
      expect((await q('marhaf')).hits.length).toBe(2);

      await b.handlers['annotations.update']({ id: created.id, patch: { note: 'Rewritten: transliteration only' } });
      expect((await q('in:notes marhaf')).hits).toEqual([]);
      expect((await q('in:notes transliteration')).hits.map((h) => h.id)).toEqual([shafaq!.id]);

      await b.handlers['annotations.delete']({ id: created.id });
      expect((await q('in:notes transliteration')).hits).toEqual([]);
    });
  });

  it('finds passages by their verdict with verdict:, following verdicts given, moved and cleared', async () => {
    await withSampleBackend(tempDir(), async (b) => {
      const [first, second] = (await b.handlers['articles.list']({ sort: 'outlet', offset: 0, limit: 2 })).items;
      const q = (query: string) => b.handlers['search.query']({ query, limit: 20, offset: 0 });
      const a = await b.handlers['annotations.create']({ articleId: first!.id, target: { start: 0, end: 20 }, color: 'orange', note: '', tags: [] });
      expect((await q('verdict:any')).hits).toEqual([]);

      await b.handlers['verdicts.set']({ id: a.id, verdict: { rating: 'false', rationale: '', sources: [] } });
      await b.handlers['verdicts.create']({ articleId: second!.id, target: { start: 0, end: 10 }, color: 'orange', verdict: { rating: 'true', rationale: '', sources: [] } });
      const found = await q('verdict:false');
      expect(found.hits.map((h) => h.id)).toEqual([first!.id]);
      expect(found.hits[0]!.notes.map((n) => n.id)).toEqual([a.id]);
      expect((await q('verdict:any')).hits.map((h) => h.id).sort()).toEqual([first!.id, second!.id].sort());

      const { ratings } = await b.handlers['verdicts.ratings']({});
      await b.handlers['verdicts.setRatings']({ ratings: ratings.filter((r) => r.id !== 'false'), moves: [{ from: 'false', to: 'misleading' }], reassign: [] });
      expect((await q('verdict:false')).hits).toEqual([]);
      expect((await q('verdict:misleading')).hits.map((h) => h.id)).toEqual([first!.id]);

      await b.handlers['verdicts.set']({ id: a.id, verdict: null });
      expect((await q('verdict:misleading')).hits).toEqual([]);
    });
  });
});
