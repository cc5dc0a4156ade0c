import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSeed } from '../../../tests/helpers/seeds';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { restoreBackup } from '../backup/backup-archive';
import { buildRecord } from '../importer/build-record';
import { SCHEMA_VERSION, layout, shardOf } from './notebook-layout';
import { NotebookStore } from './notebook-store';
import { takeBackup } from '../backup/rolling-backups';

const tempDir = useTempDirs();
const record = (prefix: string) =>
  buildRecord(
    { file: `${prefix}.txt`, load: () => ({ text: readSeed(prefix), encoding: 'utf-8' }) },
    { text: readSeed(prefix), encoding: 'utf-8' },
    '2026-01-01T00:00:00.000Z',
  );

describe('NotebookStore', () => {
  it('creates a notebook only when asked, and refuses a folder that holds other things', async () => {
    const dir = tempDir();
    await expect(NotebookStore.open(join(dir, 'nb'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    writeFileSync(join(dir, 'thesis.docx'), 'not a notebook');
    await expect(NotebookStore.open(dir, { create: true })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(readdirSync(dir)).toEqual(['thesis.docx']);
    const store = await NotebookStore.open(join(dir, 'nb'), { create: true });
    expect(store.schemaVersion).toBe(SCHEMA_VERSION);
    expect(JSON.parse(readFileSync(layout(join(dir, 'nb')).manifest, 'utf8'))).toMatchObject({
      format: 'parallax-notebook',
      schemaVersion: SCHEMA_VERSION,
    });
  });

  it('round-trips articles: what is saved is what a fresh open reads', async () => {
    const dir = tempDir();
    const store = await NotebookStore.open(dir, { create: true });
    const a = record('001_');
    const b = record('004_');
    await store.putArticles([a, b]);
    const reopened = await NotebookStore.open(dir);
    expect(reopened.size).toBe(2);
    expect(await reopened.readArticle(a.id)).toEqual(a);
    expect(reopened.entry(b.id)).toMatchObject({
      title: 'Turkish, Syrian officials meet in Damascus, vow defence collaboration',
      outlet: 'TRT World',
    });
    expect(reopened.findByFingerprint(a.fingerprint)).toBe(a.id);
  });

  it('an edit rewrites only the article file and appends its row to the catalog journal; closing folds it into the shard', async () => {
    const dir = tempDir();
    const store = await NotebookStore.open(dir, { create: true });
    const records = ['000_', '001_', '002_', '003_', '004_'].map(record);
    await store.putArticles(records);
    const l = layout(dir);
    const files = () => [
      ...readdirSync(l.catalogDir).map((f) => join(l.catalogDir, f)),
      ...readdirSync(l.articlesDir).flatMap((d) => readdirSync(join(l.articlesDir, d)).map((f) => join(l.articlesDir, d, f))),
    ];
    const before = new Map(files().map((f) => [f, readFileSync(f, 'utf8')]));
    const target = records[2]!;
    await store.updateArticle(target.id, (r) => {
      r.userMeta.outlet = 'Enab Baladi';
    });
    const changed = files().filter((f) => before.get(f) !== readFileSync(f, 'utf8'));
    expect(changed.sort()).toEqual([l.article(target.id), l.catalogJournal].sort());
    expect(store.entry(target.id)?.outlet).toBe('Enab Baladi');
    await store.close();
    const shard = JSON.parse(readFileSync(l.catalogShard(shardOf(target.id)), 'utf8')) as { entries: Record<string, { outlet: string }> };
    expect(shard.entries[target.id]?.outlet).toBe('Enab Baladi');
    expect(readFileSync(l.catalogJournal, 'utf8')).toBe('');
  });

  it('keeps the text of the files it touched last, each caller gets its own copy, and a file changed behind its back is read again', async () => {
    const dir = tempDir();
    const store = await NotebookStore.open(dir, { create: true });
    const [a, b] = [record('001_'), record('004_')];
    await store.putArticles([a, b]);
    const reader = await NotebookStore.open(dir, { readerOnly: true });
    expect((await reader.readArticle(a.id)).tags).toEqual([]);
    await store.updateArticle(a.id, (r) => void r.tags.push('kept'));
    // Callers get their own copy to change.
    (await store.readArticle(a.id)).tags.push('not saved');
    expect((await store.readArticle(a.id)).tags).toEqual(['kept']);
    // The reader beside the writer reads the file again and sees the edit.
    expect((await reader.readArticle(a.id)).tags).toEqual(['kept']);
    // A file changed by someone else (a sync tool, by hand) is read again, not served from memory.
    const file = layout(dir).article(a.id);
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), tags: ['from outside'] }));
    expect((await store.readArticle(a.id)).tags).toEqual(['from outside']);
  });

  it('serialises concurrent edits of the same article so none is lost', async () => {
    const dir = tempDir();
    const store = await NotebookStore.open(dir, { create: true });
    const a = record('003_');
    await store.putArticles([a]);
    await Promise.all(['x', 'y', 'z', 'w'].map((t) => store.updateArticle(a.id, (r) => void r.tags.push(t))));
    expect((await (await NotebookStore.open(dir)).readArticle(a.id)).tags.sort()).toEqual(['w', 'x', 'y', 'z']);
  });

  it('deletes temp files left by a killed write at open', async () => {
    const dir = tempDir();
    await NotebookStore.open(dir, { create: true });
    const stale = join(layout(dir).tmp, 'ab.json.1234.1.tmp');
    writeFileSync(stale, '{"half": ');
    await NotebookStore.open(dir);
    expect(existsSync(stale)).toBe(false);
  });

  it('recovers an article file whose catalog row a crash cut off, and sets aside (never deletes) a stray copy of one already present', async () => {
    const dir = tempDir();
    const store = await NotebookStore.open(dir, { create: true });
    const kept = record('001_');
    await store.putArticles([kept]);
    const cutOff = record('004_');
    const strayCopy = { ...record('001_'), id: 'ff00000000000001' };
    mkdirSync(dirname(layout(dir).article(cutOff.id)), { recursive: true });
    mkdirSync(dirname(layout(dir).article(strayCopy.id)), { recursive: true });
    writeFileSync(layout(dir).article(cutOff.id), JSON.stringify(cutOff));
    writeFileSync(layout(dir).article(strayCopy.id), JSON.stringify(strayCopy));
    const reopened = await NotebookStore.open(dir);
    await reopened.flush();
    expect(reopened.entry(cutOff.id)?.outlet).toBe('TRT World');
    expect(reopened.entry(strayCopy.id)).toBeUndefined();
    expect(existsSync(layout(dir).article(strayCopy.id))).toBe(false);
    const [stamp] = readdirSync(join(dir, 'damaged'));
    expect(JSON.parse(readFileSync(join(dir, 'damaged', stamp!, 'articles', 'ff', `${strayCopy.id}.json`), 'utf8'))).toEqual(strayCopy);
    expect(reopened.size).toBe(2);
  });

  it('rebuilds a damaged catalog file from the article files, keeping a copy; a reader stays read-only instead', async () => {
    const dir = tempDir();
    const store = await NotebookStore.open(dir, { create: true });
    const a = record('001_');
    await store.putArticles([a]);
    const shard = layout(dir).catalogShard(shardOf(a.id));
    writeFileSync(shard, '{"entries": {"trunc');

    const reader = await NotebookStore.open(dir, { readerOnly: true });
    expect(reader.readOnly).toBe(true);
    expect(reader.notice).toMatch(/read-only because 1 catalog file\(s\) are damaged/);
    await expect(reader.putArticles([record('002_')])).rejects.toMatchObject({ code: 'READ_ONLY' });
    expect(readFileSync(shard, 'utf8')).toBe('{"entries": {"trunc');

    const writer = await NotebookStore.open(dir);
    expect(writer.readOnly).toBe(false);
    expect(writer.notice).toMatch(
      /was damaged \(it does not parse as JSON\) and has been rebuilt from the article files \(1 articles; the damaged file is kept at .*damaged/,
    );
    expect(writer.entry(a.id)?.title).toBe('Turkiye and Syria prioritize security coordination in Ankara talks');
    const copy = /kept at (\S+)\)/.exec(writer.notice!)![1]!;
    expect(readFileSync(copy, 'utf8')).toBe('{"entries": {"trunc');
  });

  it('restores a damaged article file from the newest backup holding it, keeping the damaged copy', async () => {
    const dir = tempDir();
    const store = await NotebookStore.open(dir, { create: true });
    const a = record('003_');
    const b = record('004_');
    await store.putArticles([a, b]);
    await takeBackup(dir, 'manual');
    writeFileSync(layout(dir).article(a.id), '{"id": "trunc');
    const reopened = await NotebookStore.open(dir);
    expect(await reopened.readArticle(a.id)).toEqual(a);
    expect(reopened.notice).toMatch(
      /was damaged \(it does not parse as JSON\) and has been restored from .*manual-.*\.zip; the damaged file is kept at/,
    );
    expect(JSON.parse(readFileSync(layout(dir).article(a.id), 'utf8'))).toEqual(a);
  });

  it('an edit of a damaged article restores it in its own turn of the write queue (no deadlock), then edits it', async () => {
    const dir = tempDir();
    const store = await NotebookStore.open(dir, { create: true, durability: 'none' });
    const a = record('003_');
    await store.putArticles([a]);
    await takeBackup(dir, 'manual');
    writeFileSync(layout(dir).article(a.id), JSON.stringify({ ...a, tags: 'not a list' }));
    const reopened = await NotebookStore.open(dir, { durability: 'none' });
    const edited = await reopened.updateArticle(a.id, (r) => void r.tags.push('after the repair'));
    expect(edited.tags).toEqual(['after the repair']);
    expect(reopened.notice).toMatch(/was damaged \(it is not an article record \(tags: .*\)\) and has been restored from/);
    expect((await NotebookStore.open(dir, { durability: 'none' })).entry(a.id)?.tags).toEqual(['after the repair']);
  });

  it('without a backup, a damaged article says so, stays untouched, and the others still read', async () => {
    const dir = tempDir();
    const store = await NotebookStore.open(dir, { create: true });
    const a = record('003_');
    const b = record('004_');
    await store.putArticles([a, b]);
    writeFileSync(layout(dir).article(a.id), 'not json');
    const reopened = await NotebookStore.open(dir);
    await expect(reopened.readArticle(a.id)).rejects.toMatchObject({
      code: 'CORRUPT',
      message: expect.stringContaining('No backup holds a copy'),
    });
    expect(readFileSync(layout(dir).article(a.id), 'utf8')).toBe('not json');
    expect((await reopened.readArticle(b.id)).id).toBe(b.id);
  });

  it('rewrites a damaged notebook.json when the folder is plainly a notebook, keeping the damaged copy', async () => {
    const dir = tempDir();
    const store = await NotebookStore.open(dir, { create: true });
    await store.putArticles([record('001_')]);
    writeFileSync(layout(dir).manifest, '{"format": "parallax-not');
    const reopened = await NotebookStore.open(dir);
    expect(reopened.size).toBe(1);
    expect(reopened.notice).toMatch(
      /notebook.json was damaged \(it does not parse as JSON\) and has been rewritten \(the damaged file is kept at /,
    );
    expect(JSON.parse(readFileSync(layout(dir).manifest, 'utf8'))).toMatchObject({
      format: 'parallax-notebook',
      schemaVersion: SCHEMA_VERSION,
    });
  });

  it('refuses a notebook written by a newer Parallax', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notebook.json'), JSON.stringify({ format: 'parallax-notebook', schemaVersion: 99, createdAt: 'x' }));
    await expect(NotebookStore.open(dir)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('reports an unknown article id as NOT_FOUND', async () => {
    const store = await NotebookStore.open(tempDir(), { create: true });
    await expect(store.readArticle('0123456789abcdef')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('migration from schema 0 (the single db.json prototype)', () => {
  it('splits db.json into article documents and shards, keeps a backup, and keeps every article', async () => {
    const dir = tempDir();
    const raw = readSeed('004_');
    const dbJson = JSON.stringify({
      articles: [
        { id: 'aa00000000000001', file: '004.txt', raw, outlet: 'TRT World', tags: ['actor/turkiye'] },
        { id: 'bb00000000000002', raw: readSeed('001_') },
      ],
    });
    writeFileSync(join(dir, 'db.json'), dbJson);
    const store = await NotebookStore.open(dir);
    expect(store.schemaVersion).toBe(SCHEMA_VERSION);
    expect(store.size).toBe(2);
    expect(existsSync(join(dir, 'db.json'))).toBe(false);
    const a = await store.readArticle('aa00000000000001');
    expect(a.raw).toBe(raw);
    expect(a.tags).toEqual(['actor/turkiye']);
    expect(store.entry('aa00000000000001')?.outlet).toBe('TRT World');
    // The backup taken before the migration is a checked archive that restores the old db.json byte for byte.
    const backups = readdirSync(layout(dir).backups);
    expect(backups).toEqual([expect.stringMatching(/^before-migration-v0-.*\.zip$/)]);
    const restored = join(tempDir(), 'restored');
    await restoreBackup(join(layout(dir).backups, backups[0]!), restored);
    expect(readFileSync(join(restored, 'db.json'), 'utf8')).toBe(dbJson);
  });
});
