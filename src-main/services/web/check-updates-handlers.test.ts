import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MethodName, MethodOutput } from '../../contract';
import { callHandler } from '../../../tests/helpers/api';
import type { ArticlePageServer } from '../../../tests/helpers/article-page-server';
import { PAGE_V1, PAGE_V2, pageVersion1Html, startArticlePageServer } from '../../../tests/helpers/article-page-server';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import type { Backend } from '../backend';
import { openBackend } from '../backend';
import { articleProblem } from '../store/stored-shapes';

const tempDir = useTempDirs();
let server: ArticlePageServer;
let backend: Backend;
let id: string;

async function api<M extends MethodName>(method: M, payload: unknown): Promise<MethodOutput<M>> {
  const r = await callHandler(backend.handlers, method, payload);
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
  return r.value as MethodOutput<M>;
}
async function failure(method: MethodName, payload: unknown) {
  const r = await callHandler(backend.handlers, method, payload);
  if (r.ok) throw new Error(`${method} unexpectedly succeeded`);
  return r.error;
}
const bytesOf = () => readFile(backend.store.layout.article(id));
const annotate = (exact: string) => api('annotations.create', { articleId: id, target: { quote: { exact } } });
const setUrl = (url: string) => api('articles.update', { id, patch: { url } });

beforeAll(async () => {
  server = await startArticlePageServer();
});
afterAll(() => server.close());

beforeEach(async () => {
  server.setVersion(1);
  server.setFurniture('');
  backend = await openBackend(join(tempDir(), 'nb'), {
    create: true,
    durability: 'none',
    search: { runIn: 'inline', waitForIndexMs: Infinity },
    web: { timeoutMs: 2000 },
  });
  // The page as saved from the browser on the first day, with the address it came from.
  const report = await api('articles.importFiles', {
    files: [{ name: 'ferry-lesbos.html', contentBase64: Buffer.from(pageVersion1Html()).toString('base64') }],
  });
  id = report.imported[0]!.id;
  await setUrl(server.url);
}, 60_000); // opening a notebook and importing take seconds on a loaded machine
afterEach(() => backend.close(), 60_000);

describe('articles.checkUpdates: the outlet changed its text', () => {
  it('keeps both versions, shows the new one and re-anchors the annotations with their status', async () => {
    const moved = await annotate(PAGE_V1.talks);
    const revised = await annotate(PAGE_V1.toll);
    const steady = await annotate('Survivors were taken to the main hospital in Mytilene');
    server.setVersion(2);
    const r = await api('articles.checkUpdates', { id });
    expect(r).toMatchObject({ changed: true, unchanged: null, message: null, versionCount: 2, titleChanged: true, previousVersion: 1, shownVersion: 2 });
    // The moved paragraph is found in its new place; the revised toll is found changed (drifted: worth a look).
    expect(r.annotations).toEqual({ ok: 2, drifted: 1, orphaned: 0 });
    const article = await api('articles.get', { id });
    expect(article.title).toBe(PAGE_V2.headline);
    expect(article.body).toContain(PAGE_V2.added);
    const after = new Map((await api('annotations.list', { articleId: id })).items.map((a) => [a.id, a]));
    expect(after.get(moved.id)!.anchor.status).toBe('ok');
    expect(article.body.slice(after.get(moved.id)!.anchor.start!, after.get(moved.id)!.anchor.end!)).toBe(PAGE_V1.talks);
    expect(after.get(moved.id)!.anchor.start).toBeGreaterThan(moved.anchor.start!);
    expect(after.get(revised.id)!.anchor.status).toBe('drifted');
    expect(after.get(steady.id)!.anchor.status).toBe('ok');

    const { versions } = await api('articles.versions', { id });
    expect(versions.map((v) => [v.n, v.title, v.shown])).toEqual([
      [1, PAGE_V1.headline, false],
      [2, PAGE_V2.headline, true],
    ]);
    // The library's row and a story's timeline get the update's time.
    const [summary] = (await api('articles.summaries', { ids: [id] })).items;
    expect(summary!.outletUpdates).toHaveLength(1);
    expect(Date.parse(summary!.outletUpdates![0]!)).not.toBeNaN();
  });

  it('shows what changed word by word, the headline too', async () => {
    server.setVersion(2);
    await api('articles.checkUpdates', { id });
    const d = await api('articles.versionDiff', { id });
    expect([d.from, d.to]).toEqual([1, 2]);
    const marked = (segments: typeof d.body, op: string) => segments.filter((s) => s.op === op).map((s) => s.text.trim());
    expect(marked(d.title, 'deleted')).toEqual(['five']);
    expect(marked(d.title, 'inserted')).toEqual(['seven', 'as search continues']);
    expect(marked(d.body, 'deleted')).toContain('Five');
    expect(marked(d.body, 'inserted')).toEqual(expect.arrayContaining(['Seven', 'on Monday']));
    expect(marked(d.body, 'inserted').join(' ')).toContain(PAGE_V2.added.slice(0, -1));
    // The unchanged and inserted runs read as the new text.
    const article = await api('articles.get', { id });
    expect(d.body.filter((s) => s.op !== 'deleted').map((s) => s.text).join('')).toBe(article.body);
    expect(d.title.filter((s) => s.op !== 'deleted').map((s) => s.text).join('')).toBe(PAGE_V2.headline);
  });

  it("lists the update on the story's timeline after the publication, beside an outlet never updated", async () => {
    const other = await api('articles.importText', {
      title: 'Ferry toll rises off Lesbos',
      text: 'Published 11 October 2025. Coastguard officers said the search near Lesbos went on through the night.',
    });
    const otherId = other.imported[0]!.id;
    const story = await api('stories.create', { name: 'Lesbos ferry', articleIds: [id, otherId] });
    const before = await api('stories.timeline', { id: story.id });
    expect([...before.articles, ...before.undated].every((a) => a.updates.length === 0)).toBe(true);
    server.setVersion(2);
    const checkStarted = Date.now();
    await api('articles.checkUpdates', { id });
    const checkEnded = Date.now();
    const t = await api('stories.timeline', { id: story.id });
    const updated = [...t.articles, ...t.undated].find((a) => a.id === id)!;
    expect(updated.updates).toHaveLength(1);
    // The server's Last-Modified predates the first fetch, so the update is when the check found the change.
    expect(Date.parse(updated.updates[0]!)).toBeGreaterThanOrEqual(checkStarted - 1000);
    expect(Date.parse(updated.updates[0]!)).toBeLessThanOrEqual(checkEnded + 1000);
    if (updated.published) expect(Date.parse(updated.updates[0]!)).toBeGreaterThan(Date.parse(updated.published));
    expect([...t.articles, ...t.undated].find((a) => a.id === otherId)!.updates).toEqual([]);
  });

  it('goes back to an earlier version and forward again, the annotations following (the undo of a check)', async () => {
    const revised = await annotate(PAGE_V1.toll);
    server.setVersion(2);
    await api('articles.checkUpdates', { id });
    const back = await api('articles.showVersion', { id, version: 1 });
    expect(back).toMatchObject({ previousVersion: 2, shownVersion: 1, annotations: { ok: 1, drifted: 0, orphaned: 0 } });
    expect(back.article.title).toBe(PAGE_V1.headline);
    expect(back.article.body).toContain(PAGE_V1.toll);
    expect((await api('articles.versions', { id })).versions.map((v) => v.shown)).toEqual([true, false]);
    // The outlet's text has not changed since: checking again keeps the version the user chose.
    const again = await api('articles.checkUpdates', { id });
    expect(again).toMatchObject({ changed: false, versionCount: 2, shownVersion: 1 });
    const forward = await api('articles.showVersion', { id, version: 2 });
    expect(forward.annotations).toEqual({ ok: 0, drifted: 1, orphaned: 0 });
    const [a] = (await api('annotations.list', { articleId: id })).items;
    expect(a!.id).toBe(revised.id);
    expect(a!.quote.exact).toBe(PAGE_V1.toll); // the selectors the user made are kept
  });

  it('refuses a version that does not exist, naming how many there are', async () => {
    expect(await failure('articles.showVersion', { id, version: 1 })).toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('one version only') });
    server.setVersion(2);
    await api('articles.checkUpdates', { id });
    expect(await failure('articles.versionDiff', { id, from: 1, to: 3 })).toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('has 2 versions') });
  });
});

describe('articles.checkUpdates: nothing changed', () => {
  it('says since when, and stores only the time of the check', async () => {
    const before = JSON.parse((await bytesOf()).toString('utf8'));
    const r = await api('articles.checkUpdates', { id });
    expect(r).toMatchObject({ changed: false, unchanged: 'same-text', versionCount: 0, titleChanged: false, previousVersion: 1, shownVersion: 1 });
    expect(r.message).toMatch(/^No change since \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/);
    const after = JSON.parse((await bytesOf()).toString('utf8'));
    expect(after.lastCheck).toEqual({ checkedAt: r.checkedAt, etag: '"v1"', lastModified: 'Mon, 30 Nov 2026 06:00:00 GMT' });
    delete after.lastCheck;
    expect(after).toEqual(before);
  });

  it('asks the server "changed since?" and takes its 304 as no change', async () => {
    await api('articles.checkUpdates', { id });
    const r = await api('articles.checkUpdates', { id });
    expect(r.unchanged).toBe('not-modified');
    expect(server.requests.at(-1)!.ifNoneMatch).toBe('"v1"');
    expect((await api('articles.versions', { id })).versions).toEqual([]);
  });

  it('takes new page furniture around the same text as no change', async () => {
    server.setFurniture('b');
    const r = await api('articles.checkUpdates', { id });
    expect(r).toMatchObject({ changed: false, unchanged: 'same-text' });
  });
});

describe('articles.checkUpdates: what cannot be checked leaves the article as it was', () => {
  it('refuses an article without an address with BAD_INPUT', async () => {
    const pasted = await api('articles.importText', { text: 'A note typed by hand\n\nThe meeting moved to Thursday, the council said.' });
    const other = pasted.imported[0]!.id;
    const e = await failure('articles.checkUpdates', { id: other });
    expect(e.code).toBe('BAD_INPUT');
    expect(e.message).toContain('has no web address to check');
  });

  it('an unreachable address: the fetcher says so, and the article file is byte for byte the same', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await setUrl(`http://127.0.0.1:${port}/world/ferry-lesbos`);
    const before = await bytesOf();
    const e = await failure('articles.checkUpdates', { id });
    expect(e.code).toBe('UNREACHABLE');
    expect(e.message).toContain('refused the connection');
    expect((await bytesOf()).equals(before)).toBe(true);
  });

  it('a page that takes too long: TIMEOUT, and the article file is byte for byte the same', async () => {
    await setUrl(server.slowUrl);
    const before = await bytesOf();
    const e = await failure('articles.checkUpdates', { id });
    expect(e.code).toBe('TIMEOUT');
    expect((await bytesOf()).equals(before)).toBe(true);
  });

  it('a page that is gone: NOT_FOUND, and the article with its versions is unchanged', async () => {
    server.setVersion(2);
    await api('articles.checkUpdates', { id });
    await setUrl(server.url.replace('ferry-lesbos', 'ferry-removed'));
    const before = await bytesOf();
    expect((await failure('articles.checkUpdates', { id })).code).toBe('NOT_FOUND');
    expect((await bytesOf()).equals(before)).toBe(true);
  });
});

describe('stored records and versions', () => {
  it('reads a record saved before versions existed, and one with versions; refuses damaged versions', async () => {
    const old = JSON.parse((await bytesOf()).toString('utf8'));
    delete old.lastCheck;
    expect(old.versions).toBeUndefined();
    expect(articleProblem(old, id)).toBeNull();
    server.setVersion(2);
    await api('articles.checkUpdates', { id });
    const withVersions = JSON.parse((await bytesOf()).toString('utf8'));
    expect(withVersions.versions).toHaveLength(2);
    expect(articleProblem(withVersions, id)).toBeNull();
    expect(articleProblem({ ...withVersions, versions: [{ title: 'x' }] }, id)).toMatch(/^it is not an article record \(versions\.0\./);
  });
});
