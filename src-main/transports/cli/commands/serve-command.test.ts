import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, readdirSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli } from '../../../../tests/helpers/run-cli';
import type { ServeProcess } from '../../../../tests/helpers/serve-process';
import { spawnServe } from '../../../../tests/helpers/serve-process';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import { layout } from '../../../services/store/notebook-layout';
import { readLock } from '../../../services/store/notebook-lock';

const tempDir = useTempDirs();
const repo = fileURLToPath(new URL('../../../../', import.meta.url));
/** Web mode from the sources (through tsx), so these tests check the code as it is, built or not. */
const launcher = ['--import', 'tsx', join(repo, 'tests/helpers/parallax-from-source.mjs')];
const isRoot = process.getuid?.() === 0;

/**
 * What another local user (nobody) gets when it goes looking for the token of a running web mode: the
 * outcome (ok or the error code) of each attempt, and every file under the notebook it could read that
 * holds the token.
 */
function lookAsNobody(root: string, token: string, pid: number, paths: string[]) {
  const script = `
    const fs = require('node:fs');
    const [root, token, pid, ...paths] = process.argv.slice(1);
    const outcome = (fn) => { try { fn(); return 'ok'; } catch (e) { return e.code; } };
    const tries = { 'list the notebook': outcome(() => fs.readdirSync(root)) };
    for (const p of paths) tries[p] = outcome(() => (fs.statSync(p).isDirectory() ? fs.readdirSync(p) : fs.readFileSync(p)));
    tries['read its environment'] = outcome(() => fs.readFileSync('/proc/' + pid + '/environ'));
    const leaks = [];
    const walk = (dir) => {
      let names = [];
      try { names = fs.readdirSync(dir); } catch { return; }
      for (const n of names) {
        const p = dir + '/' + n;
        try {
          if (fs.statSync(p).isDirectory()) walk(p);
          else if (fs.readFileSync(p, 'utf8').includes(token)) leaks.push(p);
        } catch {}
      }
    };
    walk(root);
    try { if (fs.readFileSync('/proc/' + pid + '/cmdline', 'utf8').includes(token)) leaks.push('its command line'); } catch {}
    console.log(JSON.stringify({ tries, leaks }));`;
  const out = execFileSync(
    'setpriv',
    ['--reuid=nobody', '--regid=nogroup', '--clear-groups', process.execPath, '-e', script, root, token, String(pid), ...paths],
    {
      cwd: '/',
      encoding: 'utf8',
    },
  );
  return JSON.parse(out) as { tries: Record<string, string>; leaks: string[] };
}

/** A folder only its owner can list, but that others can pass through: what protects the notebook is its own mode. */
function traversableParent(): string {
  const parent = tempDir();
  chmodSync(parent, 0o711);
  return parent;
}

/** The lock and, when it is a folder, every file in it: where a running web mode keeps its API token. */
function lockFiles(root: string): string[] {
  const lock = layout(root).lock;
  return statSync(lock).isDirectory() ? [lock, ...readdirSync(lock).map((n) => join(lock, n))] : [lock];
}

const stop = (s: ServeProcess) =>
  new Promise<void>((resolve) => {
    if (s.child.exitCode !== null) return resolve();
    s.child.once('exit', () => resolve());
    s.child.kill('SIGTERM');
  });

describe('parallax serve', () => {
  it.skipIf(!isRoot)(
    'another user (nobody) cannot list a new notebook or read its token, nor find the token anywhere (checked as root)',
    async () => {
      const root = join(traversableParent(), 'nb');
      const token = 'token-given-in-the-environment-1';
      const s = await spawnServe(launcher, root, ['--sample-if-new'], repo, { PARALLAX_TOKEN: token });
      try {
        expect((await s.api('notebook.info')).ok).toBe(true);
        const lockPaths = lockFiles(root);
        const seen = lookAsNobody(root, s.token, s.child.pid!, lockPaths);
        expect(seen.leaks).toEqual([]);
        expect(seen.tries).toEqual({
          'list the notebook': 'EACCES',
          ...Object.fromEntries(lockPaths.map((p) => [p, 'EACCES'])),
          'read its environment': 'EACCES',
        });
        expect(s.token).toBe(token); // PARALLAX_TOKEN keeps the token off the command line
      } finally {
        await stop(s);
      }
    },
    120_000,
  );

  it.skipIf(!isRoot)(
    'in an existing notebook folder others can list, the token is in a private folder they cannot open (checked as root)',
    async () => {
      const root = join(traversableParent(), 'nb');
      expect((await cli(['init', '--sample', '--notebook', root])).code).toBe(0);
      chmodSync(root, 0o755); // as a notebook made by an older version, or shared on purpose, would be
      const s = await spawnServe(launcher, root, [], repo);
      try {
        const lockPaths = lockFiles(root);
        const seen = lookAsNobody(root, s.token, s.child.pid!, lockPaths);
        expect(seen.leaks).toEqual([]);
        expect(seen.tries).toMatchObject({ 'list the notebook': 'ok', ...Object.fromEntries(lockPaths.map((p) => [p, 'EACCES'])) });
      } finally {
        await stop(s);
      }
    },
    120_000,
  );

  it('refuses a PARALLAX_TOKEN that is not a token, before opening the notebook', async () => {
    const root = join(tempDir(), 'nb');
    const r = await cli(['serve', '--notebook', root, '--json'], { PARALLAX_TOKEN: 'short' });
    expect(r.code).toBe(2);
    expect(r.json()).toEqual({ error: { code: 'BAD_INPUT', message: 'PARALLAX_TOKEN must be 16 to 128 letters, digits, "-" or "_"' } });
  });

  it('refuses a browser extension port that is not a port or "off", before opening the notebook', async () => {
    const root = join(tempDir(), 'nb');
    for (const [args, env] of [
      [['--extension-port', '99999'], {}],
      [[], { PARALLAX_EXTENSION_PORT: 'everywhere' }],
    ] as Array<[string[], Record<string, string>]>) {
      const r = await cli(['serve', '--notebook', root, '--json', ...args], env);
      expect(r.code).toBe(2);
      expect(r.json()).toEqual({
        error: { code: 'BAD_INPUT', message: expect.stringMatching(/extension's port must be 0\.\.65535 or "off"/) },
      });
    }
    expect(readdirSync(join(root, '..'))).toEqual([]);
  });

  it('on a port that is in use: says so, releases the notebook, stops its search worker and exits non-zero', async () => {
    const root = join(tempDir(), 'nb');
    expect((await cli(['init', '--sample', '--notebook', root])).code).toBe(0);
    const occupier = createServer();
    await new Promise<void>((resolve) => occupier.listen(0, '127.0.0.1', resolve));
    const port = (occupier.address() as AddressInfo).port;
    try {
      const child = spawn(process.execPath, [...launcher, 'serve', '--port', String(port), '--notebook', root, '--json'], { cwd: repo });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      // A process that kept running would hold the notebook for good; give up on it after a generous while.
      const exitCode = await new Promise<number | string>((resolve) => {
        const hung = setTimeout(() => {
          child.kill('SIGKILL');
          resolve('still running, holding the notebook');
        }, 90_000);
        child.once('exit', (code) => {
          clearTimeout(hung);
          resolve(code ?? 'killed');
        });
      });
      expect(exitCode, stderr).toBe(1);
      const message = `port ${port} is in use: choose another with --port, or 0 for a free one`;
      expect(stderr).toContain(message);
      expect(JSON.parse(stdout)).toEqual({ error: { code: 'CONFLICT', message } });
      expect(await readLock(root)).toBeNull();
    } finally {
      occupier.close();
    }
  }, 120_000);
});
