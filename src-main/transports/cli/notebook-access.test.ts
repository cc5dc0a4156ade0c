import { spawn } from 'node:child_process';
import { rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../../tests/helpers/run-cli';
import { deadPid, writeLockGeneration } from '../../../tests/helpers/lock-files';
import { seedsDir } from '../../../tests/helpers/seeds';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { openBackend } from '../../services/backend';
import { layout } from '../../services/store/notebook-layout';
import { readLock } from '../../services/store/notebook-lock';
import { startHttpServer } from '../http/http-server';

const tempDir = useTempDirs();
const seed = (name: string) => join(seedsDir, name);

async function notebookWithSample() {
  const nb = join(tempDir(), 'nb');
  expect((await cli(['init', '--sample', '--notebook', nb])).code).toBe(0);
  return nb;
}

describe('the CLI beside another process', () => {
  it('sends its commands to the app (web mode) that has the notebook open: one writer, nothing lost', async () => {
    const nb = join(tempDir(), 'nb');
    const app = await openBackend(nb, { create: true, lockAs: 'web mode', durability: 'none' });
    const server = await startHttpServer({ handlers: app.handlers, token: 'forwarding-test-token-123', port: 0 });
    await app.lock!.publishApi({ url: `http://127.0.0.1:${server.port}`, token: 'forwarding-test-token-123' });
    try {
      const imported = await cli(['import', seed('001_c782305633c927ff.txt'), '--notebook', nb, '--json']);
      expect(imported.code).toBe(0);
      // The app's own store saw the write: it was made by the app's process, not behind its back.
      expect(app.store.size).toBe(1);
      const init = await cli(['init', '--sample', '--notebook', nb, '--json']);
      expect(init.json()).toMatchObject({ articleCount: 5, sample: { duplicates: [{ file: '001_c782305633c927ff.txt' }] } });
      expect(app.store.size).toBe(5);
      const list = await cli(['list', '--notebook', nb, '--json']);
      expect((list.json() as unknown[]).length).toBe(5);
      expect(await readLock(nb)).toMatchObject({ pid: process.pid, api: { url: `http://127.0.0.1:${server.port}` } });
    } finally {
      await server.close();
      await app.close();
    }
  });

  it('refuses to write while another command holds the lock, naming it, but still reads', async () => {
    const nb = await notebookWithSample();
    const sleeper = spawn('sleep', ['30']);
    try {
      writeLockGeneration(nb, 2, { pid: sleeper.pid! });
      const refused = await cli(['import', seed('000_8f741ed5d6140f33.txt'), '--notebook', nb, '--json']);
      expect(refused.code).toBe(1);
      expect(refused.json()).toEqual({
        error: {
          code: 'LOCKED',
          message: expect.stringMatching(new RegExp(`in use by parallax import \\(process ${sleeper.pid}, since .*\\); try again`)),
        },
      });
      const list = await cli(['list', '--notebook', nb, '--json']);
      expect(list.code).toBe(0);
      expect((list.json() as unknown[]).length).toBe(5);
    } finally {
      sleeper.kill();
    }
  });

  it('takes over a lock left by a process that died', async () => {
    const nb = await notebookWithSample();
    writeLockGeneration(nb, 2, { pid: await deadPid(), holder: 'web mode' });
    const r = await cli(['import', seed('000_8f741ed5d6140f33.txt'), '--notebook', nb, '--json']);
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ duplicates: [{ file: seed('000_8f741ed5d6140f33.txt') }] });
  });

  it('forwards to the live holder, the highest generation, not to a leftover below it', async () => {
    const nb = await notebookWithSample();
    const app = await openBackend(nb, { lockAs: 'web mode', durability: 'none' });
    const server = await startHttpServer({ handlers: app.handlers, token: 'forwarding-test-token-456', port: 0 });
    try {
      await app.lock!.publishApi({ url: `http://127.0.0.1:${server.port}`, token: 'forwarding-test-token-456' });
      // A process that lost a race and was killed before removing its generation: below the holder's.
      writeLockGeneration(nb, 1, { pid: process.pid, holder: 'a lost race', api: { url: 'http://127.0.0.1:9', token: 'x'.repeat(20) } });
      const imported = await cli(['import', seed('000_8f741ed5d6140f33.txt'), '--notebook', nb, '--json']);
      expect(imported.json()).toMatchObject({ duplicates: [{ file: seed('000_8f741ed5d6140f33.txt') }] });
      expect(await readLock(nb)).toMatchObject({ holder: 'web mode', pid: process.pid });
    } finally {
      await server.close();
      await app.close();
    }
  });

  it('honours the lock file of an older Parallax while its process runs, and replaces it once stale', async () => {
    const nb = await notebookWithSample();
    rmSync(layout(nb).lock, { recursive: true, force: true });
    const sleeper = spawn('sleep', ['30']);
    const legacy = (pid: number) =>
      writeFileSync(layout(nb).lock, JSON.stringify({ pid, hostname: hostname(), startedAt: '2026-11-22T00:00:00Z', holder: 'web mode' }));
    try {
      legacy(sleeper.pid!);
      const refused = await cli(['import', seed('000_8f741ed5d6140f33.txt'), '--notebook', nb, '--json']);
      expect(refused.json()).toMatchObject({
        error: { code: 'LOCKED', message: expect.stringContaining(`in use by web mode (process ${sleeper.pid}`) },
      });
    } finally {
      sleeper.kill();
    }
    legacy(await deadPid());
    const r = await cli(['import', seed('000_8f741ed5d6140f33.txt'), '--notebook', nb, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(statSync(layout(nb).lock).isDirectory()).toBe(true);
  });

  it('a second web mode on the same notebook is refused with who has it', async () => {
    const nb = await notebookWithSample();
    const first = await openBackend(nb, { lockAs: 'web mode', durability: 'none' });
    try {
      await expect(openBackend(nb, { lockAs: 'web mode' })).rejects.toMatchObject({
        code: 'LOCKED',
        message: expect.stringContaining('in use by web mode'),
      });
    } finally {
      await first.close();
    }
    const again = await openBackend(nb, { lockAs: 'web mode', durability: 'none' });
    await again.close();
  });
});
