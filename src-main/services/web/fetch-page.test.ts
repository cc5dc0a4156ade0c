import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchPage, parseWebAddress } from './fetch-page';

let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/page') {
      res.writeHead(200, { 'content-type': 'text/html; charset=ISO-8859-9', etag: '"v1"', 'last-modified': 'Tue, 01 Dec 2026 10:00:00 GMT' });
      res.end('<html><head><title>Talks</title></head><body><p>Ankara</p></body></html>');
    } else if (path === '/hop/1') {
      res.writeHead(302, { location: '/hop/2' });
      res.end();
    } else if (path === '/hop/2') {
      res.writeHead(301, { location: `${base}/page#frag` });
      res.end();
    } else if (path.startsWith('/loop')) {
      res.writeHead(302, { location: path === '/loop/a' ? '/loop/b' : '/loop/a' });
      res.end();
    } else if (path.startsWith('/chain/')) {
      const n = Number(path.slice(7));
      res.writeHead(302, { location: `/chain/${n + 1}` });
      res.end();
    } else if (path === '/to-file') {
      res.writeHead(302, { location: 'file:///etc/passwd' });
      res.end();
    } else if (path === '/big-declared') {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(50 * 1024 * 1024) });
      res.end();
    } else if (path === '/big-streamed') {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      const pump = () => {
        while (sent < 400 && res.write(chunk)) sent++;
        if (sent < 400) res.once('drain', pump);
        else res.end();
      };
      res.on('error', () => undefined);
      pump();
    } else if (path === '/slow') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html>');
      // never ends: the deadline must fire
    } else if (path === '/image') {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(Buffer.from([0x89, 0x50]));
    } else if (path === '/gone') {
      res.writeHead(404, 'Not Found', { 'content-type': 'text/html' });
      res.end('<p>no</p>');
    } else if (path === '/broken') {
      res.writeHead(500, 'Internal Server Error');
      res.end();
    } else if (path === '/cached') {
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304);
        res.end();
      } else {
        res.writeHead(200, { 'content-type': 'text/html', etag: '"v1"' });
        res.end('<p>x</p>');
      }
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('parseWebAddress', () => {
  it('reads a bare host as https and drops the fragment', () => {
    expect(parseWebAddress(' example.com/news#top ').href).toBe('https://example.com/news');
  });
  it.each([
    ['', 'BAD_INPUT', /Type a web address/],
    ['ftp://example.com/a', 'UNSUPPORTED', /http and https addresses only, not ftp:/],
    ['file:///etc/passwd', 'UNSUPPORTED', /not file:/],
    ['javascript:alert(1)', 'UNSUPPORTED', /not javascript:/],
    ['https://me:secret@example.com/', 'BAD_INPUT', /user name or password/],
    ['http://exa mple.com', 'BAD_INPUT', /is not a web address/],
  ])('refuses %j', (address, code, message) => {
    expect(() => parseWebAddress(address)).toThrow(expect.objectContaining({ code, message: expect.stringMatching(message) }));
  });
});

describe('fetchPage', () => {
  it('returns the bytes, the declared charset, the validators and the access time', async () => {
    const page = await fetchPage(`${base}/page`);
    expect(page).toMatchObject({ url: `${base}/page`, status: 200, mediaType: 'text/html', charset: 'iso-8859-9', kind: 'html', etag: '"v1"' });
    expect(page.body.toString('latin1')).toContain('<title>Talks</title>');
    expect(Date.parse(page.fetchedAt)).not.toBeNaN();
  });

  it('follows redirects and keeps where the page was in the end', async () => {
    const page = await fetchPage(`${base}/hop/1`);
    expect(page.requestedUrl).toBe(`${base}/hop/1`);
    expect(page.url).toBe(`${base}/page`);
    expect(page.redirects).toEqual([`${base}/hop/2`, `${base}/page`]);
  });

  it('refuses an address that redirects in a loop or forever', async () => {
    await expect(fetchPage(`${base}/loop/a`)).rejects.toMatchObject({ code: 'UNREACHABLE', message: expect.stringMatching(/redirects in a loop/) });
    await expect(fetchPage(`${base}/chain/0`, { maxRedirects: 3 })).rejects.toMatchObject({
      code: 'UNREACHABLE',
      message: expect.stringMatching(/redirected more than 3 times/),
    });
  });

  it('does not follow a redirect away from http(s)', async () => {
    await expect(fetchPage(`${base}/to-file`)).rejects.toMatchObject({ code: 'UNSUPPORTED', message: expect.stringMatching(/redirects to a file: address/) });
  });

  it('refuses a page over the size limit, declared or streamed', async () => {
    await expect(fetchPage(`${base}/big-declared`)).rejects.toMatchObject({ code: 'TOO_LARGE', message: expect.stringMatching(/50\.0 MB/) });
    await expect(fetchPage(`${base}/big-streamed`, { maxBytes: 1024 * 1024 })).rejects.toMatchObject({
      code: 'TOO_LARGE',
      message: expect.stringMatching(/larger than 1\.0 MB/),
    });
  });

  it('gives up at the deadline', async () => {
    await expect(fetchPage(`${base}/slow`, { timeoutMs: 300 })).rejects.toMatchObject({ code: 'TIMEOUT', message: expect.stringMatching(/took longer than 300 ms; nothing was imported/) });
  });

  it('refuses what is not a page, PDF or text', async () => {
    await expect(fetchPage(`${base}/image`)).rejects.toMatchObject({ code: 'UNSUPPORTED', message: expect.stringMatching(/sent image\/png/) });
  });

  it('says what the server answered for an error status', async () => {
    await expect(fetchPage(`${base}/gone`)).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/answered 404 Not Found for \/gone/) });
    await expect(fetchPage(`${base}/broken`)).rejects.toMatchObject({ code: 'UNREACHABLE', message: expect.stringMatching(/answered 500/) });
  });

  it('says the host refused when nothing listens there', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(fetchPage(`http://127.0.0.1:${port}/x`)).rejects.toMatchObject({ code: 'UNREACHABLE', message: expect.stringMatching(/refused the connection/) });
  });

  it('says when a host cannot be found (offline or mistyped)', async () => {
    const offline = (() => Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } }))) as typeof fetch;
    await expect(fetchPage('https://news.example/a', { fetchImpl: offline })).rejects.toMatchObject({
      code: 'UNREACHABLE',
      message: 'news.example could not be found; check the address, or whether this computer is online',
    });
  });

  it('sends validators and reports an unchanged page as 304 with no body', async () => {
    const page = await fetchPage(`${base}/cached`, { ifNoneMatch: '"v1"' });
    expect(page.status).toBe(304);
    expect(page.body.length).toBe(0);
  });

  it('stops when the caller cancels', async () => {
    const controller = new AbortController();
    const pending = fetchPage(`${base}/slow`, { signal: controller.signal, timeoutMs: 10_000 });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});
