/**
 * Web mode when the process runs out of file handles (EMFILE). The test lowers this process's own limit
 * (`prlimit`, util-linux) to exactly the handles already open, so every open, accept or readdir fails as it
 * would on a busy machine, then raises it again. This file runs alone in its own process (vitest forks).
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openBackend } from '../../services/backend';
import { annotatedBackend } from '../../../tests/helpers/annotated-backend';
import { head, rawConnect } from '../../../tests/helpers/raw-http';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import type { RunningServer } from './http-server';
import { startHttpServer } from './http-server';

const tempDir = useTempDirs();
const TOKEN = 'file-handles-token-0123456789';
const hasPrlimit = spawnSync('prlimit', ['--version']).status === 0;
let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const softLimit = () => Number(/Max open files\s+(\d+)/.exec(spawnSync('cat', [`/proc/${process.pid}/limits`]).stdout.toString())![1]);
const setSoftLimit = (n: number) => {
  const r = spawnSync('prlimit', ['--pid', String(process.pid), `--nofile=${n}:`]);
  if (r.status !== 0) throw new Error(`prlimit failed: ${r.stderr}`);
};
/** The lowest descriptor number not in use (the next open gets it): with the soft limit set to it, nothing more can be opened. */
const lowestFree = () => {
  const fd = openSync('/dev/null', 'r');
  closeSync(fd);
  return fd;
};

/** A separate process that opens a fresh connection when asked (this process cannot: it has no handles left). */
function outsideClient(port: number) {
  const script = `
    const net = require('node:net');
    require('node:readline').createInterface({ input: process.stdin }).on('line', () => {
      const s = net.connect(${port}, '127.0.0.1');
      let got = '';
      s.on('data', (d) => (got += d));
      s.on('error', () => {});
      s.on('close', () => console.log(JSON.stringify(got.split('\\r\\n')[0] || 'closed')));
      s.on('connect', () => s.end('POST /api/notebook.info HTTP/1.1\\r\\nHost: 127.0.0.1:${port}\\r\\nAuthorization: Bearer ${TOKEN}\\r\\nContent-Type: application/json\\r\\nContent-Length: 2\\r\\nConnection: close\\r\\n\\r\\n{}'));
    });`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines: string[] = [];
  child.stdout.on('data', (d: Buffer) => lines.push(...d.toString().trim().split('\n')));
  return {
    attempt: async () => {
      const before = lines.length;
      child.stdin.write('go\n');
      await vi.waitFor(() => expect(lines.length).toBeGreaterThan(before), { timeout: 10_000 });
      return JSON.parse(lines[lines.length - 1]!) as string;
    },
    stop: () => child.kill(),
  };
}

describe('web mode out of file handles', () => {
  it.skipIf(!hasPrlimit)(
    'answers 503 saying the system is out of file handles, changes nothing, and answers again once it recovers',
    async () => {
      const root = tempDir();
      const first = await annotatedBackend(join(root, 'nb'));
      await first.close();
      // Reopened with nothing left to do in the background: a write finishing during the squeeze would free
      // handles and let the next open through.
      const b = await openBackend(join(root, 'nb'), { durability: 'none', search: { runIn: 'inline' }, compact: { idleMs: 600_000 } });
      await b.store.flush();
      mkdirSync(join(root, 'app'));
      writeFileSync(join(root, 'app', 'index.html'), '<!doctype html><title>app</title>');
      mkdirSync(join(root, 'out'));
      server = await startHttpServer({ handlers: b.handlers, token: TOKEN, port: 0, staticDir: join(root, 'app') });
      const port = server.port;
      const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      const outside = outsideClient(port);
      // Connected before the squeeze: a connection that exists needs no new handle to carry a request.
      let c = await rawConnect(port);
      const call = async (method: string, body: unknown = {}) => {
        const text = JSON.stringify(body);
        c.write(
          head('POST', `/api/${method}`, {
            Host: `127.0.0.1:${port}`,
            Authorization: `Bearer ${TOKEN}`,
            'Content-Type': 'application/json',
            'Content-Length': Buffer.byteLength(text),
          }) + text,
        );
        const r = await c.reply();
        return { status: r.status, body: JSON.parse(r.body) as { ok: boolean; error?: { code: string; message: string } } };
      };
      expect((await call('notebook.info')).status).toBe(200);
      // Handler groups load on first use (services/lazy-handlers.ts): the squeeze below is about what loaded
      // handlers answer, so the groups it calls are loaded first (one that cannot load answers the same 503).
      expect((await call('backup.list')).status).toBe(200);
      const files = readdirSync(join(root, 'out'));
      const before = (await call('articles.list', { limit: 10 })).body;

      const original = softLimit();
      // Spare handles to give back at the end (closing them lets prlimit run again); `plug` also takes any
      // handle something else closed meanwhile, so each step below meets a process with none free.
      const spare = Array.from({ length: 32 }, () => openSync('/dev/null', 'r'));
      const plug = () => {
        for (;;) {
          try {
            spare.push(openSync('/dev/null', 'r'));
          } catch {
            return;
          }
        }
      };
      setSoftLimit(lowestFree());
      let squeezed: Array<{ status: number; body: { ok: boolean; error?: { code: string; message: string } } }>;
      let imported: Awaited<ReturnType<typeof call>>;
      let page: Awaited<ReturnType<typeof c.reply>>;
      let fresh: string;
      try {
        expect(() => closeSync(openSync('/dev/null', 'r'))).toThrow(/EMFILE/);
        squeezed = [];
        for (const [method, payload] of [
          ['export.write', { format: 'csv', folder: join(root, 'out') }],
          ['backup.list', {}],
        ] as const) {
          plug();
          squeezed.push(await call(method, payload));
        }
        plug();
        imported = await call('articles.importText', { text: 'An article written while no file can be opened.' });
        plug();
        c.write(head('GET', '/', { Host: `127.0.0.1:${port}` }));
        page = await c.reply();
        plug();
        fresh = await outside.attempt();
      } finally {
        for (const fd of spare) closeSync(fd);
        setSoftLimit(original);
      }
      // Each answer says what happened in the system's terms, with the status that says "try again".
      for (const r of squeezed) {
        expect(r.status, JSON.stringify(r.body)).toBe(503);
        expect(r.body.error?.code).toBe('IO_ERROR');
        expect(r.body.error?.message).toMatch(/^The system is out of file handles \(too many open files\)/);
      }
      expect(squeezed[0]!.body.error?.message).toMatch(/nothing was changed/);
      // An import reports each file it could not save (and goes on with the rest): here, the one it had.
      expect(imported.status).toBe(200);
      expect(imported.body).toMatchObject({
        ok: true,
        value: { imported: [], errors: [{ code: 'IO_ERROR', message: expect.stringMatching(/^not saved: .* could not be (written|loaded): too many files are open in Parallax \(EMFILE\)/) }] },
      });
      expect(page.status).toBe(503);
      // A connection that arrives then cannot be accepted: it is closed, and the server stays up.
      expect(fresh).toBe('closed');

      c.socket.destroy();
      c = await rawConnect(port);
      expect(readdirSync(join(root, 'out'))).toEqual(files);
      expect((await call('articles.list', { limit: 10 })).body).toEqual(before);
      expect(await outside.attempt()).toBe('HTTP/1.1 200 OK');
      expect((await call('export.write', { format: 'csv', folder: join(root, 'out') })).status).toBe(200);
      expect(logged.mock.calls.flat().map(String).join('\n')).not.toContain(TOKEN);
      outside.stop();
      logged.mockRestore();
      c.socket.destroy();
      await b.close();
    },
  );
});
