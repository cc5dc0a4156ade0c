import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deadPid, writeLockGeneration } from '../../../tests/helpers/lock-files';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { openBackend } from '../backend';
import { layout } from './notebook-layout';
import { acquireLock, readLock } from './notebook-lock';

const tempDir = useTempDirs();
const mode = (path: string) => statSync(path).mode & 0o777;
const lockFiles = (root: string) => readdirSync(layout(root).lock).sort();
const generation = (root: string, n: number) =>
  JSON.parse(readFileSync(join(layout(root).lock, String(n)), 'utf8')) as Record<string, unknown>;

function notebookFolder(): string {
  const root = join(tempDir(), 'nb');
  mkdirSync(root);
  return root;
}

describe('the notebook lock keeps its token private', () => {
  // With no umask at all, a file created with the default mode would be 0666: only a mode given at creation holds.
  let umask = 0;
  beforeEach(() => void (umask = process.umask(0)));
  afterEach(() => void process.umask(umask));

  it('the folder is 0700 and every file in it 0600, with the API token published', async () => {
    const root = notebookFolder();
    const lock = await acquireLock(root, 'web mode');
    await lock.publishApi({ url: 'http://127.0.0.1:1234', token: 'a-secret-token-of-this-launch' });
    expect(mode(layout(root).lock)).toBe(0o700);
    expect(lockFiles(root)).toEqual(['1']);
    expect(mode(join(layout(root).lock, '1'))).toBe(0o600);
    expect(generation(root, 1)).toMatchObject({ pid: process.pid, api: { token: 'a-secret-token-of-this-launch' } });
    await lock.release();
    expect(mode(join(layout(root).lock, '1'))).toBe(0o600);
    expect(readFileSync(join(layout(root).lock, '1'), 'utf8')).not.toContain('a-secret-token-of-this-launch');
  });

  it('a new notebook folder, and the app-data folders above it, are created 0700', async () => {
    const base = tempDir();
    const root = join(base, 'config', 'Parallax', 'notebook');
    const b = await openBackend(root, { create: true, lockAs: 'the desktop app', durability: 'none' });
    await b.close();
    expect([join(base, 'config'), join(base, 'config', 'Parallax'), root].map(mode)).toEqual([0o700, 0o700, 0o700]);
  });

  it('an existing notebook folder keeps the modes its owner gave it; the token still goes only into the private folder', async () => {
    const root = notebookFolder();
    chmodSync(root, 0o755);
    const lock = await acquireLock(root, 'web mode');
    await lock.publishApi({ url: 'http://127.0.0.1:1234', token: 'a-secret-token-of-this-launch' });
    expect(mode(root)).toBe(0o755);
    expect(mode(layout(root).lock)).toBe(0o700);
    await lock.release();
  });

  it('a lock folder others can enter is made private before anything is written in it', async () => {
    const root = notebookFolder();
    mkdirSync(layout(root).lock, { mode: 0o755 });
    const lock = await acquireLock(root, 'web mode');
    expect(mode(layout(root).lock)).toBe(0o700);
    await lock.release();
  });

  it('refuses a lock folder that is a link to somewhere else, and writes nothing there', async () => {
    const root = notebookFolder();
    const elsewhere = join(tempDir(), 'elsewhere');
    mkdirSync(elsewhere, { mode: 0o777 });
    symlinkSync(elsewhere, layout(root).lock);
    await expect(acquireLock(root, 'web mode')).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('not a folder'),
    });
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it.skipIf(process.getuid?.() !== 0)('refuses a lock folder that belongs to another user (checked as root)', async () => {
    const root = notebookFolder();
    mkdirSync(layout(root).lock, { mode: 0o700 });
    chownSync(layout(root).lock, 65534, 65534);
    await expect(acquireLock(root, 'web mode')).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('another user'),
    });
    expect(readdirSync(layout(root).lock)).toEqual([]);
  });
});

describe('lock generations', () => {
  it('release marks the generation free but keeps it; the next holder takes the next number and clears the rest', async () => {
    const root = notebookFolder();
    const first = await acquireLock(root, 'parallax import');
    expect(await readLock(root)).toMatchObject({ pid: process.pid, holder: 'parallax import' });
    await first.release();
    expect(lockFiles(root)).toEqual(['1']);
    expect(generation(root, 1)).toMatchObject({ releasedAt: expect.any(String) });
    expect(await readLock(root)).toBeNull();
    const second = await acquireLock(root, 'web mode');
    expect(lockFiles(root)).toEqual(['2']);
    expect(await readLock(root)).toMatchObject({ holder: 'web mode' });
    await second.release();
  });

  it('a live holder is refused to everyone else, with who it is; one on another host is assumed alive', async () => {
    const root = notebookFolder();
    const held = await acquireLock(root, 'web mode');
    await expect(acquireLock(root, 'parallax import')).rejects.toMatchObject({
      code: 'LOCKED',
      message: expect.stringMatching(new RegExp(`in use by web mode \\(process ${process.pid}, since .*\\); try again`)),
    });
    await held.release();
    writeLockGeneration(root, 2, { pid: await deadPid(), hostname: 'another-machine', holder: 'the desktop app' });
    await expect(acquireLock(root, 'web mode')).rejects.toMatchObject({
      code: 'LOCKED',
      message: expect.stringContaining('in use by the desktop app (process'),
    });
    expect(await readLock(root)).toMatchObject({ hostname: 'another-machine' });
  });

  it('takes over the generation of a dead process, and one whose content was lost in a power cut', async () => {
    const root = notebookFolder();
    writeLockGeneration(root, 7, { pid: await deadPid() });
    expect(await readLock(root)).toBeNull();
    const a = await acquireLock(root, 'web mode');
    expect(lockFiles(root)).toEqual(['8']);
    await a.release();
    writeFileSync(join(layout(root).lock, '9'), '');
    const b = await acquireLock(root, 'web mode');
    expect(lockFiles(root)).toEqual(['10']);
    await b.release();
  });

  it('clears temp files of dead processes and leaves those of live ones', async () => {
    const root = notebookFolder();
    const dead = join(layout(root).lock, `3.${await deadPid()}.1.tmp`);
    const live = join(layout(root).lock, `3.${process.pid}.999.tmp`);
    const deadFolder = join(layout(root).lock, `3.${await deadPid()}.f1.tmp`);
    writeLockGeneration(root, 2, { pid: await deadPid() });
    writeFileSync(dead, '{}', { mode: 0o600 });
    writeFileSync(live, '{}', { mode: 0o600 });
    mkdirSync(deadFolder);
    writeFileSync(join(deadFolder, 'holder.json'), '{}');
    const lock = await acquireLock(root, 'web mode');
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(deadFolder)).toBe(false);
    expect(existsSync(live)).toBe(true);
    await lock.release();
  });
});

describe('lock generations on a file system without hard links (FAT, exFAT): folders renamed into place', () => {
  const noLinks = { hardLinks: false };
  const content = (root: string, n: number) => join(layout(root).lock, String(n), 'holder.json');
  let umask = 0;
  beforeEach(() => void (umask = process.umask(0)));
  afterEach(() => void process.umask(umask));

  it('each generation is a 0700 folder holding its content 0600; release marks it, the next holder takes the next', async () => {
    const root = notebookFolder();
    const first = await acquireLock(root, 'web mode', noLinks);
    await first.publishApi({ url: 'http://127.0.0.1:1234', token: 'a-secret-token-of-this-launch' });
    expect(lockFiles(root)).toEqual(['1']);
    expect([mode(layout(root).lock), mode(join(layout(root).lock, '1')), mode(content(root, 1))]).toEqual([0o700, 0o700, 0o600]);
    expect(await readLock(root)).toMatchObject({ pid: process.pid, api: { token: 'a-secret-token-of-this-launch' } });
    await expect(acquireLock(root, 'parallax import', noLinks)).rejects.toMatchObject({ code: 'LOCKED' });
    await first.release();
    expect(JSON.parse(readFileSync(content(root, 1), 'utf8'))).toMatchObject({ releasedAt: expect.any(String) });
    const second = await acquireLock(root, 'parallax import', noLinks);
    expect(lockFiles(root)).toEqual(['2']);
    await second.release();
  });

  it('a folder that lost its content in a power cut is free; one made by a live process is held', async () => {
    const root = notebookFolder();
    mkdirSync(join(layout(root).lock, '4'), { recursive: true });
    const a = await acquireLock(root, 'web mode', noLinks);
    expect(lockFiles(root)).toEqual(['5']);
    await a.release();
    // Readers and takers on a file system with hard links still read a folder generation.
    const b = await acquireLock(root, 'web mode');
    await expect(acquireLock(root, 'parallax import', noLinks)).rejects.toMatchObject({ code: 'LOCKED' });
    expect(await readLock(root)).toMatchObject({ holder: 'web mode' });
    await b.release();
  });
});
