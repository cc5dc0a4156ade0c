import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../services/backend';
import { openBackend } from '../../services/backend';
import { snapshotDir } from '../../../tests/helpers/annotated-backend';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import type { ExtensionServer } from './extension-server';
import { parseExtensionPort, startExtensionServer } from './extension-server';

const tempDir = useTempDirs();
const EXT = `chrome-extension://${'c'.repeat(32)}`;
const OTHER_EXT = `chrome-extension://${'d'.repeat(32)}`;

type Reply = {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each route answers its own shape; the tests read its fields
  body: { ok: boolean; value?: any; error?: { code: string; message: string } };
};

function call(
  port: number,
  method: string,
  path: string,
  opts: { headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { Host: `127.0.0.1:${port}`, Origin: EXT, ...opts.headers };
    if (opts.body !== undefined) {
      headers['Content-Type'] ??= 'application/json';
      headers['Content-Length'] = Buffer.byteLength(opts.body);
    }
    for (const [k, v] of Object.entries(headers)) if (v === '') delete headers[k];
    const req = request({ host: '127.0.0.1', port, method, path, headers, setHost: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text ? JSON.parse(text) : { ok: false } });
      });
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

const ARTICLE = `<!doctype html><html lang="en"><head><title>Port reopens after strike | Harbour Times</title>
<meta property="og:site_name" content="Harbour Times"><meta property="og:title" content="Port reopens after strike"><script>window.stolen = document.cookie</script></head>
<body onload="alert(1)"><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Port reopens after strike</h1>
<p>The port reopened on Tuesday after a week-long strike by dock workers ended with an agreement on pay, the harbour authority said.</p>
<p>Ships that had waited offshore began unloading within hours, and officials expected the backlog to clear by the weekend.</p>
<p onclick="steal()">Union leaders said the deal <a href="javascript:alert(2)">raised</a> wages by eight percent over two years.</p>
<script>document.write('<p>injected by a script</p>')</script><iframe src="https://ads.example/frame"></iframe></article>
</body></html>`;

const page = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({ html: ARTICLE, url: 'https://harbour.example/news/port-reopens?src=home', ...extra });

let backend: Backend | null = null;
let server: ExtensionServer | null = null;
afterEach(async () => {
  await server?.close();
  await backend?.close();
  server = backend = null;
});

async function start(opts: { maxBodyBytes?: number } = {}) {
  const dir = join(tempDir(), 'nb');
  backend = await openBackend(dir, { create: true, durability: 'none', lockAs: 'a test', search: { runIn: 'inline' } });
  server = await startExtensionServer({
    handlers: backend.handlers,
    pairing: backend.pairing,
    port: 0,
    limits: opts.maxBodyBytes ? { save: { maxBodyBytes: opts.maxBodyBytes } } : undefined,
  });
  return { dir, port: server!.port, backend };
}

async function pair(port: number, b: Backend, origin = EXT): Promise<string> {
  const { code } = await b.handlers['extension.pairingCode']({});
  const r = await call(port, 'POST', '/v1/pair', { headers: { Origin: origin }, body: JSON.stringify({ code }) });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.value.token as string;
}

/** Everything in the notebook except what changes without a user's doing (the lock, the search index, temp files). */
const notebookFiles = (dir: string) => snapshotDir(dir, (rel) => /^(notebook\.lock|index|tmp)(\/|$)/.test(rel));

describe('the browser extension’s listener', () => {
  it('answers only an extension origin, naming this server in Host, and sends no CORS headers', async () => {
    const { port } = await start();
    const ok = await call(port, 'POST', '/v1/status', { body: '{}' });
    expect(ok.status).toBe(200);
    expect(ok.body.value).toEqual({ app: 'parallax', protocol: 1, paired: false });
    expect(Object.keys(ok.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    expect((await call(port, 'POST', '/v1/status', { body: '{}', headers: { Host: `localhost:${port}` } })).status).toBe(200);

    for (const origin of ['https://evil.example', `http://127.0.0.1:${port}`, 'null', '', `${EXT}.evil.example`]) {
      const r = await call(port, 'POST', '/v1/status', { body: '{}', headers: { Origin: origin } });
      expect(r.status, origin).toBe(403);
      expect(r.body.error?.code).toBe('FORBIDDEN');
    }
    for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1:${port + 1}`]) {
      const r = await call(port, 'POST', '/v1/status', { body: '{}', headers: { Host: host } });
      expect(r.status, host).toBe(403);
      expect(r.body.error?.message).toMatch(/is not this server/);
    }
  });

  it('refuses a save from an unpaired browser without reading the page, and the notebook is unchanged', async () => {
    const { dir, port } = await start();
    const before = notebookFiles(dir);
    for (const headers of [{}, { Authorization: 'Bearer not-a-token-anyone-was-given' }] as Array<Record<string, string>>) {
      const r = await call(port, 'POST', '/v1/save', { headers, body: page() });
      expect(r.status).toBe(401);
      expect(r.body.error?.message).toMatch(/not paired with Parallax.*Connect browser/);
    }
    expect(notebookFiles(dir)).toEqual(before);
    expect(backend!.store.size).toBe(0);
  });

  it('pairs with the code the app shows, then saves the page sanitised, with its address, tag, story and highlight', async () => {
    const { port, backend: b } = await start();
    const token = await pair(port, b);
    expect((await call(port, 'POST', '/v1/status', { body: '{}', headers: { Authorization: `Bearer ${token}` } })).body.value.paired).toBe(
      true,
    );
    const story = await b.handlers['stories.create']({ name: 'Port strike', articleIds: [] });
    const stories = await call(port, 'POST', '/v1/stories', { body: '{}', headers: { Authorization: `Bearer ${token}` } });
    expect(stories.body.value).toEqual([{ id: story.id, name: 'Port strike' }]);

    const r = await call(port, 'POST', '/v1/save', {
      headers: { Authorization: `Bearer ${token}` },
      body: page({ selection: 'a week-long strike\n by dock   workers', tag: 'Topic / Labour', storyId: story.id }),
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.value).toMatchObject({ title: 'Port reopens after strike', duplicate: false, highlight: 'added' });
    const article = await b.handlers['articles.get']({ id: r.body.value.id });
    expect(article.url).toBe('https://harbour.example/news/port-reopens?src=home');
    expect(article.outlet).toBe('Harbour Times');
    expect(article.tags).toEqual(['Topic/Labour']);
    expect(article.body).toContain('raised wages by eight percent');
    // The DOM is sanitised as a saved page is: no script, handler, frame or javascript: link is kept, or run.
    for (const gone of ['<script', 'onload', 'onclick', 'javascript:', '<iframe', 'stolen', 'injected by a script'])
      expect(article.raw).not.toContain(gone);
    expect(article.body).not.toContain('injected by a script');
    // The sanitised page is kept as the article's snapshot, with its address and when it arrived.
    const snap = await b.handlers['articles.snapshot']({ id: article.id, content: true });
    expect(snap.snapshot).toMatchObject({ kind: 'html', url: 'https://harbour.example/news/port-reopens?src=home', file: null });
    expect(Date.parse(snap.snapshot!.fetchedAt)).not.toBeNaN();
    expect(snap.content?.kind === 'html' && snap.content.html).toContain('raised</a> wages by eight percent');
    for (const gone of ['<script', 'onload', 'onclick', 'javascript:', '<iframe', 'stolen'])
      expect(snap.content?.kind === 'html' && snap.content.html).not.toContain(gone);
    const { items } = await b.handlers['annotations.list']({ articleId: article.id, sort: 'position', offset: 0, limit: 10 });
    expect(items.map((a) => a.quote.exact)).toEqual(['a week-long strike by dock workers']);
    expect((await b.handlers['stories.list']({})).stories[0]!.articleIds).toEqual([article.id]);

    // The same page again is the same article, reported as a duplicate.
    const again = await call(port, 'POST', '/v1/save', { headers: { Authorization: `Bearer ${token}` }, body: page() });
    expect(again.body.value).toMatchObject({ id: article.id, duplicate: true, highlight: 'none' });
    expect(b.store.size).toBe(1);
  });

  it('takes a token only from the extension that paired it', async () => {
    const { port, backend: b } = await start();
    const token = await pair(port, b, EXT);
    const r = await call(port, 'POST', '/v1/save', { headers: { Origin: OTHER_EXT, Authorization: `Bearer ${token}` }, body: page() });
    expect(r.status).toBe(401);
    expect(b.store.size).toBe(0);
  });

  it('refuses wrong codes, a used code, and more than ten tries a minute (429)', async () => {
    const { port, backend: b } = await start();
    const { code } = await b.handlers['extension.pairingCode']({});
    const wrong = await call(port, 'POST', '/v1/pair', {
      body: JSON.stringify({ code: 'ZZZZ-ZZZ2' === code ? 'ZZZZ-ZZZ3' : 'ZZZZ-ZZZ2' }),
    });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error?.message).toMatch(/not the code Parallax shows/);
    expect((await call(port, 'POST', '/v1/pair', { body: JSON.stringify({ code }) })).status).toBe(200);
    expect((await call(port, 'POST', '/v1/pair', { body: JSON.stringify({ code }) })).body.error?.message).toMatch(/make a new one/);
    let last: Reply | null = null;
    for (let i = 0; i < 10; i++) last = await call(port, 'POST', '/v1/pair', { body: JSON.stringify({ code: '2345-6789' }) });
    expect(last!.status).toBe(429);
    expect(last!.body.error?.message).toMatch(/Too many pairing attempts/);
    expect((await call(port, 'POST', '/v1/pair', { headers: { Origin: 'https://evil.example' }, body: '{"code":"x"}' })).status).toBe(403);
  });

  it('refuses a page over 20 MB with 413 and a clear message, before or after reading it, and keeps nothing', async () => {
    const { dir, port, backend: b } = await start();
    const token = await pair(port, b);
    const before = notebookFiles(dir);
    const auth = { Authorization: `Bearer ${token}` };
    // Declared too large: refused before a byte of it is read.
    const declared = await new Promise<Reply>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/v1/save',
          setHost: false,
          headers: {
            Host: `127.0.0.1:${port}`,
            Origin: EXT,
            ...auth,
            'Content-Type': 'application/json',
            'Content-Length': 200 * 1024 * 1024,
          },
        },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(text) }));
        },
      );
      req.on('error', reject);
      req.write('{"html":"');
    });
    expect(declared.status).toBe(413);
    expect(declared.body.error?.message).toMatch(/larger than 20 MB.*Nothing was saved/);
    // Within the body limit, but the page itself is over 20 MB (Arabic: two bytes a character).
    const big = `<html><body><p>${'ب'.repeat(10_600_000)}</p></body></html>`;
    const r = await call(port, 'POST', '/v1/save', { headers: auth, body: JSON.stringify({ html: big, url: 'https://big.example/' }) });
    expect(r.status).toBe(413);
    expect(r.body.error?.message).toMatch(/The page is 20\.\d MB; Parallax saves pages of up to 20\.0 MB/);
    expect(notebookFiles(dir)).toEqual(before);
  });

  it('refuses a body over its limit as it arrives, and a page naming a story that does not exist', async () => {
    const { dir, port, backend: b } = await start({ maxBodyBytes: 64 * 1024 });
    const token = await pair(port, b);
    const before = notebookFiles(dir);
    const auth = { Authorization: `Bearer ${token}` };
    const big = await call(port, 'POST', '/v1/save', { headers: auth, body: page({ selection: 'x'.repeat(100_000) }) });
    expect(big.status).toBe(413);
    const story = await call(port, 'POST', '/v1/save', { headers: auth, body: page({ storyId: 'ffffffffffffffff' }) });
    expect(story.status).toBe(404);
    expect(story.body.error?.message).toMatch(/No story.*Nothing was saved/);
    const bad = await call(port, 'POST', '/v1/save', {
      headers: auth,
      body: JSON.stringify({ html: ARTICLE, url: 'javascript:alert(1)' }),
    });
    expect(bad.status).toBe(400);
    expect(notebookFiles(dir)).toEqual(before);
  });

  it('reads its port setting strictly', () => {
    expect(parseExtensionPort(undefined)).toEqual({});
    expect(parseExtensionPort('OFF')).toBe('off');
    expect(parseExtensionPort('48300')).toEqual({ port: 48300 });
    expect(() => parseExtensionPort('70000')).toThrow(/0\.\.65535 or "off"/);
    expect(() => parseExtensionPort('48217; rm')).toThrow(/0\.\.65535/);
  });
});
