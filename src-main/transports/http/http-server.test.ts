import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend } from '../../services/backend';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import type { RunningServer } from './http-server';
import { startHttpServer } from './http-server';

const tempDir = useTempDirs();
const TOKEN = 'test-token-0123456789abcdef';
let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start() {
  const root = tempDir();
  const b = await openBackend(join(root, 'nb'), { create: true, durability: 'none' });
  await b.handlers['notebook.importSample']({});
  mkdirSync(join(root, 'app'));
  writeFileSync(join(root, 'app', 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(root, 'secret.txt'), 'do not serve');
  server = await startHttpServer({ handlers: b.handlers, token: TOKEN, port: 0, staticDir: join(root, 'app') });
  return server;
}

/** A raw request, so tests control Host and Origin exactly as an attacker's browser would send them. */
function send(port: number, opts: { path?: string; method?: string; headers?: Record<string, string>; body?: string; host?: string }) {
  return new Promise<{ status: number; body: { ok: boolean; value?: unknown; error?: { code: string; message: string } } }>(
    (resolve, reject) => {
      const req = request(
        {
          host: opts.host ?? '127.0.0.1',
          port,
          path: opts.path ?? '/api/notebook.info',
          method: opts.method ?? 'POST',
          headers: { 'Content-Type': 'application/json', ...opts.headers },
        },
        (res) => {
          let data = '';
          res.on('data', (c) => (data += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(data || '{}') }));
        },
      );
      req.on('error', reject);
      req.end(opts.body ?? '{}');
    },
  );
}

describe('web mode HTTP transport', () => {
  it('listens on loopback only and prints a URL carrying the token in the fragment', async () => {
    const s = await start();
    expect(s.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${s.port}/#token=${TOKEN}$`));
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (external)
      await expect(send(s.port, { host: external.address, headers: { Authorization: `Bearer ${TOKEN}` } })).rejects.toThrow(/ECONNREFUSED/);
  });

  it('answers a call with the token', async () => {
    const s = await start();
    const r = await send(s.port, { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ ok: true, value: { articleCount: 5 } });
  });

  it('refuses calls without the token or with a wrong one', async () => {
    const s = await start();
    expect((await send(s.port, {})).status).toBe(401);
    expect((await send(s.port, { headers: { Authorization: `Bearer ${TOKEN}x` } })).body.error?.code).toBe('UNAUTHORIZED');
    expect((await send(s.port, { headers: { Authorization: TOKEN } })).status).toBe(401);
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin, even with the token', async () => {
    const s = await start();
    const auth = { Authorization: `Bearer ${TOKEN}` };
    expect((await send(s.port, { headers: { ...auth, Host: `attacker.example:${s.port}` } })).status).toBe(403);
    expect((await send(s.port, { headers: { ...auth, Origin: 'https://attacker.example' } })).status).toBe(403);
    expect((await send(s.port, { headers: { ...auth, Origin: `http://127.0.0.1:${s.port}` } })).status).toBe(200);
    expect((await send(s.port, { headers: { ...auth, Origin: `http://localhost:${s.port}`, Host: `localhost:${s.port}` } })).status).toBe(
      200,
    );
  });

  it('sends no CORS headers and refuses non-JSON posts (plain HTML forms)', async () => {
    const s = await start();
    const r = await send(s.port, { headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'text/plain' } });
    expect(r.status).toBe(400);
    const res = await fetch(`http://127.0.0.1:${s.port}/api/notebook.info`, { method: 'OPTIONS' });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('returns BAD_INPUT for malformed JSON and for invalid payloads; NOT_FOUND for an unknown id', async () => {
    const s = await start();
    const auth = { Authorization: `Bearer ${TOKEN}` };
    expect((await send(s.port, { headers: auth, body: '{"id":' })).body.error).toEqual({
      code: 'BAD_INPUT',
      message: 'The request body is not valid JSON',
    });
    expect((await send(s.port, { path: '/api/articles.get', headers: auth, body: '{"id":42}' })).status).toBe(400);
    expect((await send(s.port, { path: '/api/articles.get', headers: auth, body: '{"id":"0123456789abcdef"}' })).status).toBe(404);
    expect((await send(s.port, { path: '/api/__proto__', headers: auth })).body.error?.code).toBe('UNKNOWN_METHOD');
  });

  it('serves the app with the strict CSP, and nothing outside the app folder', async () => {
    const s = await start();
    const page = await fetch(`http://127.0.0.1:${s.port}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'none'; script-src 'self'/);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    for (const path of ['/..%2fsecret.txt', '/%2e%2e/secret.txt', '/..%5csecret.txt']) {
      const res = await fetch(`http://127.0.0.1:${s.port}${path}`);
      expect(await res.text(), path).not.toContain('do not serve');
    }
  });
});
