import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLargeNotebook, scaleTitle } from '../../../tests/helpers/large-notebook';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { openBackend } from '../backend';
import { layout } from '../store/notebook-layout';
import type { FirstPage } from './library-snapshot';
import { FIRST_PAGE_QUERY, FIRST_PAGE_ROWS, answerFromFirstPage, catalogRevision, readFirstPage, writeFirstPage } from './library-snapshot';

const tempDir = useTempDirs();
const ARTICLES = 250;

/** A notebook of ARTICLES generated articles (newest first: article 249 … 0), opened as the app opens it. */
async function notebook() {
  const dir = join(tempDir('parallax-first-page-'), 'nb');
  await buildLargeNotebook(dir, ARTICLES, 0);
  return dir;
}
const open = (dir: string) => openBackend(dir, { durability: 'none', keepFirstPage: true, search: { runIn: 'inline' } });
const listFirstPage = async (dir: string) => {
  const b = await openBackend(dir, { durability: 'none', search: { runIn: 'inline' } });
  try {
    return await b.handlers['articles.list']({ ...FIRST_PAGE_QUERY });
  } finally {
    await b.close();
  }
};

describe('the saved first page', () => {
  it('is written at close with the rows the library lists first, and read back while the stamp matches', async () => {
    const dir = await notebook();
    const expected = await listFirstPage(dir);
    expect(expected.items).toHaveLength(FIRST_PAGE_ROWS);
    expect(expected.items[0]!.title).toBe(scaleTitle(ARTICLES - 1));

    const b = await open(dir);
    await b.close();
    const read = await readFirstPage(layout(dir));
    expect(read.page).toEqual(expected);
    expect(read.page?.total).toBe(ARTICLES);
  });

  it('follows edits: rewritten after a change, so the next start shows the edited row', async () => {
    const dir = await notebook();
    const b = await open(dir);
    const first = (await b.handlers['articles.list']({ ...FIRST_PAGE_QUERY })).items[0]!;
    await b.handlers['articles.update']({ id: first.id, patch: { title: 'Edited before closing' } });
    await b.close();
    const read = await readFirstPage(layout(dir));
    expect(read.page?.items[0]).toMatchObject({ id: first.id, title: 'Edited before closing' });
  });

  it('is stale once the catalog is written by anyone, and then ignored', async () => {
    const dir = await notebook();
    await (await open(dir)).close();
    expect((await readFirstPage(layout(dir))).page).not.toBeNull();
    // A writer that keeps no first page (the CLI): the journal gets a row, the saved page does not.
    const cli = await openBackend(dir, { durability: 'none', search: { runIn: 'inline' } });
    const first = (await cli.handlers['articles.list']({ ...FIRST_PAGE_QUERY })).items[0]!;
    await cli.handlers['articles.update']({ id: first.id, patch: { title: 'Edited from the command line' } });
    const read = await readFirstPage(layout(dir));
    expect(read).toEqual({ page: null, reason: 'the catalog changed after it was saved' });
    await cli.close();
  });

  it('is ignored when damaged: edited rows, a cut-off file, rows of the wrong shape, another format', async () => {
    const dir = await notebook();
    await (await open(dir)).close();
    const l = layout(dir);
    const good = readFileSync(l.firstPage, 'utf8');
    const [header, body] = good.split('\n') as [string, string];
    const cases: Array<[string, string]> = [
      [`${header}\n${body.replace(scaleTitle(ARTICLES - 1), 'Forged title')}`, 'its checksum does not match'],
      [good.slice(0, good.length - 40), 'its checksum does not match'],
      [header, 'it is cut short'],
      ['{"format":"parallax-first-page"', 'it is cut short'],
      [`{not json\n${body}`, 'it does not parse as JSON'],
      [`${JSON.stringify({ ...JSON.parse(header), format: 'something-else' })}\n${body}`, 'not a saved first page'],
    ];
    for (const [text, reason] of cases) {
      writeFileSync(l.firstPage, text);
      expect(await readFirstPage(l), reason).toEqual({ page: null, reason });
    }
    // Well-formed and correctly summed, but not library rows.
    await writeFirstPage(l, { total: 1, items: [{ id: 'x' }] } as unknown as FirstPage, await catalogRevision(l), 'none');
    expect(await readFirstPage(l)).toEqual({ page: null, reason: 'its rows are not library rows' });
  });

  it('a damaged page changes nothing in the notebook, and the next open writes a sound one', async () => {
    const dir = await notebook();
    const expected = await listFirstPage(dir);
    const l = layout(dir);
    writeFileSync(l.firstPage, 'garbage');
    const shardsBefore = readdirSync(l.catalogDir).filter((n) => n !== 'first-page.json');
    const b = await open(dir);
    expect(await b.handlers['articles.list']({ ...FIRST_PAGE_QUERY })).toEqual(expected);
    expect(b.store.notice).toBeNull();
    await b.close();
    expect(readdirSync(l.catalogDir).filter((n) => n !== 'first-page.json')).toEqual(shardsBefore);
    expect((await readFirstPage(l)).page).toEqual(expected);
  });

  it('is not written into a notebook opened only to read', async () => {
    const dir = await notebook();
    const reader = await openBackend(dir, { readerOnly: true, keepFirstPage: true, search: { runIn: 'inline' } });
    await reader.close();
    expect(existsSync(layout(dir).firstPage)).toBe(false);
  });
});

describe('answerFromFirstPage', () => {
  const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `a${i}` })) as unknown as FirstPage['items'];
  const page: FirstPage = { total: 1000, items: rows(200) };

  it('answers the opening list: no filter or tag, newest first, from the top, within the saved rows', () => {
    expect(answerFromFirstPage(page, { sort: 'date', offset: 0, limit: 200 })).toEqual(page);
    expect(answerFromFirstPage(page, { direction: 'desc', limit: 50 })?.items).toHaveLength(50);
    expect(answerFromFirstPage(page, { filter: '  ', limit: 200 })?.total).toBe(1000);
  });

  it('leaves every other list to the catalog', () => {
    for (const q of [
      { filter: 'bbc', limit: 10 },
      { tag: 'x', limit: 10 },
      { sort: 'title' as const, limit: 10 },
      { direction: 'asc' as const, limit: 10 },
      { offset: 200, limit: 200 },
      { limit: 400 },
      {},
    ]) {
      expect(answerFromFirstPage(page, q), JSON.stringify(q)).toBeNull();
    }
  });

  it('answers any length when the saved page is the whole library', () => {
    const whole: FirstPage = { total: 3, items: rows(3) };
    expect(answerFromFirstPage(whole, {})).toEqual(whole);
    expect(answerFromFirstPage(whole, { limit: 200 })).toEqual(whole);
  });
});

describe('FirstPageKeeper', () => {
  it('saves again after the idle compaction rewrites the shards, so a killed process leaves a current page', async () => {
    const dir = await notebook();
    // The compaction comes after the save that follows the edit (1 s): that save's stamp goes stale.
    const b = await openBackend(dir, { durability: 'none', keepFirstPage: true, compact: { idleMs: 1_500 }, search: { runIn: 'inline' } });
    const first = (await b.handlers['articles.list']({ ...FIRST_PAGE_QUERY })).items[0]!;
    await b.handlers['articles.update']({ id: first.id, patch: { title: 'Edited and left idle' } });
    const l = layout(dir);
    // No close: what is on disk once the store has compacted and the keeper has caught up is what a kill leaves.
    const settled = async () => readFileSync(l.catalogJournal, 'utf8') === '' && (await readFirstPage(l)).page !== null;
    for (let tries = 0; tries < 120 && !(await settled()); tries++) await new Promise((r) => setTimeout(r, 50));
    expect(readFileSync(l.catalogJournal, 'utf8')).toBe('');
    expect((await readFirstPage(l)).page?.items[0]).toMatchObject({ id: first.id, title: 'Edited and left idle' });
    await b.close();
  });
});
