import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../contract';
import type { EventName } from '../../contract';
import type { Backend, BackendOptions } from '../../services/backend';
import { openBackend } from '../../services/backend';
import { FIRST_PAGE_QUERY } from '../../services/library/library-snapshot';
import { startBackend } from '../../services/start-backend';
import { layout } from '../../services/store/notebook-layout';
import { buildLargeNotebook, scaleTitle } from '../../../tests/helpers/large-notebook';
import { tokenApi } from '../../../tests/helpers/serve-process';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import type { RunningServer } from './http-server';
import { startHttpServer } from './http-server';

const tempDir = useTempDirs();
const TOKEN = 'test-token-0123456789abcdef';
const ARTICLES = 250;
const options: BackendOptions = { durability: 'none', lockAs: 'web mode', search: { runIn: 'inline' } };
const cleanup: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** A notebook closed once by the app, so it holds a saved first page. */
async function notebookWithFirstPage(): Promise<string> {
  const dir = join(tempDir('parallax-start-up-'), 'nb');
  await buildLargeNotebook(dir, ARTICLES, 0);
  await (await openBackend(dir, { ...options, keepFirstPage: true })).close();
  return dir;
}

/**
 * Web mode started on `dir` with the notebook's opening held until `release` is called (the catalog "still
 * opening" for as long as the test likes); `fail` makes the opening fail instead.
 */
async function serveHeld(dir: string, opening: (open: () => Promise<Backend>) => Promise<Backend> = (open) => open()) {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  const events: Array<{ event: EventName; payload: unknown }> = [];
  const starting = await startBackend(dir, {
    ...options,
    emit: (event, payload) => void events.push({ event, payload }),
    open: (d, o) => opening(() => held.then(() => openBackend(d, o))),
  });
  cleanup.push(() => starting.ready.then((b) => b.close(), () => undefined));
  const server: RunningServer = await startHttpServer({ handlers: starting.handlers, token: TOKEN, port: 0 });
  cleanup.push(() => server.close());
  return { api: tokenApi(`http://127.0.0.1:${server.port}`, TOKEN), release, starting, events };
}

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Settles with the call's reply, and says meanwhile whether it has answered. */
function watch<T>(p: Promise<T>) {
  const w = { done: false, reply: p.finally(() => void (w.done = true)) };
  return w;
}

describe('web mode while the notebook is opening', () => {
  it('answers the library’s first page from the saved one, and the rest once the catalog is open', async () => {
    const dir = await notebookWithFirstPage();
    const { api, release, starting, events } = await serveHeld(dir);
    expect(starting.firstPageSaved).toBe(true);

    const page = await api('articles.list', { sort: 'date', offset: 0, limit: 200 });
    expect(page.ok).toBe(true);
    const value = page.value as { total: number; items: Array<{ id: string; title: string }> };
    expect(value.total).toBe(ARTICLES);
    expect(value.items).toHaveLength(200);
    expect(value.items[0]!.title).toBe(scaleTitle(ARTICLES - 1));
    expect(await api('search.status', {})).toMatchObject({ ok: true, value: { state: 'starting', totalArticles: ARTICLES } });
    // Bad input is refused at once, as always.
    expect(await api('articles.list', { limit: -1 })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });

    // What needs the catalog waits for it: another order, the notebook's details, a write.
    const titles = watch(api('articles.list', { sort: 'title', limit: 1 }));
    const info = watch(api('notebook.info', {}));
    const edit = watch(api('articles.update', { id: value.items[0]!.id, patch: { title: 'Renamed at launch' } }));
    await tick(150);
    expect([titles.done, info.done, edit.done]).toEqual([false, false, false]);

    release();
    const backend = await starting.ready;
    expect(await info.reply).toMatchObject({ ok: true, value: { articleCount: ARTICLES } });
    expect(await titles.reply).toMatchObject({ ok: true, value: { total: ARTICLES } });
    expect(await edit.reply).toMatchObject({ ok: true, value: { title: 'Renamed at launch' } });
    // Windows are told to fetch again what they showed from the saved page; from now on the catalog answers.
    expect(events).toContainEqual({ event: 'notebook.changed', payload: { ids: [], reason: 'opened' } });
    const after = (await api('articles.list', { ...FIRST_PAGE_QUERY })).value as typeof value;
    expect(after.items[0]!.title).toBe('Renamed at launch');
    expect((await api('search.status', {})).value).not.toMatchObject({ state: 'starting' });
    expect(backend.store.size).toBe(ARTICLES);
  });

  it('does not answer from a saved page the catalog has moved past: the library waits for the catalog', async () => {
    const dir = await notebookWithFirstPage();
    // A writer that keeps no first page (the CLI) renames the newest article.
    const cli = await openBackend(dir, { durability: 'none', search: { runIn: 'inline' } });
    const newest = (await cli.handlers['articles.list']({ ...FIRST_PAGE_QUERY })).items[0]!;
    await cli.handlers['articles.update']({ id: newest.id, patch: { title: 'Renamed from the command line' } });
    await cli.close();

    const { api, release, starting } = await serveHeld(dir);
    expect(starting.firstPageSaved).toBe(false);
    const page = watch(api('articles.list', { ...FIRST_PAGE_QUERY }));
    await tick(150);
    expect(page.done).toBe(false);
    release();
    expect(((await page.reply).value as { items: Array<{ title: string }> }).items[0]!.title).toBe('Renamed from the command line');
  });

  it('ignores a damaged saved page and answers from the catalog', async () => {
    const dir = await notebookWithFirstPage();
    writeFileSync(layout(dir).firstPage, '{"format":"parallax-first-page","revision":"x","checksum":"y"}\n[]');
    const { api, release, starting } = await serveHeld(dir);
    expect(starting.firstPageSaved).toBe(false);
    const page = watch(api('articles.list', { ...FIRST_PAGE_QUERY }));
    await tick(100);
    expect(page.done).toBe(false);
    release();
    expect(await page.reply).toMatchObject({ ok: true, value: { total: ARTICLES } });
  });

  it('answers every waiting call with the reason when the notebook cannot be opened', async () => {
    const dir = await notebookWithFirstPage();
    const { api, release, starting } = await serveHeld(dir, async (open) => {
      await open().then((b) => b.close());
      throw new AppError('CORRUPT', 'notebook.json is damaged; it was left untouched');
    });
    const info = watch(api('notebook.info', {}));
    const other = watch(api('articles.list', { sort: 'title' }));
    release();
    await expect(starting.ready).rejects.toThrow('notebook.json is damaged');
    for (const reply of [await info.reply, await other.reply]) {
      expect(reply).toEqual({ ok: false, error: { code: 'CORRUPT', message: 'notebook.json is damaged; it was left untouched' } });
    }
  });
});
