import { join } from 'node:path';
import { defaultOptions } from '../../../tests/helpers/export-fixture';
import { describe, expect, it } from 'vitest';
import { annotatedBackend, snapshotDir } from '../../../tests/helpers/annotated-backend';
import { annotatedRecords } from '../../../tests/helpers/annotated-notebook';
import { corpus } from '../../../tests/helpers/seeds';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { w3cSamples } from '../../../tests/helpers/w3c-schemas';
import { openBackend } from '../backend';

const tempDir = useTempDirs();
const b64 = (s: string | Uint8Array) => Buffer.from(s).toString('base64');

/** The fixed notebook's articles without their annotations, as a second notebook to import into. */
async function bareNotebook(dir: string) {
  const b = await openBackend(dir, { create: true, durability: 'none' });
  await b.store.putArticles(annotatedRecords().map((r) => ({ ...r, annotations: [] })));
  return b;
}

async function exportOf(dir: string, format: string, options = {}) {
  const a = await annotatedBackend(join(dir, 'a'));
  const r = await a.handlers['export.run']({
    format: format as 'w3c',
    scope: {},
    options: {
      ...defaultOptions,
      ...options,
    },
  });
  return { a, file: r };
}

describe('re-importing our W3C JSON-LD', () => {
  for (const jsonLines of [false, true]) {
    it(`brings every annotation back without loss (${jsonLines ? 'JSON Lines' : 'AnnotationCollection'})`, async () => {
      const dir = tempDir();
      const { a, file } = await exportOf(dir, 'w3c', { jsonLines });
      const b = await bareNotebook(join(dir, 'b'));
      const r = await b.handlers['articles.importFiles']({ files: [{ name: file.fileName, contentBase64: file.contentBase64 }] });
      expect(r.errors).toEqual([]);
      expect(r.annotations).toEqual({ added: 8, updated: 0, unchanged: 0 });
      // Order in the file is reading order, not the order they were made; compare as sets.
      const byId = (list: Array<{ id: string }>) => [...list].sort((x, y) => x.id.localeCompare(y.id));
      for (const rec of annotatedRecords()) {
        expect(byId((await b.store.readArticle(rec.id)).annotations), rec.id).toEqual(
          byId((await a.store.readArticle(rec.id)).annotations),
        );
      }
      // Importing the same file again changes nothing, not even a file's timestamp.
      const before = snapshotDir(join(dir, 'b'));
      const again = await b.handlers['articles.importFiles']({ files: [{ name: file.fileName, contentBase64: file.contentBase64 }] });
      expect(again.annotations).toEqual({ added: 0, updated: 0, unchanged: 8 });
      expect(snapshotDir(join(dir, 'b'))).toEqual(before);
    });
  }

  it('reports annotations whose article is not in the notebook, and imports the rest', async () => {
    const dir = tempDir();
    const { file } = await exportOf(dir, 'w3c');
    const b = await openBackend(join(dir, 'b'), { create: true, durability: 'none' });
    await b.store.putArticles(
      annotatedRecords()
        .filter((r) => r.id === 'd0000000000000dd')
        .map((r) => ({ ...r, annotations: [] })),
    );
    const r = await b.handlers['articles.importFiles']({ files: [{ name: 'notes.jsonld', contentBase64: file.contentBase64 }] });
    expect(r.annotations).toEqual({ added: 3, updated: 0, unchanged: 0 });
    expect(r.errors).toEqual([
      {
        file: 'notes.jsonld',
        code: 'NOT_FOUND',
        message: expect.stringMatching(/^5 annotation\(s\) in notes\.jsonld target articles that are not in this notebook/),
      },
    ]);
  });

  const suite = corpus('04-w3c-web-annotation-tests');
  it.runIf(suite)('refuses every incorrect W3C sample cleanly, leaving the notebook unchanged', async () => {
    const dir = tempDir();
    const b = await bareNotebook(join(dir, 'b'));
    const before = snapshotDir(join(dir, 'b'));
    const samples = w3cSamples(suite!, 'incorrect').map((s) => ({
      name: s.name.replace(/\.json$/, '.jsonld'),
      contentBase64: b64(s.text),
    }));
    const r = await b.handlers['articles.importFiles']({ files: samples });
    expect(r.imported).toEqual([]);
    expect(r.annotations).toBeUndefined();
    expect(r.errors).toHaveLength(39);
    for (const e of r.errors) expect(e.message.startsWith(e.file) || e.message.includes(e.file)).toBe(true);
    expect(snapshotDir(join(dir, 'b'))).toEqual(before);
  });
});

describe('other JSON files', () => {
  it('refuses a .json file that is not W3C annotations, saying why, and never imports it as an article', async () => {
    const dir = tempDir();
    const b = await bareNotebook(join(dir, 'b'));
    const r = await b.handlers['articles.importFiles']({
      files: [{ name: 'package.json', contentBase64: b64('{"name":"x","version":"1.0.0"}') }],
    });
    expect(r.imported).toEqual([]);
    expect(r.errors).toEqual([
      { file: 'package.json', code: 'BAD_INPUT', message: expect.stringMatching(/is not W3C Web Annotation JSON-LD/) },
    ]);
    expect(b.store.size).toBe(5);
  });
});

describe('importing a backup into a notebook', () => {
  it('adds the articles it does not have, with their tags and annotations, and reports the rest as duplicates', async () => {
    const dir = tempDir();
    const { a, file } = await exportOf(dir, 'backup');
    await a.close();
    const b = await openBackend(join(dir, 'b'), { create: true, durability: 'none' });
    await b.store.putArticles(annotatedRecords().slice(0, 2));
    const r = await b.handlers['articles.importFiles']({ files: [{ name: 'backup.zip', contentBase64: file.contentBase64 }] });
    expect(r.errors).toEqual([]);
    expect(r.imported).toHaveLength(3);
    expect(r.duplicates).toHaveLength(2);
    expect(b.store.size).toBe(5);
    expect((await b.store.readArticle('d0000000000000dd')).annotations).toHaveLength(3);
    const broken = await b.handlers['articles.importFiles']({
      files: [{ name: 'broken.zip', contentBase64: b64(Buffer.from(file.contentBase64, 'base64').subarray(0, 500)) }],
    });
    expect(broken.errors).toEqual([{ file: 'broken.zip', code: 'CORRUPT', message: expect.any(String) }]);
  });
});
