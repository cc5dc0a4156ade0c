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
});
