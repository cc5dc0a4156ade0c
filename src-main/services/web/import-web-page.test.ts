import { existsSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callHandler } from '../../../tests/helpers/api';
import { makePdf, proseLines } from '../../../tests/helpers/pdf-fixtures';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import type { Backend } from '../backend';
import { openBackend } from '../backend';
import { readSnapshot } from '../store/snapshot-files';

const tempDir = useTempDirs();

/**
 * A page in Greek, served as ISO-8859-7: sniffing the bytes alone reads them as Windows-1252 (Greek is not
 * among the code pages a file is guessed in), so only the declared charset gives the right letters.
 */
const greek =
  '<html lang="el"><head><title>Συνομιλίες για την ασφάλεια στην Άγκυρα</title></head><body><article><h1>Συνομιλίες για την ασφάλεια στην Άγκυρα</h1>' +
  '<p>Ο υπουργός Εξωτερικών δήλωσε ότι οι συνομιλίες για την ασφάλεια των συνόρων θα συνεχιστούν την Πέμπτη στην Άγκυρα.</p>' +
  '<p>Στις συνομιλίες συμμετέχουν αντιπροσωπείες των δύο υπουργείων Άμυνας· κοινή ανακοίνωση αναμένεται την Παρασκευή.</p></article></body></html>';

const article = (title: string, words: string) =>
  `<html lang="en"><head><title>${title}</title></head><body><article><h1>${title}</h1>` +
  `<p>${words} The council met on Monday evening and agreed the plan after a long debate in the town hall.</p>` +
  `<p>Residents will be asked for their views at two public meetings next month, the council said.</p></article></body></html>`;

/** A page whose DOM is full of script in every place a script can hide. */
const hostile =
  '<html><head><title>Ferry strike ends</title><script>window.__pwned = 1</script>' +
  '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Ferry strike ends"}</script>' +
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)"><base href="javascript:alert(2)//"></head>' +
  '<body onload="alert(3)"><article><h1 onclick="alert(4)">Ferry strike ends</h1>' +
  '<p>The ferry crews went back to work on Tuesday after the port authority agreed to their terms, the union said.</p>' +
  '<p><a href="javascript:alert(5)">Crossings</a> to the islands will run on the normal timetable from Wednesday morning onwards.</p>' +
  '<img src=x onerror="alert(6)"><svg><script>alert(7)</script></svg><iframe srcdoc="<script>alert(8)</script>"></iframe>' +
  '<noscript><script>alert(9)</script></noscript><object data="javascript:alert(10)"></object>' +
  '<form action="javascript:alert(11)"><button formaction="javascript:alert(12)">Go</button></form></article>' +
  '<script src="https://tracker.example/t.js"></script></body></html>';

let server: Server;
let base = '';
let closedPort = 0;
let pdf: Uint8Array;

beforeAll(async () => {
  pdf = await makePdf({ title: 'Harbour authority annual report', pages: [{ lines: proseLines(14, 5) }, { lines: proseLines(14, 6) }] });
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    const send = (type: string, body: string | Uint8Array) => {
      res.writeHead(200, { 'content-type': type });
      res.end(body);
    };
    if (path === '/el') send('text/html; charset=ISO-8859-7', iconv.encode(greek, 'iso-8859-7'));
    else if (path === '/report') send('application/pdf', pdf);
    else if (path === '/hop/1') {
      res.writeHead(302, { location: '/hop/2' });
      res.end();
    } else if (path === '/hop/2') {
      res.writeHead(301, { location: `${base}/final?id=7` });
      res.end();
    } else if (path === '/final?id=7') send('text/html; charset=utf-8', article('Bridge plan agreed', 'After redirects.'));
    else if (path.startsWith('/loop/')) {
      res.writeHead(302, { location: path === '/loop/a' ? '/loop/b' : '/loop/a' });
      res.end();
    } else if (path === '/huge') {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(200 * 1024 * 1024) });
      res.end();
    } else if (path === '/streamed') {
      // No length declared: 21 MB arrive in chunks, past the 20 MB limit.
      res.writeHead(200, { 'content-type': 'text/html' });
      res.on('error', () => undefined);
      const chunk = Buffer.alloc(256 * 1024, 'a');
      let sent = 0;
      const pump = () => {
        while (sent < 84 && !res.destroyed && res.write(chunk)) sent++;
        if (sent < 84 && !res.destroyed) res.once('drain', pump);
        else res.end();
      };
      pump();
    } else if (path === '/hostile') send('text/html', hostile);
    else if (path === '/plain')
      send(
        'text/plain; charset=utf-8',
        'Harbour closed\n\nThe harbour was closed to shipping on Sunday because of the storm, the port said.\n',
      );
    else if (path === '/image') send('image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    else {
      res.writeHead(404, 'Not Found', { 'content-type': 'text/html' });
      res.end('<p>Not here</p>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  closedPort = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function notebook(): Promise<{ backend: Backend; root: string }> {
  const root = join(tempDir(), 'nb');
  const backend = await openBackend(root, { create: true, durability: 'none' });
  return { backend, root };
}

async function importUrl(backend: Backend, url: string, extra: Record<string, unknown> = {}) {
  const r = await callHandler(backend.handlers, 'articles.importUrl', { url, ...extra });
  if (!r.ok) throw new Error(`${r.error.code} ${r.error.message}`);
  return r.value;
}

/** Every file under the notebook's snapshots/ and tmp/ folders: a refused import leaves none behind. */
const leftovers = (root: string) =>
  ['snapshots', 'tmp'].flatMap((d) =>
    existsSync(join(root, d))
      ? readdirSync(join(root, d), { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) => e.name)
      : [],
  );

describe('importing a web address', () => {
  it('reads a page by its declared charset, keeps the final address and a snapshot with the fetch time', async () => {
    const { backend } = await notebook();
    const before = Date.now();
    const got = await importUrl(backend, `${base}/el`);
    expect(got).toMatchObject({ duplicate: false, url: `${base}/el`, title: 'Συνομιλίες για την ασφάλεια στην Άγκυρα' });
    const detail = await callHandler(backend.handlers, 'articles.get', { id: got.id });
    if (!detail.ok) throw new Error(detail.error.message);
    expect(detail.value.url).toBe(`${base}/el`);
    expect(detail.value.body).toContain('ασφάλεια των συνόρων θα συνεχιστούν την Πέμπτη');
    const snap = await readSnapshot(backend.store, got.id);
    expect(snap?.meta).toMatchObject({ kind: 'html', url: `${base}/el`, file: null });
    expect(Date.parse(snap!.meta.fetchedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(snap!.bytes.toString('utf8')).toContain('Ο υπουργός Εξωτερικών');
    // The citation uses the address and the day it was fetched.
    const csl = await callHandler(backend.handlers, 'export.run', { format: 'csl', scope: { articleIds: [got.id] } });
    if (!csl.ok) throw new Error(csl.error.message);
    const [item] = JSON.parse(Buffer.from(csl.value.contentBase64, 'base64').toString('utf8')) as Array<{
      URL: string;
      accessed: { 'date-parts': number[][] };
    }>;
    const day = new Date(snap!.meta.fetchedAt);
    expect(item).toMatchObject({
      URL: `${base}/el`,
      accessed: { 'date-parts': [[day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()]] },
    });
    // The same address again is the same article.
    expect(await importUrl(backend, `${base}/el`)).toMatchObject({ id: got.id, duplicate: true });
    await backend.close();
  });

  it('imports a PDF from its text layer and keeps the PDF itself as the snapshot', async () => {
    const { backend } = await notebook();
    const got = await importUrl(backend, `${base}/report`);
    const snap = await readSnapshot(backend.store, got.id);
    expect(snap?.meta).toMatchObject({ kind: 'pdf', url: `${base}/report`, size: pdf.length });
    expect(Buffer.compare(snap!.bytes, Buffer.from(pdf))).toBe(0);
    const detail = await callHandler(backend.handlers, 'articles.get', { id: got.id });
    expect(detail.ok && detail.value.body).toMatch(/storms northern harbour/);
    await backend.close();
  });

  it('follows redirects and keeps where the page was in the end', async () => {
    const { backend } = await notebook();
    const got = await importUrl(backend, `${base}/hop/1`, { tag: 'topic/planning' });
    expect(got).toMatchObject({ url: `${base}/final?id=7`, title: 'Bridge plan agreed' });
    const detail = await callHandler(backend.handlers, 'articles.get', { id: got.id });
    expect(detail.ok && [detail.value.url, detail.value.tags]).toEqual([`${base}/final?id=7`, ['topic/planning']]);
    expect((await readSnapshot(backend.store, got.id))?.meta.url).toBe(`${base}/final?id=7`);
    await backend.close();
  });

  it('keeps plain text as an article with its address', async () => {
    const { backend } = await notebook();
    const got = await importUrl(backend, `${base}/plain`);
    const detail = await callHandler(backend.handlers, 'articles.get', { id: got.id });
    expect(detail.ok && [detail.value.title, detail.value.url]).toEqual(['Harbour closed', `${base}/plain`]);
    await backend.close();
  });

  it('never keeps a script, a handler or a javascript: address, in the article or its snapshot', async () => {
    const { backend } = await notebook();
    const got = await importUrl(backend, `${base}/hostile`);
    const record = await backend.store.readArticle(got.id);
    const snap = await readSnapshot(backend.store, got.id);
    const shown = await callHandler(backend.handlers, 'articles.snapshot', { id: got.id, content: true });
    if (!shown.ok || shown.value.content?.kind !== 'html') throw new Error('no page snapshot');
    for (const kept of [record.raw, snap!.bytes.toString('utf8'), shown.value.content.html, JSON.stringify(record.analysis)]) {
      expect(kept).not.toMatch(
        /<script|<iframe|<object|<svg|<form|<base|srcdoc|\bon(load|click|error)\s*=|javascript:|alert\(|__pwned|tracker\.example/i,
      );
    }
    expect(snap!.bytes.toString('utf8')).toContain('The ferry crews went back to work');
    expect(record.analysis.body).toContain('The ferry crews went back to work');
    await backend.close();
  });

  const refusals: Array<[string, () => string, string, RegExp]> = [
    ['a redirect loop', () => `${base}/loop/a`, 'UNREACHABLE', /redirects in a loop/],
    ['a 200 MB page (declared)', () => `${base}/huge`, 'TOO_LARGE', /200\.0 MB.*up to 20\.0 MB/],
    ['a page that grows past 20 MB as it streams', () => `${base}/streamed`, 'TOO_LARGE', /larger than 20\.0 MB/],
    ['a 404', () => `${base}/gone`, 'NOT_FOUND', /answered 404/],
    ['a closed port', () => `http://127.0.0.1:${closedPort}/a`, 'UNREACHABLE', /refused the connection/],
    ['an image', () => `${base}/image`, 'UNSUPPORTED', /image\/png, not a web page/],
    ['a file: address', () => 'file:///etc/passwd', 'UNSUPPORTED', /http and https addresses only/],
    ['an address with a password', () => 'https://me:secret@news.example/a', 'BAD_INPUT', /user name or password/],
  ];
  it.each(refusals)('refuses %s with a clear message and leaves the notebook as it was', async (_what, url, code, message) => {
    const { backend, root } = await notebook();
    await callHandler(backend.handlers, 'notebook.importSample', {});
    const listBefore = await callHandler(backend.handlers, 'articles.list', {});
    const leftBefore = leftovers(root);
    const r = await callHandler(backend.handlers, 'articles.importUrl', { url: url(), tag: 'topic/never' });
    expect(r.ok ? 'ok' : r.error.code).toBe(code);
    expect(r.ok ? '' : r.error.message).toMatch(message);
    expect(await callHandler(backend.handlers, 'articles.list', {})).toEqual(listBefore);
    expect(leftovers(root)).toEqual(leftBefore);
    const tags = await callHandler(backend.handlers, 'tags.list', {});
    expect(tags.ok && tags.value.tags.map((t) => t.name)).not.toContain('topic/never');
    await backend.close();
  });

  it('refuses a story that does not exist before fetching anything', async () => {
    const { backend, root } = await notebook();
    const r = await callHandler(backend.handlers, 'articles.importUrl', { url: `${base}/el`, storyId: 'zzzzzzzz' });
    expect(r.ok ? 'ok' : r.error.code).toBe('NOT_FOUND');
    expect(backend.store.size).toBe(0);
    expect(leftovers(root)).toEqual([]);
    await backend.close();
  });
});
