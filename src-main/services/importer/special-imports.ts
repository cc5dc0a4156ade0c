import { readFile } from 'node:fs/promises';
import type { Emit, ImportReport } from '../../contract';
import type { BackupMergeTargets } from '../backup/import-backup';
import { importBackupArchive, importBackupBytes } from '../backup/import-backup';
import type { NotebookStore } from '../store/notebook-store';
import { decodeText } from './decode-text';
import { importW3cFile } from './import-annotations';
import { MAX_FILE_BYTES } from './read-import-file';

/** Files that are not articles: W3C annotation files (ours or others') and Parallax backups. */
export type SpecialKind = 'annotations' | 'backup';

export function specialKind(name: string): SpecialKind | null {
  const n = name.toLowerCase();
  // A .json file is never a news article; the one kind Parallax reads is W3C annotations (Hypothesis and
  // other tools export those as .json), and anything else is refused with the reason.
  if (n.endsWith('.jsonld') || n.endsWith('.jsonl') || n.endsWith('.json')) return 'annotations';
  if (n.endsWith('.zip')) return 'backup';
  return null;
}

/** Split what a user gave into article files and special files. */
export function splitSpecial<T>(items: T[], nameOf: (t: T) => string): { articles: T[]; special: Array<T & object> } {
  const articles: T[] = [];
  const special: T[] = [];
  for (const t of items) (specialKind(nameOf(t)) ? special : articles).push(t);
  return { articles, special: special as Array<T & object> };
}

/** Import special files named by path (folder import, CLI); a backup's stories and tag colours merge into `merge`. */
export async function importSpecialPaths(
  store: NotebookStore,
  paths: string[],
  report: ImportReport,
  emit?: Emit,
  merge?: BackupMergeTargets,
): Promise<void> {
  for (const file of paths) {
    if (specialKind(file) === 'backup') await importBackupArchive(store, file, file, report, emit, merge);
    else await importAnnotationBytes(store, () => readFile(file), file, report);
  }
}

/** Import special files sent by value (drag and drop, web file dialog). */
export async function importSpecialUploads(
  store: NotebookStore,
  files: Array<{ name: string; contentBase64: string }>,
  report: ImportReport,
  emit?: Emit,
  merge?: BackupMergeTargets,
): Promise<void> {
  for (const f of files) {
    const bytes = Buffer.from(f.contentBase64, 'base64');
    if (specialKind(f.name) === 'backup') await importBackupBytes(store, bytes, f.name, report, emit, merge);
    else await importAnnotationBytes(store, async () => bytes, f.name, report);
  }
}

async function importAnnotationBytes(
  store: NotebookStore,
  read: () => Promise<Uint8Array>,
  file: string,
  report: ImportReport,
): Promise<void> {
  let text: string;
  try {
    const bytes = await read();
    if (bytes.length > MAX_FILE_BYTES * 5) throw new Error(`${file} is larger than ${(MAX_FILE_BYTES * 5) / 1048576} MB`);
    text = decodeText(bytes, file).text;
  } catch (e) {
    report.errors.push({ file, code: 'UNREADABLE', message: (e as Error).message });
    return;
  }
  await importW3cFile(store, text, file, report);
}
