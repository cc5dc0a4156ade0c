import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultOptions } from '../../../tests/helpers/export-fixture';
import { describe, expect, it } from 'vitest';
import { annotatedBackend, snapshotDir } from '../../../tests/helpers/annotated-backend';
import { annotatedRecords } from '../../../tests/helpers/annotated-notebook';
import { corpus, seedFiles, seedsDir } from '../../../tests/helpers/seeds';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { w3cSamples } from '../../../tests/helpers/w3c-schemas';
import { createBackup } from '../backup/backup-archive';
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

/** A notebook made by importing the five sample files: the same articles as any other made so, with its own ids. */
async function seededNotebook(dir: string) {
  const b = await openBackend(dir, { create: true, durability: 'none' });
  const r = await b.handlers['articles.importPaths']({ paths: seedFiles.map((f) => join(seedsDir, f)) });
  expect(r.imported).toHaveLength(5);
  return b;
}

type Backend = Awaited<ReturnType<typeof openBackend>>;
const byTitle = (b: Backend) => new Map([...b.store.entries()].map((e) => [e.title, e.id]));

/** Seven annotations across the five articles of notebook `a`, each on a sentence of its text. */
async function annotateSeven(a: Backend) {
  const made: Array<{ title: string; exact: string; note: string }> = [];
  const entries = [...a.store.entries()].sort((x, y) => x.title.localeCompare(y.title));
  for (let i = 0; i < 7; i++) {
    const e = entries[i % entries.length]!;
    const body = (await a.store.readArticle(e.id)).analysis.body;
    const sentences = body.split(/(?<=[.!?])\s+/).filter((x) => x.length > 40 && body.indexOf(x) === body.lastIndexOf(x));
    const exact = sentences[Math.floor(i / entries.length)]!;
    await a.handlers['annotations.create']({
      articleId: e.id,
      target: { quote: { exact } },
      note: `note ${i}`,
      tags: ['claim'],
      color: 'pink',
    });
    made.push({ title: e.title, exact, note: `note ${i}` });
  }
  return made;
}

async function w3cExport(a: Backend, jsonLines = false) {
  const r = await a.handlers['export.run']({ format: 'w3c', scope: {}, options: { ...defaultOptions, jsonLines } });
  return { name: r.fileName, text: Buffer.from(r.contentBase64, 'base64').toString('utf8') };
}

describe('W3C JSON-LD from another notebook holding the same articles', () => {
  for (const jsonLines of [false, true]) {
    it(`re-attaches every annotation to the same article, whose id differs there (${jsonLines ? 'JSON Lines' : 'collection'})`, async () => {
      const dir = tempDir();
      const a = await seededNotebook(join(dir, 'a'));
      const b = await seededNotebook(join(dir, 'b'));
      expect([...b.store.entries()].map((e) => e.id).filter((id) => a.store.entry(id))).toEqual([]); // ids differ per notebook
      const made = await annotateSeven(a);
      const file = await w3cExport(a, jsonLines);
      const r = await b.handlers['articles.importFiles']({ files: [{ name: file.name, contentBase64: b64(file.text) }] });
      expect(r.errors).toEqual([]);
      expect(r.annotations).toEqual({ added: 7, updated: 0, unchanged: 0 });
      const ids = byTitle(b);
      for (const m of made) {
        const notes = (await b.store.readArticle(ids.get(m.title)!)).annotations;
        expect(notes.find((n) => n.quote.exact === m.exact)).toMatchObject({
          note: m.note,
          tags: ['claim'],
          color: 'pink',
          anchor: { status: 'ok' },
        });
      }
    });
  }

  it('falls back to the address, then title and outlet; reports, and never attaches, what it cannot match', async () => {
    const dir = tempDir();
    const a = await seededNotebook(join(dir, 'a'));
    const b = await seededNotebook(join(dir, 'b'));
    const made = await annotateSeven(a);
    // The same address set by hand in both notebooks, on the first article.
    const first = made[0]!.title;
    const url = 'https://www.aa.com.tr/en/turkiye/syrias-security-is-inseparable-from-turkiye-fidan/3000000';
    await a.handlers['articles.update']({ id: byTitle(a).get(first)!, patch: { url } });
    await b.handlers['articles.update']({ id: byTitle(b).get(first)!, patch: { url } });
    const doc = JSON.parse((await w3cExport(a)).text) as {
      first: { items: Array<Record<string, unknown> & { target: { source: string } }> };
    };
    const items = doc.first.items;
    for (const item of items) item['parallax:fingerprint'] = 'changed-by-a-newer-analysis'; // fingerprints no longer agree
    const on = (title: string) => items.filter((i) => i['parallax:articleTitle'] === title);
    // 1: the first article's annotations keep only its address (its title is not one this notebook knows).
    expect(on(first)[0]!.target.source).toBe(url);
    for (const i of on(first)) i['parallax:articleTitle'] = 'A title from elsewhere';
    // 2: another article's annotations keep only the title and outlet (an address this notebook does not know).
    const second = made[1]!.title;
    for (const i of on(second)) i.target.source = 'https://elsewhere.example/other-address';
    // 3: one article's title is changed here, so nothing identifies it: reported, not attached.
    const third = made[2]!.title;
    await b.handlers['articles.update']({ id: byTitle(b).get(third)!, patch: { title: 'A headline the user rewrote' } });
    const before = await b.store.readArticle(byTitle(b).get('A headline the user rewrote')!);
    const lost = on(third).length;
    const onFirst = on('A title from elsewhere').length;
    const r = await b.handlers['articles.importFiles']({ files: [{ name: 'notes.jsonld', contentBase64: b64(JSON.stringify(doc)) }] });
    expect(r.annotations).toEqual({ added: 7 - lost, updated: 0, unchanged: 0 });
    expect(r.errors).toEqual([
      {
        file: 'notes.jsonld',
        code: 'NOT_FOUND',
        message: expect.stringContaining(
          `${lost} annotation(s) in notes.jsonld target articles that are not in this notebook: ${lost} on “${third.slice(0, 60)}`,
        ),
      },
    ]);
    expect(r.errors[0]!.message).toContain('no article here has its id, fingerprint, address, or title and outlet');
    expect((await b.store.readArticle(before.id)).annotations).toEqual(before.annotations);
    const ids = byTitle(b);
    expect((await b.store.readArticle(ids.get(made[0]!.title)!)).annotations.length).toBe(onFirst);
    expect((await b.store.readArticle(ids.get(second)!)).annotations.length).toBe(on(second).length);
  });

  it('refuses to guess between two articles with the same title and outlet', async () => {
    const dir = tempDir();
    const a = await seededNotebook(join(dir, 'a'));
    const made = await annotateSeven(a);
    const doc = JSON.parse((await w3cExport(a)).text) as { first: { items: Array<Record<string, unknown>> } };
    const title = made[0]!.title;
    const items = doc.first.items.filter((i) => i['parallax:articleTitle'] === title);
    for (const i of items) i['parallax:fingerprint'] = 'unknown';
    // Notebook b holds two different texts under that title (and no outlet, like the original).
    const b = await openBackend(join(dir, 'b'), { create: true, durability: 'none' });
    const record = await a.store.readArticle(byTitle(a).get(title)!);
    const twin = (id: string, extra: string) => ({
      ...record,
      id,
      fingerprint: `fp-${id}`,
      annotations: [],
      raw: `${record.raw}\n${extra}`,
    });
    await b.store.putArticles([twin('ab00000000000001', 'one'), twin('ab00000000000002', 'two')]);
    const r = await b.handlers['articles.importFiles']({
      files: [{ name: 'n.jsonld', contentBase64: b64(JSON.stringify({ ...doc, first: { ...doc.first, items } })) }],
    });
    expect(r.annotations).toEqual({ added: 0, updated: 0, unchanged: 0 });
    expect(r.errors[0]!.message).toContain(`${items.length} on “${title.slice(0, 60)}`);
    expect(r.errors[0]!.message).toContain('2 articles here have its title and outlet');
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

  it('merges its stories by name and its tag colours, mapping article ids as the import does', async () => {
    const dir = tempDir();
    const a = await annotatedBackend(join(dir, 'a'));
    const [r0, r1, r2, r3] = annotatedRecords();
    await a.handlers['stories.create']({ name: 'Ankara talks', articleIds: [r0!.id, r1!.id, r2!.id] });
    await a.handlers['stories.create']({ name: 'Only in the backup', articleIds: [r3!.id] });
    await a.handlers['tags.recolour']({ tag: 'claim', color: '#ff0000' });
    await a.handlers['tags.recolour']({ tag: 'actor/fidan', color: '#00ff00' });
    const backup = await a.handlers['export.run']({ format: 'backup', scope: {}, options: defaultOptions });
    await a.close();

    // Notebook b has r0 as it is, and r1's text under an id of its own (imported separately).
    const b = await openBackend(join(dir, 'b'), { create: true, durability: 'none' });
    const ownId = 'b1b1b1b1b1b1b1b1';
    await b.store.putArticles([r0!, { ...r1!, id: ownId, annotations: [] }]);
    const mine = await b.handlers['stories.create']({ name: '  ankara TALKS ', articleIds: [r0!.id] });
    await b.handlers['tags.recolour']({ tag: 'claim', color: '#0000ff' });
    await b.handlers['tags.recolour']({ tag: 'other', color: '#123456' });

    const upload = { files: [{ name: 'backup.zip', contentBase64: backup.contentBase64 }] };
    const r = await b.handlers['articles.importFiles'](upload);
    expect(r.errors).toEqual([]);
    expect(r.stories).toEqual({ created: 1, extended: 1 });
    expect(r.tagColours).toEqual({ added: 1, kept: [{ tag: 'claim', color: '#0000ff', backup: '#ff0000' }] });
    const stories = (await b.handlers['stories.list']({})).stories;
    expect(stories).toHaveLength(2);
    const merged = stories.find((s) => s.id === mine.id)!;
    expect(merged.name).toBe('ankara TALKS');
    expect(merged.articleIds.sort()).toEqual([r0!.id, ownId, r2!.id].sort()); // r1 is the article b already had
    expect(stories.find((s) => s.name === 'Only in the backup')!.articleIds).toEqual([r3!.id]);
    const colours = Object.fromEntries((await b.handlers['tags.list']({})).tags.filter((t) => t.color).map((t) => [t.name, t.color]));
    expect(colours).toEqual({ claim: '#0000ff', 'actor/fidan': '#00ff00', other: '#123456' });

    // Importing it again adds nothing, and still says which colour it kept.
    const again = await b.handlers['articles.importFiles'](upload);
    expect(again.stories).toEqual({ created: 0, extended: 0 });
    expect(again.tagColours).toEqual({ added: 0, kept: [{ tag: 'claim', color: '#0000ff', backup: '#ff0000' }] });
    expect((await b.handlers['stories.list']({})).stories).toEqual(stories);
  });

  it('still imports the articles when its stories or tag colours are damaged, saying what was not merged', async () => {
    const dir = tempDir();
    const a = await annotatedBackend(join(dir, 'a'));
    await a.handlers['stories.create']({ name: 'Ankara talks', articleIds: [annotatedRecords()[0]!.id] });
    await a.handlers['tags.recolour']({ tag: 'claim', color: '#ff0000' });
    await a.close();
    // A backup whose stories file is not a list, and whose tag file holds names and colours that are not ones.
    writeFileSync(join(dir, 'a', 'stories.json'), '{"version":1,"stories":{"oops":true}}');
    const tags = JSON.parse(readFileSync(join(dir, 'a', 'tags.json'), 'utf8')) as { colors: Record<string, string> };
    writeFileSync(
      join(dir, 'a', 'tags.json'),
      JSON.stringify({
        ...tags,
        colors: { ...tags.colors, ...JSON.parse('{"__proto__":"#111111","bad colour":"red"," spaced ":"#222222"}') },
      }),
    );
    expect(readFileSync(join(dir, 'a', 'tags.json'), 'utf8')).toContain('"__proto__":"#111111"');
    await createBackup(join(dir, 'a'), join(dir, 'backup.zip'));
    const b = await openBackend(join(dir, 'b'), { create: true, durability: 'none' });
    const r = await b.handlers['articles.importFiles']({
      files: [{ name: 'backup.zip', contentBase64: readFileSync(join(dir, 'backup.zip')).toString('base64') }],
    });
    expect(r.imported).toHaveLength(5);
    expect(r.errors).toEqual([
      {
        file: 'backup.zip',
        code: 'CORRUPT',
        message: expect.stringMatching(/^backup\.zip: its stories were not merged: .*not a list of stories/),
      },
    ]);
    expect((await b.handlers['stories.list']({})).stories).toEqual([]);
    // A tag named `__proto__` is a tag like any other (colours are kept in a Map); the malformed ones stay out.
    expect(r.tagColours).toEqual({ added: 2, kept: [] });
    expect(
      (await b.handlers['tags.list']({})).tags
        .filter((t) => t.color)
        .map((t) => [t.name, t.color])
        .sort(),
    ).toEqual([
      ['__proto__', '#111111'],
      ['claim', '#ff0000'],
    ]);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('takes only the stories that are valid: the right shape and a name the app accepts', async () => {
    const dir = tempDir();
    const a = await annotatedBackend(join(dir, 'a'));
    const id = annotatedRecords()[0]!.id;
    const good = await a.handlers['stories.create']({ name: 'Ankara talks', articleIds: [id] });
    await a.close();
    const bad = [
      { ...good, id: 'ba0000000000000d', name: 'Evil \u001b]52;c;eA==\u0007 story' },
      { id: 'ba0000000000000e', name: 42, articleIds: 'all' },
    ];
    writeFileSync(join(dir, 'a', 'stories.json'), JSON.stringify({ version: 1, stories: [good, ...bad] }));
    await createBackup(join(dir, 'a'), join(dir, 'backup.zip'));
    const b = await openBackend(join(dir, 'b'), { create: true, durability: 'none' });
    const r = await b.handlers['articles.importFiles']({
      files: [{ name: 'backup.zip', contentBase64: readFileSync(join(dir, 'backup.zip')).toString('base64') }],
    });
    expect(r.imported).toHaveLength(5);
    expect(r.stories).toEqual({ created: 1, extended: 0 });
    expect(r.errors).toEqual([
      { file: 'backup.zip', code: 'BAD_INPUT', message: 'backup.zip: 2 of its stories are not valid stories and were left out' },
    ]);
    expect((await b.handlers['stories.list']({})).stories.map((s) => [s.name, s.articleIds])).toEqual([['Ankara talks', [id]]]);
  });
});
