import { unlinkSync } from 'node:fs';
import { open, readFile, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { AppError } from '../../contract';
import { layout } from './notebook-layout';
import { writeFileAtomic } from './durable-json-file';

/**
 * Who is writing to a notebook. One process at a time holds `notebook.lock` (created exclusively); the
 * desktop app and web mode also publish a loopback API address in it, so the CLI can send its commands to
 * them instead of writing behind their back (single writer, ADR 001).
 */
export type LockInfo = {
  pid: number;
  hostname: string;
  startedAt: string;
  /** What holds it, in words: "web mode", "the desktop app", "parallax import". */
  holder: string;
  api?: { url: string; token: string };
};

function alive(info: LockInfo): boolean {
  if (info.hostname !== hostname()) return true; // another machine on a shared folder: assume it is alive
  try {
    process.kill(info.pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The live lock on a notebook, or null when there is none (or only a stale one left by a dead process). */
export async function readLock(root: string): Promise<LockInfo | null> {
  try {
    const info = JSON.parse(await readFile(layout(root).lock, 'utf8')) as LockInfo;
    return typeof info.pid === 'number' && alive(info) ? info : null;
  } catch {
    return null;
  }
}

export function describeHolder(info: LockInfo): string {
  return `${info.holder} (process ${info.pid}${info.hostname === hostname() ? '' : ` on ${info.hostname}`}, since ${info.startedAt})`;
}

export type NotebookLock = {
  info: LockInfo;
  /** Publish the API address of this process, for CLI commands to forward to. */
  publishApi: (api: { url: string; token: string }) => Promise<void>;
  release: () => Promise<void>;
};

/** Take the lock or fail with LOCKED, naming who holds it. A lock left by a dead process is taken over. */
export async function acquireLock(root: string, holder: string, tmpDir: string): Promise<NotebookLock> {
  const file = layout(root).lock;
  const info: LockInfo = { pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString(), holder };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fh = await open(file, 'wx', 0o600);
      await fh.writeFile(JSON.stringify(info));
      await fh.close();
      let released = false;
      const release = async () => {
        if (released) return;
        released = true;
        const current = await readLock(root);
        if (current?.pid === process.pid) await unlink(file).catch(() => undefined);
      };
      process.once('exit', () => {
        // Best effort on a normal exit; a killed process leaves a stale lock, which the next open takes over.
        if (released) return;
        try {
          unlinkSync(file);
        } catch {
          /* gone already */
        }
      });
      return {
        info,
        publishApi: async (api) => {
          info.api = api;
          await writeFileAtomic(file, JSON.stringify(info), tmpDir, 'fsync');
        },
        release,
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holderInfo = await readLock(root);
      if (holderInfo)
        throw new AppError('LOCKED', `The notebook at ${root} is in use by ${describeHolder(holderInfo)}; try again when it has finished`);
      await unlink(file).catch(() => undefined); // stale: its process is gone
    }
  }
  throw new AppError('LOCKED', `Could not lock the notebook at ${root}; another process keeps taking it`);
}
