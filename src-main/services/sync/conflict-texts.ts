import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArticleText } from '../../core/sync/sync-units';
import type { NotebookStore } from '../store/notebook-store';
import { readJsonFile, writeFileAtomic } from '../store/durable-json-file';

/** Both texts of a text conflict: the one the article kept and the other copy's. */
export type ConflictTexts = { kept: ArticleText; other: ArticleText };

/** A conflict's id is random hex (sync-notebook.ts); anything else never names a file. */
const validId = (id: string) => /^[0-9a-f]{6,64}$/.test(id);

const dirOf = (root: string) => join(root, 'sync', 'texts');

/**
 * A text conflict's two texts, kept in a private file beside the sync state rather than in the conflict list:
 * a text may be megabytes, and the list is read whole by every status call. Written before the conflict is
 * journalled, so a journalled text conflict always has its texts (a sync killed between leaves only a file
 * no conflict names).
 */
export async function writeConflictTexts(root: string, tmp: string, texts: Record<string, ConflictTexts>): Promise<void> {
  const ids = Object.keys(texts);
  if (!ids.length) return;
  await mkdir(dirOf(root), { recursive: true, mode: 0o700 });
  for (const id of ids) await writeFileAtomic(join(dirOf(root), `${id}.json`), JSON.stringify(texts[id]), tmp, 'fsync', 0o600);
}

/** The texts of conflict `id`, or null when there are none (a conflict recorded before texts were kept). */
export async function readConflictTexts(store: NotebookStore, id: string): Promise<ConflictTexts | null> {
  if (!validId(id)) return null;
  return readJsonFile<ConflictTexts>(join(dirOf(store.layout.root), `${id}.json`));
}
