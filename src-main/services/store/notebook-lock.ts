import { lstatSync, renameSync, writeFileSync } from 'node:fs';
import { chmod, link, lstat, mkdir, readFile, readdir, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../contract/errors';
import { layout } from './notebook-layout';
import { pathExists } from '../path-exists';
import { writeFileAtomic, writeTemp } from './durable-json-file';

/**
 * Who is writing to a notebook, and the only way to become that writer (single writer, ADR 001).
 *
 * Where: the folder `notebook.lock/`, created 0700 and owned by the user, because the desktop app and web
 * mode publish their loopback API address and token in it (so CLI commands go through them instead of
 * writing behind their back). Every file in it is created 0600 from its first byte. Other users cannot list
 * the folder or read a file in it, whatever the modes of the notebook folder around it.
 *
 * What: generations, files named 1, 2, 3, … holding a `LockInfo`. The lock is the highest generation; it is
 * held unless its process is dead (on this host) or it says `releasedAt`. Each generation is created
 * complete and exclusively: its content goes to a private temp file, which is `link()`ed to the number
 * (link fails with EEXIST when the name exists, and a reader never sees half a file). Where the file system
 * has no hard links (FAT, exFAT), a private temp folder holding the content is renamed to the number
 * instead: a rename onto an existing folder that is not empty fails, and a generation folder is only ever
 * empty while it is being removed, below the highest (R3), so a rename that lands there loses at R4. Its
 * content changes later only by an atomic rename over it, by its own process (the API address; `releasedAt`).
 *
 * Taking the lock: list, read the highest generation n. Held → LOCKED, naming the holder. Free (or none,
 * n = 0) → create n+1 exclusively; EEXIST means another process made it first: read again. Having made n+1,
 * list again: a generation above ours means we lost (below); remove ours and read again. Only then write.
 *
 * Why there is never more than one writer. The rules:
 *   R1 generation g is only ever created by the exclusive link (or folder rename);
 *   R2 its creator listed the folder just before, found g-1 the highest, and read it dead or released;
 *   R3 the highest generation is never removed: a holder releases by rewriting its own generation with
 *      `releasedAt` (never by deleting it); the new holder removes only generations below its own, and a
 *      loser removes only its own, which is below another;
 *   R4 a process writes only after a listing made after its link found nothing above its generation.
 * By R3 the highest number never goes down. Suppose W holds w (it passed R4 at time t, is alive and has not
 * released). Nothing above w existed at t, so nothing above w existed before t either (the highest never
 * goes down). After t, the first generation created above w must be w+1 (its creator saw the highest, which
 * is at least w, and nothing above w existed yet), and creating w+1 needs w read dead or released (R2): not
 * while W holds it. So no generation above w appears while W holds it. Any other process X with a generation
 * x < w either listed (R4) after w existed and so lost, or listed before: then x was the highest at X's
 * check, and for w to be created later the first generation above x, x+1, had to find X dead or released.
 * A slow process that read an old highest generation and creates a lower number late (one removed by
 * R3's clean-up, so its link succeeds) sees a higher one when it lists again (R3) and loses. None of this
 * depends on timing. Judging a live process dead would break R2, so the judgement errs the other way: a
 * process on another host is assumed alive, a pid that was reused looks alive (the lock then stays
 * LOCKED, naming that process, until it is gone), and only "no such process" counts as dead.
 *
 * Clean-up: the new holder removes the generations below its own and the temp files of dead processes, so
 * the folder holds one file between runs. Lock files are not fsynced: after a power loss every holder is
 * dead, and a generation whose content was lost (it does not parse) reads as free.
 *
 * An older Parallax kept one file named `notebook.lock`; it is honoured while its process lives (an older
 * version still running) and removed once stale. An older version finding the folder cannot take it.
 */
export type LockInfo = {
  pid: number;
  hostname: string;
  startedAt: string;
  /** What holds it, in words: "web mode", "the desktop app", "parallax import". */
  holder: string;
  api?: { url: string; token: string };
  /** Set when the holder let go; the generation stays (the highest is never removed) but is free. */
  releasedAt?: string;
};

/** Where a lock's files live: the 0700 folder, one file per generation. */
const lockDir = (root: string) => layout(root).lock;
const generationFile = (dir: string, n: number) => join(dir, String(n));
/** A generation made as a folder (a file system without hard links) keeps its content in this file. */
const FOLDER_CONTENT = 'holder.json';
const GENERATION = /^[1-9]\d*$/;
/** Temp files are `<generation>.<pid>.<n>.tmp` (durable-json-file.ts `writeTemp`), temp folders `….f<n>.tmp`. */
const TEMP = /^\d+\.(\d+)\.f?\d+\.tmp$/;
/** What link() says where the file system has no hard links (FAT and exFAT on Linux, macOS and Windows). */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);
/** Each attempt either wins, finds a live holder, or saw another process win a generation (then looks again). */
const MAX_ATTEMPTS = 50;
const PRIVATE = 0o600;

const code = (e: unknown) => (e as NodeJS.ErrnoException).code;

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return code(e) === 'EPERM';
  }
}

function alive(info: LockInfo): boolean {
  if (info.hostname !== hostname()) return true; // another machine on a shared folder: assume it is alive
  return pidAlive(info.pid);
}

const held = (info: LockInfo | null): info is LockInfo => info !== null && !info.releasedAt && alive(info);

function parseInfo(text: string): LockInfo | null {
  try {
    const info = JSON.parse(text) as LockInfo;
    return typeof info?.pid === 'number' && typeof info.hostname === 'string' ? info : null;
  } catch {
    return null; // content lost in a power cut, or not ours: nobody holds it
  }
}

export function describeHolder(info: LockInfo): string {
  return `${info.holder} (process ${info.pid}${info.hostname === hostname() ? '' : ` on ${info.hostname}`}, since ${info.startedAt})`;
}

const inUse = (root: string, info: LockInfo) =>
  new AppError('LOCKED', `The notebook at ${root} is in use by ${describeHolder(info)}; try again when it has finished`);

async function generations(dir: string): Promise<number[]> {
  return (await readdir(dir)).filter((n) => GENERATION.test(n)).map(Number);
}

type Top = { n: number; info: LockInfo | null };

/** The text of a generation, made as a file or (without hard links) as a folder holding its content. */
async function readGeneration(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    if (code(e) !== 'EISDIR') throw e;
    // A folder without its content lost it in a power cut: free, like a file that does not parse.
    return readFile(join(path, FOLDER_CONTENT), 'utf8').catch((inner: unknown) => (code(inner) === 'ENOENT' ? '' : Promise.reject(inner)));
  }
}

const removeAll = (path: string) => rm(path, { recursive: true, force: true }).catch(() => undefined);

/** The highest generation and what it says (null content: unreadable as a lock, so free). */
async function highest(dir: string): Promise<Top | null> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const n = Math.max(0, ...(await generations(dir)));
    if (n === 0) return null;
    try {
      return { n, info: parseInfo(await readGeneration(generationFile(dir, n))) };
    } catch (e) {
      if (code(e) !== 'ENOENT') throw e;
      // Removed since the listing: only a generation below a newer one is removed (R3), so list again.
    }
  }
  throw new AppError('LOCKED', `Could not read the lock in ${dir}; other processes keep taking it`);
}

/** What the lock folder's place holds: the folder itself, a lock file of an older Parallax, or nothing yet. */
type Place =
  { kind: 'folder'; /** others may list or enter it */ open: boolean } | { kind: 'legacy'; info: LockInfo | null } | { kind: 'none' };

async function inspect(dir: string): Promise<Place> {
  let st;
  try {
    st = await lstat(dir);
  } catch (e) {
    if (code(e) === 'ENOENT') return { kind: 'none' };
    throw e;
  }
  if (st.isDirectory()) {
    // Not ours (someone else made it, or a symlink): the token must not be written where another user reads.
    if (process.getuid && st.uid !== process.getuid()) {
      throw new AppError('CONFLICT', `${dir} belongs to another user; Parallax keeps its API token there, so it will not use it`);
    }
    return { kind: 'folder', open: process.platform === 'win32' ? false : (st.mode & 0o077) !== 0 };
  }
  if (st.isFile()) {
    const info = await readFile(dir, 'utf8').then(parseInfo, (e: unknown) => (code(e) === 'ENOENT' ? null : Promise.reject(e)));
    return { kind: 'legacy', info };
  }
  throw new AppError('CONFLICT', `${dir} is not a folder (a link?); Parallax keeps its lock and API token there. Remove it and try again`);
}

/** Make sure `notebook.lock/` is a private folder of ours, clearing a stale lock file of an older Parallax. */
async function openLockFolder(root: string): Promise<string> {
  const dir = lockDir(root);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const place = await inspect(dir);
    if (place.kind === 'folder') {
      if (place.open) await chmod(dir, 0o700); // our own folder, made private before a secret goes in
      return dir;
    }
    if (place.kind === 'legacy') {
      if (held(place.info)) throw inUse(root, place.info);
      await unlink(dir).catch(() => undefined); // stale; a folder made meanwhile by another process is never unlinked
      continue;
    }
    try {
      await mkdir(dir, { mode: 0o700 });
      return dir;
    } catch (e) {
      if (code(e) !== 'EEXIST') throw e;
    }
  }
  throw new AppError('LOCKED', `Could not lock the notebook at ${root}; another process keeps taking it`);
}

/**
 * The notebook's private folder (`notebook.lock/`, 0700, the user's own), for other small secrets of the
 * running app too: the browser extension's paired-token hashes (services/extension/pairing.ts).
 */
export const openPrivateFolder = (root: string): Promise<string> => openLockFolder(root);

/** The live lock on a notebook, or null when there is none (or only a stale or released one). */
export async function readLock(root: string): Promise<LockInfo | null> {
  try {
    const dir = lockDir(root);
    const place = await inspect(dir);
    if (place.kind === 'legacy') return held(place.info) ? place.info : null;
    if (place.kind === 'none') return null;
    const top = await highest(dir);
    return top && held(top.info) ? top.info : null;
  } catch {
    return null;
  }
}

export type NotebookLock = {
  info: LockInfo;
  /** Publish the API address of this process, for CLI commands to forward to. */
  publishApi: (api: { url: string; token: string }) => Promise<void>;
  release: () => Promise<void>;
};

/** Best-effort clean-up by a new holder: generations below its own (R3) and temp files of dead processes. */
async function sweep(dir: string, mine: number): Promise<void> {
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const temp = TEMP.exec(name);
    const stale = GENERATION.test(name) ? Number(name) < mine : temp !== null && !pidAlive(Number(temp[1]));
    if (stale) await removeAll(join(dir, name)); // a file, or a folder where there are no hard links
  }
}

export type LockOptions = {
  /**
   * false: make generations as folders from the start, as on a file system without hard links (found there
   * by the first link failing). Tests use it to check that way on any file system.
   */
  hardLinks?: boolean;
};

let tempFolders = 0;

/**
 * Create generation `n` holding `info`, complete and exclusively; false when another process made it first.
 * A private temp file is hard-linked to the number (link fails with EEXIST when the name exists). Where the
 * file system has no hard links, a private temp folder holding the content is renamed to the number instead:
 * a rename onto an existing folder that is not empty fails, and every generation folder holds its content.
 * Returns the file its content is in, for later rewrites.
 */
async function createGeneration(dir: string, n: number, info: LockInfo, how: { hardLinks: boolean }): Promise<string | false> {
  const file = generationFile(dir, n);
  const text = JSON.stringify(info);
  if (how.hardLinks) {
    const tmp = await writeTemp(file, text, dir, 'none', PRIVATE);
    try {
      await link(tmp, file);
      return file;
    } catch (e) {
      if (code(e) === 'EEXIST') return false;
      if (!NO_HARD_LINKS.has(code(e) ?? '') || (await pathExists(file))) throw e;
      how.hardLinks = false; // this file system has none: folders from now on
    } finally {
      await removeAll(tmp);
    }
  }
  const tmp = join(dir, `${n}.${process.pid}.f${++tempFolders}.tmp`);
  await mkdir(tmp, { mode: 0o700 });
  try {
    await writeFile(join(tmp, FOLDER_CONTENT), text, { flag: 'wx', mode: PRIVATE });
    await rename(tmp, file);
    return join(file, FOLDER_CONTENT);
  } catch (e) {
    if (await pathExists(file)) return false; // ENOTEMPTY, EEXIST, or EPERM on Windows: another process made it
    throw e;
  } finally {
    await removeAll(tmp);
  }
}

/**
 * Take the lock or fail with LOCKED, naming who holds it. A lock left by a dead process (or released) is
 * taken over; when several processes try at once, exactly one gets it (see the header).
 */
export async function acquireLock(root: string, holder: string, opts: LockOptions = {}): Promise<NotebookLock> {
  const dir = await openLockFolder(root);
  const info: LockInfo = { pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString(), holder };
  const how = { hardLinks: opts.hardLinks ?? true };
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const top = await highest(dir);
    if (top && held(top.info)) throw inUse(root, top.info);
    const n = (top?.n ?? 0) + 1;
    const content = await createGeneration(dir, n, info, how);
    if (!content) continue; // another process made n first
    if ((await generations(dir)).some((g) => g > n)) {
      await removeAll(generationFile(dir, n)); // we were slow: a higher generation won
      continue;
    }
    await sweep(dir, n);
    return heldLock(content, info);
  }
  throw new AppError('LOCKED', `Could not lock the notebook at ${root}; another process keeps taking it`);
}

/** The lock as its holder sees it; `file` holds the generation's content (rewritten in its own folder). */
function heldLock(file: string, info: LockInfo): NotebookLock {
  const dir = dirname(file);
  let released = false;
  // What a released generation says: who held it and until when; the API token goes, being of no use now.
  const releasedInfo = (): LockInfo => ({ ...info, api: undefined, releasedAt: new Date().toISOString() });
  // Best effort on a normal exit; a killed process leaves its generation, which reads as free once it is gone.
  const onExit = () => {
    if (released) return;
    try {
      if (!lstatSync(file).isFile()) return;
      const tmp = join(dir, `${basename(file)}.${process.pid}.0.tmp`); // writeTemp counts from 1
      writeFileSync(tmp, JSON.stringify(releasedInfo()), { flag: 'wx', mode: PRIVATE });
      renameSync(tmp, file);
    } catch {
      /* gone already, or the folder is not writable any more */
    }
  };
  process.once('exit', onExit);
  const rewrite = (content: LockInfo) => writeFileAtomic(file, JSON.stringify(content), dir, 'none', PRIVATE);
  return {
    info,
    publishApi: async (api) => {
      info.api = api;
      await rewrite(info);
    },
    release: async () => {
      if (released) return;
      released = true;
      process.off('exit', onExit);
      // Marked, never removed (R3): removing the highest generation would let a lower one be made again and win.
      await rewrite(releasedInfo()).catch(() => undefined);
    },
  };
}
