import { readFile, stat } from 'node:fs/promises';
import { AppError, clip, clipPath } from '../../contract';
import type { Decoded } from './decode-text';
import { decodeText } from './decode-text';

/** Larger than any article; big enough for a long report pasted as one file. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** A 500-page report has ~20,000 lines; a file of a million one-word lines is data, not an article. */
export const MAX_LINES = 50_000;

function describeFsError(e: NodeJS.ErrnoException, file: string): AppError {
  switch (e.code) {
    case 'ENOENT':
      return new AppError('UNREADABLE', `${clipPath(file)} does not exist (or is a broken link)`);
    case 'EACCES':
    case 'EPERM':
      return new AppError('UNREADABLE', `${clipPath(file)} cannot be read: permission denied`);
    case 'EISDIR':
      return new AppError('UNREADABLE', `${clipPath(file)} is a folder, not a file`);
    default:
      return new AppError('UNREADABLE', `${clipPath(file)} cannot be read: ${clip(e.message)}`);
  }
}

/** Check bytes that arrived for import (from disk or an upload) and decode them. */
export function bytesToText(bytes: Uint8Array, file: string): Decoded {
  if (bytes.length > MAX_FILE_BYTES) {
    throw new AppError(
      'TOO_LARGE',
      `${clipPath(file)} is ${(bytes.length / 1048576).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / 1048576} MB`,
    );
  }
  const decoded = decodeText(bytes, file);
  checkArticleText(decoded.text, file);
  return decoded;
}

/** What every article text must pass once decoded (an import, an edited or re-imported text): not empty, not a data file. */
export function checkArticleText(text: string, file: string): void {
  if (text.trim() === '') throw new AppError('EMPTY_FILE', `${clipPath(file)} is empty`);
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0 && lines <= MAX_LINES; i = text.indexOf('\n', i + 1)) lines++;
  if (lines > MAX_LINES) {
    throw new AppError(
      'TOO_LARGE',
      `${clipPath(file)} has more than ${MAX_LINES.toLocaleString('en')} lines; Parallax imports articles, not data files`,
    );
  }
}

/** Read one file for import, refusing what cannot be an article before reading more than the size limit. */
export async function readImportFile(file: string): Promise<Decoded> {
  let size: number;
  try {
    const s = await stat(file);
    if (!s.isFile()) throw new AppError('UNREADABLE', `${clipPath(file)} is not a regular file`);
    size = s.size;
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw describeFsError(e as NodeJS.ErrnoException, file);
  }
  if (size > MAX_FILE_BYTES) {
    throw new AppError('TOO_LARGE', `${clipPath(file)} is ${(size / 1048576).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / 1048576} MB`);
  }
  if (size === 0) throw new AppError('EMPTY_FILE', `${clipPath(file)} is empty`);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw describeFsError(e as NodeJS.ErrnoException, file);
  }
  return bytesToText(bytes, file);
}
