import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleStoreChild, runStoreChild } from '../../../tests/helpers/bundle-store-child';
import { readSeed } from '../../../tests/helpers/seeds';
import { toCatalogEntry } from '../../core/article/article-record';
import { buildRecord } from '../importer/build-record';
import { readJournal } from './catalog-journal';
import { layout } from './notebook-layout';
import { NotebookStore } from './notebook-store';

const record = (prefix: string) =>
  buildRecord(
    { file: `${prefix}.txt`, load: () => ({ text: readSeed(prefix), encoding: 'utf-8' }) },
    { text: readSeed(prefix), encoding: 'utf-8' },
    '2026-01-01T00:00:00.000Z',
  );

/**
 * A kill between an article's file and its catalog row once left the row older than the article for good
 * (an acknowledged tag rename came undone, annotations went unseen). The writer here is a real process
 * killed (SIGKILL) by the crash harness's fault point right after the article file is in place.
 */
describe('a kill between an article write and its catalog row', () => {
  let dir: string;
  let child: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'parallax-in-flight-'));
    child = await bundleStoreChild(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the next open reads the article again and writes its row: row and article agree', async () => {
    const notebook = join(dir, 'nb');
    const store = await NotebookStore.open(notebook, { create: true, durability: 'none' });
    const [a, b] = [record('001_'), record('004_')];
    await store.putArticles([a, b]);
    await store.close();

    const run = runStoreChild(
      child,
      { notebook, action: 'update', id: a.id, outlet: 'Set just before the kill', tag: 'topic/in-flight' },
      { env: { PARALLAX_CRASH_TEST_KILL_AFTER_ARTICLE_WRITE: '1' } },
    );
    expect(run.signal, run.stderr).toBe('SIGKILL');
    expect(run.outcome).toBeNull(); // killed before it could answer
    const l = layout(notebook);
    const onDisk = JSON.parse(readFileSync(l.article(a.id), 'utf8')) as typeof a;
    expect(onDisk.userMeta.outlet).toBe('Set just before the kill'); // the file was in place
    expect((await readJournal(l.catalogJournal)).inFlight).toEqual([a.id]); // and its row was not

    const reopened = await NotebookStore.open(notebook, { durability: 'none' });
    expect(reopened.entry(a.id)).toEqual(toCatalogEntry(onDisk));
    expect(reopened.entry(a.id)?.tags).toEqual(['topic/in-flight']);
    expect(reopened.entry(b.id)).toEqual(toCatalogEntry(b));
    expect(reopened.notice).toBeNull();
    expect((await readJournal(l.catalogJournal)).inFlight).toEqual([]);
    await reopened.close();
    // Folded into the shards, it stays so.
    expect((await NotebookStore.open(notebook, { durability: 'none' })).entry(a.id)).toEqual(toCatalogEntry(onDisk));
  });

  it('an import killed before its rows is added back by the next open, before the open returns (so the CLI can say so)', async () => {
    const notebook = join(dir, 'nb-import');
    await (await NotebookStore.open(notebook, { create: true, durability: 'none' })).close();
    const id = 'cd00000000000001';
    const run = runStoreChild(
      child,
      { notebook, action: 'import', id, text: 'A cut-off import\n\nIts file was written, its row never was.\n' },
      { env: { PARALLAX_CRASH_TEST_KILL_AFTER_ARTICLE_WRITE: '1' } },
    );
    expect(run.signal, run.stderr).toBe('SIGKILL');
    const reopened = await NotebookStore.open(notebook, { durability: 'none' });
    expect(reopened.entry(id)?.title).toBe('A cut-off import');
    expect(reopened.notice).toMatch(/1 article\(s\) a crash had cut off from the catalog were added back/);
  });
});
