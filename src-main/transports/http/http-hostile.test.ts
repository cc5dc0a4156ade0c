/**
 * Web mode against clients that misbehave on purpose, over real sockets: broken addresses, bodies too big,
 * too slow or never finished, too many connections, a reader that stops reading, a handler whose answer
 * cannot be sent. Each time the server answers what it can (or closes), and keeps answering everyone else.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorCodes } from '../../contract';
import type { Handlers } from '../../contract';
import { openBackend } from '../../services/backend';
import { head, pushBody, rawConnect, rawRequest } from '../../../tests/helpers/raw-http';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import type { HttpLimits, RunningServer } from './http-server';
import { startHttpServer, statusOf } from './http-server';

const tempDir = useTempDirs();
const TOKEN = 'hostile-test-token-0123456789';
const MB = 1024 * 1024;
let server: RunningServer | undefined;
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await server?.close();
  server = undefined;
  for (const c of closers.splice(0)) await c();
});

async function start(limits: Partial<HttpLimits> = {}, override: Partial<Handlers> = {}) {
  const b = await openBackend(join(tempDir(), 'nb'), { create: true, durability: 'none' });
  closers.push(() => b.close());
  await b.handlers['notebook.importSample']({});
  server = await startHttpServer({ handlers: { ...b.handlers, ...override }, token: TOKEN, port: 0, limits });
  return server;
}

const auth = (port: number, extra: Record<string, string | number> = {}) => ({
  Host: `127.0.0.1:${port}`,
  Authorization: `Bearer ${TOKEN}`,
  'Content-Type': 'application/json',
  ...extra,
});
const post = (port: number, path: string, body = '{}', extra: Record<string, string | number> = {}) =>
  rawRequest(port, head('POST', path, auth(port, { 'Content-Length': Buffer.byteLength(body), ...extra })), body);
/** The server still answers an ordinary call. */
const stillAnswers = async (port: number) => {
  const r = await post(port, '/api/notebook.info');
  expect(r.status).toBe(200);
  expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { articleCount: 5 } });
};

describe('web mode survives hostile requests', () => {
  it('answers 400 to a method name with broken percent-encoding, and keeps running', async () => {
    const s = await start();
    const r = await post(s.port, '/api/%E0%A4%A');
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body).error).toEqual({
      code: 'BAD_INPUT',
      message: 'The method name in the address is not valid percent-encoding',
    });
    await stillAnswers(s.port);
  });

  it('answers 500 with a generic message when an answer cannot be sent, logs it without the token, and keeps running', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    // A value JSON cannot write: the failure happens in the transport, after dispatch.
    const s = await start({}, { 'notebook.info': async () => ({ count: 1n }) as never });
    try {
      const r = await post(s.port, '/api/notebook.info', '{}', { 'X-Probe': 'yes' });
      expect(r.status).toBe(500);
      expect(JSON.parse(r.body).error).toEqual({
        code: 'INTERNAL',
        message: 'The server could not answer this request; the reason is in its log',
      });
      const log = logged.mock.calls.flat().map(String).join('\n');
      expect(log).toMatch(/could not answer POST \/api\/notebook\.info/);
      expect(log).not.toContain(TOKEN);
      expect((await post(s.port, '/api/articles.outlets')).status).toBe(200);
    } finally {
      logged.mockRestore();
    }
  });

  it('reads no body from a client without the token, a foreign Host, or a static request: it answers and closes', async () => {
    const s = await start();
    const big = 128 * MB;
    const cases = [
      head('POST', '/api/notebook.info', { Host: `127.0.0.1:${s.port}`, 'Content-Type': 'application/json', 'Content-Length': 300 * MB }),
      head('POST', '/api/notebook.info', { ...auth(s.port), Host: `evil.example:${s.port}`, 'Content-Length': 300 * MB }),
      head('POST', '/api/notebook.info', {
        Host: `127.0.0.1:${s.port}`,
        'Content-Type': 'application/json',
        'Transfer-Encoding': 'chunked',
      }),
      head('GET', '/', { Host: `127.0.0.1:${s.port}`, 'Content-Length': 300 * MB }),
    ];
    const statuses: number[] = [];
    for (const h of cases) {
      const { reply, sent } = await pushBody(s.port, h, big);
      statuses.push(reply.status);
      expect(reply.headers.connection).toBe('close');
      // What the kernel buffers on both sides before the server closes; reading it all would be 128 MB.
      expect(sent).toBeLessThan(32 * MB);
    }
    expect(statuses).toEqual([401, 403, 401, 400]);
    await stillAnswers(s.port);
  });

  it('asks for a body (100 Continue) only when it will read it', async () => {
    const s = await start();
    const ask = (headers: Record<string, string | number>) =>
      head('POST', '/api/notebook.info', { ...headers, 'Content-Length': 2, Expect: '100-continue' });
    const stranger = await rawConnect(s.port);
    stranger.write(ask({ Host: `127.0.0.1:${s.port}`, 'Content-Type': 'application/json' }));
    expect((await stranger.reply()).status).toBe(401);
    expect(stranger.received().toString('latin1')).not.toMatch(/100 Continue/);
    stranger.socket.destroy();

    const user = await rawConnect(s.port);
    user.write(ask(auth(s.port)));
    await vi.waitFor(() => expect(user.received().toString('latin1')).toMatch(/^HTTP\/1\.1 100 Continue/));
    user.write('{}');
    expect((await user.reply()).status).toBe(200);
    user.socket.destroy();
  });

  it('refuses a declared body over the limit before reading it, and delivers the 413', async () => {
    const s = await start({ maxBodyBytes: 1 * MB });
    const c = await rawConnect(s.port);
    c.write(head('POST', '/api/articles.importText', auth(s.port, { 'Content-Length': 2 * MB })));
    const r = await c.reply();
    expect(r.status).toBe(413);
    expect(r.headers.connection).toBe('close');
    expect(JSON.parse(r.body).error).toEqual({ code: 'TOO_LARGE', message: 'Request bodies are limited to 1 MB' });
    await c.closed;
    await stillAnswers(s.port);
  });

  it('delivers the 413 for a chunked body that grows past the limit, stops reading it and closes', async () => {
    const s = await start({ maxBodyBytes: 1 * MB });
    const c = await rawConnect(s.port);
    c.write(head('POST', '/api/articles.importText', auth(s.port, { 'Transfer-Encoding': 'chunked' })));
    const piece = Buffer.alloc(256 * 1024, 0x61);
    let written = 0;
    let gone = false;
    void c.closed.then(() => (gone = true));
    while (!gone && written < 128 * MB) {
      const ok = c.socket.write(Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n')]));
      written += piece.length;
      if (!ok) await new Promise<void>((r) => (c.socket.once('drain', r), c.socket.once('close', r)));
    }
    const r = await c.reply();
    expect(r.status).toBe(413);
    expect(r.headers.connection).toBe('close');
    expect(JSON.parse(r.body).error.code).toBe('TOO_LARGE');
    expect(written).toBeLessThan(32 * MB);
    await stillAnswers(s.port);
  });

  it('answers 408 to a body that stops arriving, and to one that dribbles in too slowly', async () => {
    const s = await start({ bodyIdleMs: 200, bodyTotalMs: 1_000 });
    const silent = await rawConnect(s.port);
    silent.write(head('POST', '/api/articles.importText', auth(s.port, { 'Content-Length': 100 })));
    silent.write('{"text":"');
    const r = await silent.reply();
    expect(r.status).toBe(408);
    expect(JSON.parse(r.body).error).toEqual({ code: 'TIMEOUT', message: 'The request body stopped arriving; send it again' });
    expect(r.headers.connection).toBe('close');

    const slow = await rawConnect(s.port);
    slow.write(head('POST', '/api/articles.importText', auth(s.port, { 'Content-Length': 10_000 })));
    const drip = setInterval(() => slow.write('a'), 50);
    try {
      const d = await slow.reply();
      expect(d.status).toBe(408);
      expect(JSON.parse(d.body).error.message).toMatch(/took longer than 1 s/);
    } finally {
      clearInterval(drip);
    }
    await stillAnswers(s.port);
  });

  it('closes a connection whose headers never finish', async () => {
    const s = await start({ headersTimeoutMs: 300 });
    const c = await rawConnect(s.port);
    c.write(`POST /api/notebook.info HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\n`);
    const r = await c.reply(); // Node answers 408 and closes
    expect(r.closed).toBe(true);
    expect([0, 408]).toContain(r.status);
    await stillAnswers(s.port);
  });

  it('does not cut off a call that takes longer than the body limits once its body has arrived', async () => {
    const slowInfo: Handlers['notebook.info'] = async () => {
      await new Promise((r) => setTimeout(r, 1_500));
      return { path: '/x', schemaVersion: 1, articleCount: 5, readOnly: false, notice: null };
    };
    const s = await start({ headersTimeoutMs: 200, bodyIdleMs: 200, bodyTotalMs: 300 }, { 'notebook.info': slowInfo });
    await stillAnswers(s.port);
  });

  it('caps open connections, and takes new ones again when some close', async () => {
    const s = await start({ maxConnections: 3 });
    const open = [];
    for (let i = 0; i < 3; i++) {
      const c = await rawConnect(s.port);
      c.write(head('POST', '/api/notebook.info', auth(s.port, { 'Content-Length': 2 })) + '{}');
      expect((await c.reply()).status).toBe(200); // kept alive, so it holds its place
      open.push(c);
    }
    const refused = await rawConnect(s.port);
    await refused.closed;
    expect((await refused.reply()).status).toBe(0);
    open[0]!.socket.destroy();
    await open[0]!.closed;
    await vi.waitFor(async () => stillAnswers(s.port));
    for (const c of open) c.socket.destroy();
  });

  it('drops an event stream whose reader stopped reading instead of keeping its events', async () => {
    const s = await start({ maxEventBacklogBytes: 256 * 1024 });
    const c = await rawConnect(s.port);
    c.write(head('GET', '/api/events', auth(s.port)));
    await vi.waitFor(() => expect(c.socket.bytesRead).toBeGreaterThan(0));
    c.socket.pause();
    const payload = { ids: ['x'.repeat(64 * 1024)], reason: 'import' };
    const rounds = 300; // about 19 MB of events for a reader that reads none of them
    for (let i = 0; i < rounds; i++) {
      s.broadcast('notebook.changed', payload);
      await new Promise((r) => setImmediate(r));
    }
    let closed = false;
    void c.closed.then(() => (closed = true));
    c.socket.resume();
    // Either the server dropped the stream, or (without a cap) it delivers every event and keeps it open.
    await vi.waitFor(() => expect(closed || c.socket.bytesRead >= rounds * 64 * 1024).toBe(true), { timeout: 20_000 });
    expect(closed).toBe(true);
    expect(c.socket.bytesRead).toBeLessThan(rounds * 64 * 1024);
    await stillAnswers(s.port);
  });

  it('refuses a request to upgrade the connection at once, whatever its body', async () => {
    const s = await start();
    const c = await rawConnect(s.port);
    c.write(
      head('POST', '/api/notebook.info', auth(s.port, { Connection: 'upgrade', Upgrade: 'websocket', 'Transfer-Encoding': 'chunked' })),
    );
    c.write('zz\r\n{}\r\n'); // broken chunk framing, which Node does not parse on an upgrade
    const r = await c.reply();
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body).error).toEqual({ code: 'BAD_INPUT', message: 'Parallax does not upgrade connections' });
    expect(r.headers.connection).toBe('close');
    await stillAnswers(s.port);
  });

  it('survives a client that disconnects half way through its body', async () => {
    const s = await start();
    for (let i = 0; i < 20; i++) {
      const c = await rawConnect(s.port);
      c.write(head('POST', '/api/articles.importText', auth(s.port, { 'Content-Length': 1_000 })));
      c.write('{"text":"half');
      c.socket.destroy();
    }
    await stillAnswers(s.port);
  });

  it('gives every error code its own status', () => {
    for (const code of errorCodes) {
      expect(statusOf[code], code).toBeGreaterThanOrEqual(400);
      expect(statusOf[code], code).toBeLessThan(600);
    }
    expect(statusOf.IO_ERROR).toBe(503);
    expect(statusOf.EMPTY_FILE).toBe(422);
  });
});
