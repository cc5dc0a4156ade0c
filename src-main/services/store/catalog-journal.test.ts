import { appendFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { readSeed } from '../../../tests/helpers/seeds';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { toCatalogEntry } from '../../core/article/article-record';
import { buildRecord } from '../importer/build-record';
import { COMPACT_GROUP } from './catalog';
import { readJournal } from './catalog-journal';
import { layout, shardOf } from './notebook-layout';
import { NotebookStore } from './notebook-store';

const tempDir = useTempDirs();
const SEEDS = ['000_', '001_', '002_', '003_', '004_'];
const record = (prefix: string) =>
  buildRecord(
    { file: `${prefix}.txt`, load: () => ({ text: readSeed(prefix), encoding: 'utf-8' }) },
    { text: readSeed(prefix), encoding: 'utf-8' },
    '2026-01-01T00:00:00.000Z',
  );

async function seededNotebook(opts: Parameters<typeof NotebookStore.open>[1] = {}) {
  const dir = tempDir();
  const store = await NotebookStore.open(dir, { create: true, ...opts });
  const records = SEEDS.map(record);
  await store.putArticles(records);
  return { dir, store, records, l: layout(dir) };
}

const shardRows = (file: string) =>
  existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { entries: Record<string, { outlet: string | null }> }).entries : {};
const journalLines = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean);
/** The journal's row lines, without the lines naming articles in flight (one before each article write). */
const rowLines = (file: string) => journalLines(file).filter((line) => !line.startsWith('{"inFlight"'));

describe('catalog journal', () => {
  it('an import batch is one append of rows (after one line naming them in flight); a fresh open (as after a crash, with no close) reads the rows over the shards', async () => {
    const { dir, store, records, l } = await seededNotebook();
    expect(rowLines(l.catalogJournal)).toHaveLength(5);
    expect(journalLines(l.catalogJournal)[0]).toBe(JSON.stringify({ inFlight: records.map((r) => r.id) }));
    expect(readdirSync(l.catalogDir)).toEqual(['journal.jsonl']); // no shard written yet
    await store.updateArticle(records[1]!.id, (r) => void (r.userMeta.outlet = 'Enab Baladi'));
    expect(rowLines(l.catalogJournal)).toHaveLength(6);
    const reopened = await NotebookStore.open(dir);
    expect(reopened.size).toBe(5);
    expect(reopened.entry(records[1]!.id)?.outlet).toBe('Enab Baladi');
    expect(reopened.findByFingerprint(records[3]!.fingerprint)).toBe(records[3]!.id);
  });

  it('folds the journal into the shards once it holds enough rows, and when the notebook has been idle', async () => {
    // Without flushes: with them an edit on a busy machine can take longer than the idle time itself.
    // The idle fold is kept out of the first part (a loaded machine can take longer than any short idle time
    // between two edits); the second part opens the notebook again with a short one.
    const { store, records, l, dir } = await seededNotebook({ compact: { rows: 8, idleMs: 600_000 }, durability: 'none' });
    for (const [k, r] of records.slice(0, 2).entries()) await store.updateArticle(r.id, (x) => void (x.userMeta.outlet = `Outlet ${k}`));
    expect(rowLines(l.catalogJournal)).toHaveLength(7);
    await store.updateArticle(records[2]!.id, (x) => void (x.userMeta.outlet = 'Outlet 2'));
    // The eighth row reached the limit: every touched shard was rewritten, the journal emptied.
    expect(readFileSync(l.catalogJournal, 'utf8')).toBe('');
    for (const [k, r] of records.slice(0, 3).entries()) expect(shardRows(l.catalogShard(shardOf(r.id)))[r.id]?.outlet).toBe(`Outlet ${k}`);

    await store.close();
    const idle = await NotebookStore.open(dir, { compact: { rows: 8, idleMs: 50 }, durability: 'none' });
    await idle.updateArticle(records[4]!.id, (x) => void (x.userMeta.outlet = 'Idle'));
    // Idle for longer than idleMs: the journal is folded. A loaded machine can run the idle timer late, so wait
    // for it (the fold is what is checked, not how soon it comes).
    await vi.waitFor(
      async () => {
        await idle.flush();
        expect(readFileSync(l.catalogJournal, 'utf8')).toBe('');
      },
      { timeout: 20_000, interval: 100 },
    );
    expect(shardRows(l.catalogShard(shardOf(records[4]!.id)))[records[4]!.id]?.outlet).toBe('Idle');
  });

  it('compacts a group of shards at a time; a crash between groups loses nothing', async () => {
    const dir = tempDir();
    const l = layout(dir);
    const store = await NotebookStore.open(dir, { create: true, compact: { rows: 1_000_000, idleMs: 60_000 } });
    const records = Array.from({ length: 120 }, (_, i) => {
      const text = `${readSeed(SEEDS[i % 5]!)}\n\nCopy ${i}.`;
      return buildRecord(
        { file: `copy-${i}.txt`, load: () => ({ text, encoding: 'utf-8' }) },
        { text, encoding: 'utf-8' },
        '2026-01-01T00:00:00.000Z',
      );
    });
    await store.putArticles(records);
    // The shards in the order they were first written to, as the compaction takes them.
    const shards = [...new Set(records.map((r) => shardOf(r.id)))];
    expect(shards.length).toBeGreaterThan(COMPACT_GROUP);
    // The second group cannot be written (a folder stands where one of its shards goes): the compaction
    // stops there, as a crash would stop it.
    const blocked = l.catalogShard(shards[COMPACT_GROUP]!);
    mkdirSync(blocked);
    await expect(store.close()).rejects.toThrow();
    for (const name of shards.slice(0, COMPACT_GROUP)) expect(existsSync(l.catalogShard(name))).toBe(true);
    expect(rowLines(l.catalogJournal)).toHaveLength(120); // not emptied
    rmSync(blocked, { recursive: true });

    const reopened = await NotebookStore.open(dir);
    expect(reopened.size).toBe(120);
    for (const r of records) expect(reopened.entry(r.id)?.fingerprint).toBe(r.fingerprint);
    await reopened.close();
    expect(readFileSync(l.catalogJournal, 'utf8')).toBe('');
    for (const name of shards) expect(Object.keys(shardRows(l.catalogShard(name))).length).toBeGreaterThan(0);
  });

  it('cuts off the tail of an append a crash left unfinished, and appends cleanly after it', async () => {
    const { dir, records, l } = await seededNotebook();
    const good = readFileSync(l.catalogJournal, 'utf8');
    appendFileSync(l.catalogJournal, '{"id":"ff00000000000001","title":"half a ro');
    const reopened = await NotebookStore.open(dir);
    expect(reopened.size).toBe(5);
    expect(reopened.notice).toBeNull(); // an unacknowledged write is not damage
    expect(readFileSync(l.catalogJournal, 'utf8')).toBe(good);
    await reopened.updateArticle(records[0]!.id, (r) => void r.tags.push('after-crash'));
    const again = await NotebookStore.open(dir);
    expect(again.entry(records[0]!.id)?.tags).toContain('after-crash');
    expect(again.size).toBe(5);
  });

  it('a broken line is damage: a reader stays read-only; a writer keeps a copy and rebuilds from the article files', async () => {
    const { dir, records, l } = await seededNotebook();
    const lines = journalLines(l.catalogJournal);
    const broken = [lines[0], '{"id": "not json at all', ...lines.slice(1)].join('\n') + '\n';
    writeFileSync(l.catalogJournal, broken);

    const reader = await NotebookStore.open(dir, { readerOnly: true });
    expect(reader.readOnly).toBe(true);
    expect(reader.notice).toMatch(/read-only because 1 catalog file\(s\) are damaged.*journal\.jsonl line 2 is broken/);
    expect(readFileSync(l.catalogJournal, 'utf8')).toBe(broken);

    const writer = await NotebookStore.open(dir);
    expect(writer.readOnly).toBe(false);
    expect(writer.notice).toMatch(
      /journal\.jsonl was damaged \(line 2 is broken\); the catalog has been rebuilt from the article files \(the damaged file is kept at (\S+)\)/,
    );
    const copy = /kept at (\S+)\)/.exec(writer.notice!)![1]!;
    expect(readFileSync(copy, 'utf8')).toBe(broken);
    expect(writer.size).toBe(5);
    for (const r of records) expect(writer.entry(r.id)?.fingerprint).toBe(r.fingerprint);
    // The rebuilt catalog is in the shards and the journal starts empty.
    expect(readFileSync(l.catalogJournal, 'utf8')).toBe('');
    expect(Object.keys(shardRows(l.catalogShard(shardOf(records[0]!.id))))).toContain(records[0]!.id);
  });

  it('reads a line that is valid JSON but not a library row as damage, and a tail with no newline as an unfinished append', async () => {
    const dir = tempDir();
    const file = join(dir, 'journal.jsonl');
    const a = toCatalogEntry(record('001_'));
    const row = `${JSON.stringify(a)}\n`;
    for (const bad of [
      '[1,2]',
      'null',
      `{"__proto__":${JSON.stringify(a)}}`,
      JSON.stringify({ ...a, id: '' }),
      // Small damage that once stopped the notebook opening: an id that names no shard, a field of the wrong type.
      JSON.stringify({ ...a, id: 'zz-not-hex' }),
      JSON.stringify({ ...a, tags: null }),
      JSON.stringify({ inFlight: ['zz-not-hex'] }),
    ]) {
      writeFileSync(file, `${row}${bad}\n${row}`);
      expect((await readJournal(file)).damage).toMatch(/line 2 is broken/);
    }
    writeFileSync(file, `${row}{"id":"b","ti`);
    expect(await readJournal(file)).toMatchObject({ rows: [{ id: a.id }], goodBytes: row.length, tornBytes: 13, damage: null });
    writeFileSync(file, `${row}\0\0\0\0`);
    expect(await readJournal(file)).toMatchObject({ rows: [{ id: a.id }], tornBytes: 4, damage: null });
    expect(await readJournal(join(dir, 'missing.jsonl'))).toMatchObject({ exists: false, rows: [], damage: null });
  });

  it('a notebook made before the journal existed opens, creates one, and keeps every row', async () => {
    const { dir, records, l, store } = await seededNotebook();
    await store.close();
    const { rmSync } = await import('node:fs');
    rmSync(l.catalogJournal);
    const reopened = await NotebookStore.open(dir);
    expect(reopened.size).toBe(5);
    expect(existsSync(l.catalogJournal)).toBe(true);
    await reopened.updateArticle(records[2]!.id, (r) => void (r.userMeta.outlet = 'New'));
    expect((await NotebookStore.open(dir)).entry(records[2]!.id)?.outlet).toBe('New');
  });
});
