import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSeed } from '../../../tests/helpers/seeds';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import type { ArticleRecord } from '../../core/article/article-record';
import { toCatalogEntry } from '../../core/article/article-record';
import { takeBackup } from '../backup/rolling-backups';
import { openBackend } from '../backend';
import { buildRecord } from '../importer/build-record';
import { layout, shardOf } from './notebook-layout';
import { NotebookStore } from './notebook-store';

const tempDir = useTempDirs();
const record = (prefix: string, extra = '') => {
  const text = `${readSeed(prefix)}${extra}`;
  return buildRecord(
    { file: `${prefix}.txt`, load: () => ({ text, encoding: 'utf-8' }) },
    { text, encoding: 'utf-8' },
    '2026-01-01T00:00:00.000Z',
  );
};

/** Three articles in the same shard (so one damaged shard holds all of them), closed cleanly; optionally backed up. */
async function notebook(opts: { backup?: boolean } = {}) {
  const dir = tempDir();
  const store = await NotebookStore.open(dir, { create: true, durability: 'none' });
  const records = ['001_', '003_', '004_'].map((p) => record(p));
  for (const r of records) r.id = `ab${r.id.slice(2)}`;
  await store.putArticles(records);
  if (opts.backup) await takeBackup(dir, 'manual');
  await store.close();
  const l = layout(dir);
  return { dir, l, records, shard: l.catalogShard('ab') };
}

/** Every file under damaged/, by its path inside the notebook, with its content. */
function damagedFiles(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, name.name);
      if (name.isDirectory()) walk(p);
      else out.set(relative(join(dir, 'damaged'), p).split('/').slice(1).join('/'), readFileSync(p, 'utf8'));
    }
  };
  if (existsSync(join(dir, 'damaged'))) walk(join(dir, 'damaged'));
  return out;
}

const articlePath = (id: string) => `articles/${shardOf(id)}/${id}.json`;

describe('start-up recovery never deletes an article', () => {
  it('a damaged article and a damaged shard: the article is restored from the newest backup, the damaged file kept, and the user told', async () => {
    const { dir, l, records, shard } = await notebook({ backup: true });
    const [a] = records;
    writeFileSync(l.article(a!.id), '{"id": "cut sho');
    writeFileSync(shard, '{"entries": {"trunc');
    const store = await NotebookStore.open(dir, { durability: 'none' });
    // Said before open returns (the CLI prints it then).
    expect(store.notice).toMatch(/catalog\/ab\.json was damaged .* rebuilt from the article files \(2 articles/);
    expect(store.notice).toMatch(
      new RegExp(
        `${articlePath(a!.id)} was damaged \\(it does not parse as JSON\\) and missing from the catalog; .* restored from .*manual-`,
      ),
    );
    expect(store.size).toBe(3);
    expect(await store.readArticle(a!.id)).toEqual(a);
    expect(damagedFiles(dir).get(articlePath(a!.id))).toBe('{"id": "cut sho');
    expect(damagedFiles(dir).get('catalog/ab.json')).toBe('{"entries": {"trunc');
    // The repair is lasting: the next open finds nothing to do.
    const again = await NotebookStore.open(dir, { durability: 'none' });
    expect(again.notice).toBeNull();
    expect(again.size).toBe(3);
  });

  it('a damaged article and a damaged shard, no backup: the article file is moved to damaged/, byte for byte, and the user told', async () => {
    const { dir, l, records, shard } = await notebook();
    const [a] = records;
    writeFileSync(l.article(a!.id), '{"id": "cut sho');
    writeFileSync(shard, '{"entries": {"trunc');
    const store = await NotebookStore.open(dir, { durability: 'none' });
    expect(store.notice).toMatch(
      new RegExp(
        `${articlePath(a!.id)} was damaged \\(it does not parse as JSON\\) and no backup holds a copy; it was moved to \\S+damaged`,
      ),
    );
    expect(existsSync(l.article(a!.id))).toBe(false);
    expect(damagedFiles(dir).get(articlePath(a!.id))).toBe('{"id": "cut sho');
    expect(store.size).toBe(2);
  });

  it('a damaged article and a broken journal line: restored from the backup when there is one', async () => {
    const { dir, l, records } = await notebook({ backup: true });
    const [, b] = records;
    const store = await NotebookStore.open(dir, { durability: 'none' });
    await store.updateArticle(records[2]!.id, (r) => void (r.userMeta.outlet = 'In the journal'));
    writeFileSync(l.catalogJournal, `${readFileSync(l.catalogJournal, 'utf8')}{"not": "a row"}\n`);
    writeFileSync(l.article(b!.id), JSON.stringify({ ...b, annotations: null })); // valid JSON, wrong shape
    const reopened = await NotebookStore.open(dir, { durability: 'none' });
    expect(reopened.notice).toMatch(/journal\.jsonl was damaged \(line \d+ is broken\); the catalog has been rebuilt/);
    expect(reopened.notice).toMatch(
      /was damaged \(it is not an article record \(annotations: .*\)\) and missing from the catalog; .* restored from/,
    );
    expect(await reopened.readArticle(b!.id)).toEqual(b);
    expect(reopened.entry(records[2]!.id)?.outlet).toBe('In the journal');
    expect(JSON.parse(damagedFiles(dir).get(articlePath(b!.id))!)).toMatchObject({ id: b!.id, annotations: null });
  });

  it('a stray copy of an article already in the notebook (an import retried after a crash) is set aside, not removed', async () => {
    const { dir, l, records } = await notebook();
    const stray: ArticleRecord = { ...records[0]!, id: 'ff00000000000001' };
    mkdirSync(dirname(l.article(stray.id)), { recursive: true });
    writeFileSync(l.article(stray.id), JSON.stringify(stray));
    const store = await NotebookStore.open(dir, { durability: 'none' });
    await store.flush();
    expect(store.notice).toMatch(
      /a stray copy of “.*” \(an article already in the notebook: an import retried after a crash\) was set aside at \S+damaged/,
    );
    expect(existsSync(l.article(stray.id))).toBe(false);
    expect(JSON.parse(damagedFiles(dir).get(articlePath(stray.id))!)).toEqual(stray);
    expect(store.size).toBe(3);
  });

  it('an article file in another folder than its id says is set aside, not added under a path no read would find', async () => {
    const { dir, l } = await notebook();
    const misplaced = { ...record('002_'), id: 'ab00000000000009' };
    const file = join(l.articlesDir, 'cd', `${misplaced.id}.json`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(misplaced));
    const store = await NotebookStore.open(dir, { durability: 'none' });
    await store.flush();
    expect(store.notice).toMatch(/articles\/cd\/ab00000000000009\.json is not where its id puts it \(articles\/ab\/\); it was moved to/);
    expect(store.entry(misplaced.id)).toBeUndefined();
    expect(JSON.parse(damagedFiles(dir).get(`articles/cd/${misplaced.id}.json`)!)).toEqual(misplaced);
  });

  it('an article file outside the catalog that cannot be read is left where it is, and said so', async () => {
    const { dir, l } = await notebook();
    const odd = l.article('ff00000000000002');
    mkdirSync(odd, { recursive: true }); // a folder under an article's name: reading it is an I/O error
    const store = await NotebookStore.open(dir, { durability: 'none' });
    await store.flush();
    expect(store.notice).toBe(
      'Start-up recovery: articles/ff/ff00000000000002.json is not in the catalog and could not be read (it is a folder, not a file (EISDIR)); it was left where it is.',
    );
    expect(existsSync(odd)).toBe(true);
    expect(damagedFiles(dir).size).toBe(0);
  });

  it('an article added back at open is searchable at once, not only after the next start', async () => {
    const { dir, l } = await notebook();
    const cutOff = record('002_', '\n\nThe quokkarion delegation arrived late.');
    mkdirSync(dirname(l.article(cutOff.id)), { recursive: true });
    writeFileSync(l.article(cutOff.id), JSON.stringify(cutOff));
    const b = await openBackend(dir, { durability: 'none', search: { runIn: 'inline', waitForIndexMs: Infinity, eager: true } });
    try {
      await b.store.flush();
      expect(b.store.entry(cutOff.id)).toBeDefined();
      await b.search.whenReady();
      await expect
        .poll(async () => (await b.handlers['search.query']({ query: 'quokkarion', limit: 5, offset: 0 })).hits.map((h) => h.id))
        .toEqual([cutOff.id]);
    } finally {
      await b.close();
    }
  });
});

describe('small damage never stops the notebook opening', () => {
  it('a shard {"entries": null}: a writer rebuilds it and says so; a reader opens read-only and says why', async () => {
    const { dir, records, shard } = await notebook();
    writeFileSync(shard, '{"entries":null}');
    const reader = await NotebookStore.open(dir, { readerOnly: true });
    expect(reader.readOnly).toBe(true);
    expect(reader.notice).toMatch(
      /read-only because 1 catalog file\(s\) are damaged or cannot be read\. \S+ab\.json is damaged: its "entries" is not a table of rows/,
    );
    const writer = await NotebookStore.open(dir, { durability: 'none' });
    expect(writer.readOnly).toBe(false);
    expect(writer.notice).toMatch(/catalog\/ab\.json was damaged \(its "entries" is not a table of rows\) and has been rebuilt/);
    for (const r of records) expect(writer.entry(r.id)).toEqual(toCatalogEntry(r));
  });

  it('a shard row of the wrong shape, or filed under another id, is damage of that shard alone', async () => {
    for (const bad of [(row: object) => ({ ...row, tags: null }), (row: object) => ({ ...row, id: 'ab99999999999999' })]) {
      const { dir, records, shard } = await notebook();
      const rows = JSON.parse(readFileSync(shard, 'utf8')) as { entries: Record<string, object> };
      rows.entries[records[0]!.id] = bad(rows.entries[records[0]!.id]!);
      writeFileSync(shard, JSON.stringify(rows));
      const writer = await NotebookStore.open(dir, { durability: 'none' });
      expect(writer.notice).toMatch(
        /catalog\/ab\.json was damaged \(its entry "ab\w+" is (not a catalog row|filed under the wrong id or shard)\)/,
      );
      expect(writer.size).toBe(3);
      expect(writer.entry(records[0]!.id)).toEqual(toCatalogEntry(records[0]!));
    }
  });

  it('a journal row whose id is not hex: a writer rebuilds the catalog from the article files; a reader opens read-only', async () => {
    const { dir, l, records } = await notebook();
    writeFileSync(l.catalogJournal, `${JSON.stringify({ ...toCatalogEntry(records[0]!), id: 'zz-not-hex' })}\n`);
    const reader = await NotebookStore.open(dir, { readerOnly: true });
    expect(reader.readOnly).toBe(true);
    expect(reader.notice).toMatch(/journal\.jsonl line 1 is broken/);
    const writer = await NotebookStore.open(dir, { durability: 'none' });
    expect(writer.readOnly).toBe(false);
    expect(writer.size).toBe(3);
  });

  it('a missing notebook.json beside catalog/ and articles/ is rewritten and said so, for the CLI (no create) and the app (create) alike', async () => {
    for (const create of [false, true]) {
      const { dir, l, records } = await notebook();
      rmSync(l.manifest);
      const reader = await NotebookStore.open(dir, { readerOnly: true });
      expect(reader.size).toBe(3);
      expect(reader.notice).toMatch(/notebook\.json was missing; the notebook was read as the current format/);
      expect(existsSync(l.manifest)).toBe(false);
      const store = await NotebookStore.open(dir, { create, durability: 'none' });
      expect(store.notice).toBe('notebook.json was missing and has been rewritten.');
      expect(store.size).toBe(3);
      expect(store.entry(records[1]!.id)).toBeDefined();
      expect(JSON.parse(readFileSync(l.manifest, 'utf8'))).toMatchObject({ format: 'parallax-notebook', schemaVersion: 1 });
    }
  });

  it('a notebook.json of the wrong shape is rewritten, keeping the damaged copy; a foreign one is still refused', async () => {
    const { dir, l } = await notebook();
    writeFileSync(l.manifest, '{"format":"parallax-notebook","schemaVersion":"one"}');
    const store = await NotebookStore.open(dir, { durability: 'none' });
    expect(store.notice).toMatch(/notebook\.json was damaged \(schemaVersion: .*\) and has been rewritten \(the damaged file is kept at /);
    expect(damagedFiles(dir).get('notebook.json')).toBe('{"format":"parallax-notebook","schemaVersion":"one"}');
    writeFileSync(l.manifest, '{"format":"another-app","version":3}');
    await expect(NotebookStore.open(dir)).rejects.toMatchObject({
      code: 'CORRUPT',
      message: expect.stringMatching(/not a Parallax notebook manifest/),
    });
  });

  it('an article file of valid JSON but the wrong shape breaks only that article: tags and annotations work for the rest', async () => {
    const dir = tempDir();
    const b = await openBackend(dir, { create: true, durability: 'none', search: { runIn: 'inline' } });
    const [x, y] = [record('001_'), record('004_')];
    await b.store.putArticles([x, y]);
    for (const r of [x, y]) {
      await b.handlers['annotations.create']({
        articleId: r.id,
        target: { start: 0, end: 10 },
        color: 'yellow',
        note: `on ${r.id}`,
        tags: ['topic/kept'],
      });
    }
    await b.close();
    const file = layout(dir).article(x.id);
    const broken = { ...JSON.parse(readFileSync(file, 'utf8')), annotations: { oops: true }, tags: 'not a list' };
    writeFileSync(file, JSON.stringify(broken));
    const again = await openBackend(dir, { durability: 'none', search: { runIn: 'inline' } });
    try {
      const listed = await again.handlers['annotations.list']({ sort: 'position', offset: 0, limit: 100 });
      expect(listed.items.map((a) => a.articleId)).toEqual([y.id]);
      expect((await again.handlers['tags.list']({})).tags.map((t) => t.name)).toContain('topic/kept');
      await expect(again.store.readArticle(x.id)).rejects.toMatchObject({
        code: 'CORRUPT',
        message: expect.stringMatching(
          /is damaged \(it is not an article record \(tags: .*\)\)\. No backup holds a copy; the file was left as it is/,
        ),
      });
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(broken);
    } finally {
      await again.close();
    }
  });

  it('a damaged stories.json or saved-searches.json is set aside and reported; the feature still works', async () => {
    const dir = tempDir();
    const b = await openBackend(dir, { create: true, durability: 'none' });
    await b.store.putArticles([record('001_')]);
    await b.close();
    writeFileSync(join(dir, 'stories.json'), '{"version":1,"stories":[{"id":"s1","name":null}]}');
    writeFileSync(join(dir, 'saved-searches.json'), '{oops');
    const again = await openBackend(dir, { durability: 'none' });
    try {
      expect((await again.handlers['stories.list']({})).stories).toEqual([]);
      expect(await again.handlers['search.saved.list']({})).toEqual([]);
      const notice = again.store.notice ?? '';
      expect(notice).toMatch(
        /stories\.json was damaged \(stories\.0\.id: .*\); it was moved to \S+damaged\S+stories\.json and this list starts afresh/,
      );
      expect(notice).toMatch(
        /saved-searches\.json was damaged \(it does not parse as JSON\); it was moved to \S+damaged\S+saved-searches\.json/,
      );
      expect(damagedFiles(dir).get('stories.json')).toBe('{"version":1,"stories":[{"id":"s1","name":null}]}');
      expect(damagedFiles(dir).get('saved-searches.json')).toBe('{oops');
      const story = await again.handlers['stories.create']({ name: 'After the damage', articleIds: [] });
      await again.handlers['search.saved.save']({ name: 'Ankara', query: 'ankara' });
      expect((await again.handlers['stories.list']({})).stories.map((s) => s.id)).toEqual([story.id]);
      expect((await again.handlers['search.saved.list']({})).map((s) => s.name)).toEqual(['Ankara']);
    } finally {
      await again.close();
    }
  });
});
