import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';
import { AppError } from '../../contract/errors';
import { readFailure, retryTransient, writeFailure } from './io-errors';

export type Durability = 'fsync' | 'none';

let tmpCounter = 0;

/** fsync a directory so a rename inside it survives power loss (a no-op where the OS refuses, e.g. Windows). */
export async function syncDir(dir: string): Promise<void> {
  let fh;
  try {
    fh = await open(dir, 'r');
    await fh.sync();
  } catch {
    /* directories cannot be opened for sync on every platform */
  } finally {
    await fh?.close();
  }
}

/**
/**
 * Write `data` to a new temp file in `tmpDir` named after `file` (`<name>.<pid>.<n>.tmp`) and return its path,
 * flushed with 'fsync'. With `mode` (0o600 for a file holding a secret) the temp file is created exclusively
 * with that mode, so it has it from its first byte: opening an existing name with 'w' would keep that file's
 * mode instead. On failure (a full disk, most often) the part written is removed at once: a full disk must not
 * be filled further by the writes it refused.
 */
export async function writeTemp(file: string, data: string | Uint8Array, tmpDir: string, durability: Durability, mode?: number): Promise<string> {
  const tmp = join(tmpDir, `${basename(file)}.${process.pid}.${++tmpCounter}.tmp`);
  try {
    const fh = await retryTransient(() => (mode === undefined ? open(tmp, 'w') : open(tmp, 'wx', mode)));
    try {
      await (typeof data === 'string' ? fh.writeFile(data, 'utf8') : fh.writeFile(data));
      if (durability === 'fsync') await fh.sync();
    } finally {
      await fh.close();
    }
  } catch (e) {
    await removeQuietly(tmp);
    throw writeFailure(e, file);
  }
  return tmp;
}

export async function renameInto(tmp: string, file: string): Promise<void> {
  try {
    try {
      await rename(tmp, file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      await mkdir(dirname(file), { recursive: true });
      await rename(tmp, file);
    }
  } catch (e) {
    await removeQuietly(tmp);
    throw writeFailure(e, file);
  }
}

/**
 * Write `data` to `file` atomically: a temp file in `tmpDir` (same file system), flushed, then renamed over
 * the target. A reader sees the old file or the new one, never half of one; a killed process leaves only a
 * temp file, which the store deletes at open. With 'fsync', the data and the rename are on disk on return.
 * `mode`: see `writeTemp` (the renamed file keeps the temp file's mode).
 */
export async function writeFileAtomic(file: string, data: string, tmpDir: string, durability: Durability, mode?: number): Promise<void> {
  await renameInto(await writeTemp(file, data, tmpDir, durability, mode), file);
  if (durability === 'fsync') await syncDir(dirname(file));
}

/** Temp files written and flushed, not yet renamed into place (see `prepareFiles` / `commitFiles`). */
export type PreparedFiles = Array<{ tmp: string; file: string }>;

/** Write (and with 'fsync', flush) a temp file for each target, `parallel` at a time. Nothing is replaced yet. */
export async function prepareFiles(
  files: Array<{ file: string; data: string }>,
  tmpDir: string,
  durability: Durability,
  parallel = 16,
): Promise<PreparedFiles> {
  const prepared: PreparedFiles = new Array(files.length);
  let next = 0;
  let failed = false;
  const results = await Promise.allSettled(
    Array.from({ length: Math.min(parallel, files.length) }, async () => {
      while (next < files.length && !failed) {
        const i = next++;
        try {
          prepared[i] = { tmp: await writeTemp(files[i]!.file, files[i]!.data, tmpDir, durability), file: files[i]!.file };
        } catch (e) {
          failed = true;
          throw e;
        }
      }
    }),
  );
  const failure = results.find((r) => r.status === 'rejected');
  if (failure) {
    // Nothing was replaced: the temp files already written go too, so a refused batch leaves no trace.
    await discardPrepared(prepared.filter(Boolean));
    throw failure.reason;
  }
  return prepared;
}

/** Remove prepared temp files that will not be committed (the write they belonged to failed). */
export async function discardPrepared(prepared: PreparedFiles): Promise<void> {
  await Promise.all(prepared.map((p) => removeQuietly(p.tmp)));
}

/**
 * Rename prepared temp files into place, in order, then (with 'fsync') flush each directory once. If one
 * rename fails, the temp files not yet renamed are removed and the error names the file.
 */
export async function commitFiles(prepared: PreparedFiles, durability: Durability): Promise<void> {
  for (const [i, p] of prepared.entries()) {
    try {
      await renameInto(p.tmp, p.file);
    } catch (e) {
      await discardPrepared(prepared.slice(i + 1));
      throw e;
    }
  }
  if (durability === 'fsync') await Promise.all([...new Set(prepared.map((p) => dirname(p.file)))].map(syncDir));
}

/**
 * Many files at once (an import batch): temp files written and flushed in parallel, then renamed, then each
 * directory flushed once. Each file is still replaced atomically; the batch as a whole is not (the caller
 * writes the catalog, which makes the new files visible, only after this returns).
 */
export async function writeFilesAtomic(
  files: Array<{ file: string; data: string }>,
  tmpDir: string,
  durability: Durability,
  parallel = 16,
): Promise<void> {
  await commitFiles(await prepareFiles(files, tmpDir, durability, parallel), durability);
}

/**
 * Read and parse a JSON file; a file that exists but does not parse is reported as CORRUPT, naming it; one
 * that cannot be read (after retries of transient errors) as IO_ERROR, which is never damage.
 */
export async function readJsonFile<T>(file: string): Promise<T | null> {
  return (await readJsonText<T>(file))?.value ?? null;
}

/** `readJsonFile`, also giving the text it parsed. */
export async function readJsonText<T>(file: string): Promise<{ value: T; text: string } | null> {
  let text: string;
  try {
    text = await retryTransient(() => readFile(file, 'utf8'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    // Not damage: the file may be intact (no handles left, locked, no permission). Never repaired for it.
    throw readFailure(e, file);
  }
  try {
    return { value: JSON.parse(text) as T, text };
  } catch (e) {
    throw new AppError('CORRUPT', `${file} is damaged (${(e as Error).message}); it was left untouched`);
  }
}

/**
 * lowdb adapter for one notebook file. lowdb's own JSONFile (steno) renames atomically but never fsyncs and
 * keeps its temp file beside the target; this one flushes to disk when asked and keeps temp files in the
 * notebook's tmp/ folder so a crash leaves nothing among the data.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  constructor(
    private readonly file: string,
    private readonly tmpDir: string,
    private readonly durability: Durability,
  ) {}

  read(): Promise<T | null> {
    return readJsonFile<T>(this.file);
  }

  write(data: T): Promise<void> {
    return writeFileAtomic(this.file, JSON.stringify(data), this.tmpDir, this.durability);
  }
}

export async function removeQuietly(file: string): Promise<void> {
  try {
    await unlink(file);
  } catch {
    /* already gone */
  }
}
