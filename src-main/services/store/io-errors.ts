import { AppError } from '../../contract/errors';

/**
 * Errors of the file system, in words, and what they mean for the notebook. An I/O error is never damage:
 * a file that could not be read for a moment (no file handles left, locked by another program, no
 * permission) is intact, and treating it as damaged once replaced it with an older backup. Only a file
 * that was read and does not parse, or has the wrong shape, is damaged (see stored-shapes.ts).
 */

const WORDS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  EMFILE: 'too many files are open in Parallax',
  ENFILE: 'too many files are open on this computer',
  EBUSY: 'the file is busy (another program holds it)',
  EAGAIN: 'the file is temporarily unavailable',
  EIO: 'the disk reported an input/output error',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a folder on its path is a file',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the disk is read-only',
  ELOOP: 'too many symbolic links on its path',
  ENAMETOOLONG: 'its name is too long',
};

/** Codes that pass by themselves: the operation is tried again a few times before it is reported. */
const TRANSIENT = new Set(['EMFILE', 'ENFILE', 'EBUSY', 'EAGAIN']);
/** Codes that say the disk takes no more data: reported as DISK_FULL (EROFS as READ_ONLY). */
const FULL = new Set(['ENOSPC', 'EDQUOT']);

export const errnoOf = (e: unknown): string | undefined => (e as NodeJS.ErrnoException | null)?.code ?? undefined;

/** "permission denied (EACCES)": the errno in words, with the code for whoever searches for it. */
export function errnoInWords(e: unknown): string {
  const code = errnoOf(e);
  if (code && WORDS[code]) return `${WORDS[code]} (${code})`;
  return (e as Error)?.message ?? String(e);
}

/** Backoff before each retry of a transient error; ~0.3 s in all, short enough to wait inside one request. */
const RETRY_DELAYS_MS = [10, 30, 90, 170];

/** Run `op`, retrying it (with a short backoff) while it fails with a transient error. */
export async function retryTransient<T>(op: () => Promise<T>, delays: readonly number[] = RETRY_DELAYS_MS): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await op();
    } catch (e) {
      const code = errnoOf(e);
      if (!code || !TRANSIENT.has(code) || attempt >= delays.length) throw e;
      await new Promise((r) => setTimeout(r, delays[attempt]));
    }
  }
}

/** IO_ERROR for one file, also carrying the cause alone in words, for notices that name the file themselves. */
export class FileIoError extends AppError {
  constructor(
    message: string,
    readonly reason: string,
  ) {
    super('IO_ERROR', message);
  }
}

/** A failed read of a notebook file, as the user is told it: IO_ERROR naming the file and the cause. */
export function readFailure(e: unknown, file: string): AppError {
  if (e instanceof AppError) return e;
  const reason = errnoInWords(e);
  return new FileIoError(`${file} cannot be read: ${reason}. The file was left as it is; try again.`, reason);
}

/** The cause of a failure in words: the errno's for an I/O error, else the message. */
export const reasonOf = (e: unknown): string => (e instanceof FileIoError ? e.reason : (e as Error).message);

/**
 * A failed write of a notebook file. `outcome` says what the caller knows of the state it leaves
 * ("nothing was changed" when the write never replaced anything).
 */
export function writeFailure(e: unknown, file: string, outcome = `${file} was left as it was`): AppError {
  if (e instanceof AppError) return e;
  const code = errnoOf(e);
  if (code && FULL.has(code)) {
    return new AppError(
      'DISK_FULL',
      `The disk is full (${code}): ${file} could not be written; ${outcome}. Free some space and try again.`,
    );
  }
  if (code === 'EROFS') return new AppError('READ_ONLY', `The disk holding ${file} is read-only (EROFS); ${outcome}.`);
  return new AppError('IO_ERROR', `${file} could not be written: ${errnoInWords(e)}; ${outcome}.`);
}

/** A write failure restated for a whole operation that changed nothing (`what`: "the story", "the edit"). */
export function nothingChanged(e: unknown, what: string): unknown {
  if (!(e instanceof AppError)) return e;
  if (e.code === 'DISK_FULL')
    return new AppError('DISK_FULL', `The disk is full: ${what} could not be saved; nothing was changed. Free some space and try again.`);
  if (e.code === 'READ_ONLY' && e.message.includes('EROFS')) {
    return new AppError('READ_ONLY', `The disk holding the notebook is read-only: ${what} could not be saved; nothing was changed.`);
  }
  return e;
}
