import { readFile, stat } from 'node:fs/promises';
import { AppError, clip, clipPath } from '../../contract/errors';
import type { ArticleFormat } from '../../core/article/article-record';
import type { NewSnapshot } from '../store/snapshot-files';
import type { Decoded } from './decode-text';
import { decodeText } from './decode-text';
import { MAX_PDF_BYTES, isPdfName, looksLikePdf, readPdfText } from './formats/pdf-file';

/** A file read for import: its text, and for a PDF the format and the original to keep as its snapshot. */
export type Loaded = { text: string; encoding: string | null; format?: ArticleFormat; snapshot?: NewSnapshot };

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
  if (looksLikePdf(bytes.subarray(0, 8))) {
    throw new AppError('UNSUPPORTED', `${clipPath(file)} is a PDF: import it as a new article (a PDF cannot be read as an article's text)`);
  }
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

/**
 * Bytes that arrived for import, as an article's source: a PDF (by its name or its `%PDF-` header) is read
 * from its text layer and keeps its bytes as the snapshot; anything else is decoded as text.
 */
export async function loadImportBytes(bytes: Uint8Array, file: string): Promise<Loaded> {
  if (!isPdfName(file) && !looksLikePdf(bytes.subarray(0, 8))) return bytesToText(bytes, file);
  const text = await readPdfText(bytes, file);
  return { text, encoding: null, format: 'pdf', snapshot: { kind: 'pdf', bytes, fetchedAt: new Date().toISOString(), file } };
}

/** Read one file for import, refusing what cannot be an article before reading more than the size limit. */
export async function readImportFile(file: string): Promise<Loaded> {
  let size: number;
  try {
    const s = await stat(file);
    if (!s.isFile()) throw new AppError('UNREADABLE', `${clipPath(file)} is not a regular file`);
    size = s.size;
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw describeFsError(e as NodeJS.ErrnoException, file);
  }
  const limit = isPdfName(file) ? MAX_PDF_BYTES : MAX_FILE_BYTES;
  if (size > limit) {
    const what = limit === MAX_PDF_BYTES ? 'the limit for a PDF' : 'the limit';
    throw new AppError('TOO_LARGE', `${clipPath(file)} is ${(size / 1048576).toFixed(1)} MB; ${what} is ${limit / 1048576} MB`);
  }
  if (size === 0) throw new AppError('EMPTY_FILE', `${clipPath(file)} is empty`);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw describeFsError(e as NodeJS.ErrnoException, file);
  }
  return loadImportBytes(bytes, file);
}
