import { join } from 'node:path';
import { Low } from 'lowdb';
import type { z } from 'zod';
import { isAppError } from '../../contract/errors';
import { DurableJsonFile } from './durable-json-file';
import { nothingChanged } from './io-errors';
import type { NotebookStore } from './notebook-store';
import { repairStamp, setAside } from './repair';
import { firstIssue } from './stored-shapes';

/**
 * A small lowdb file of one feature beside the articles (`stories.json`, `saved-searches.json`).
 *
 * Read with its shape checked: a damaged one (it does not parse, or is not of its shape) is moved to
 * damaged/<time>/ and the feature starts afresh, saying so, instead of failing for good; a reader
 * beside a writer only reports it. A file that cannot be read (an I/O error) is reported as such.
 */
export async function openSmallFile<T>(store: NotebookStore, name: string, shape: z.ZodType, empty: () => T): Promise<Low<T>> {
  const file = join(store.layout.root, name);
  const db = new Low<T>(new DurableJsonFile<T>(file, store.layout.tmp, store.durability), empty());
  let problem: string | null = null;
  try {
    await db.read();
    const checked = shape.safeParse(db.data);
    if (!checked.success) problem = firstIssue(checked.error);
  } catch (e) {
    if (!isAppError(e) || e.code !== 'CORRUPT') throw e;
    problem = 'it does not parse as JSON';
  }
  if (problem) {
    db.data = empty();
    if (store.readOnly) {
      store.tell(`${name} is damaged (${problem}); it was left as it is (the notebook is open read-only).`);
    } else {
      const kept = await setAside(store.layout, file, repairStamp());
      store.tell(`${name} was damaged (${problem}); it was moved to ${kept} and this list starts afresh.`);
    }
  }
  return db;
}

/**
 * Write `draft` as the file's new content, and only once it is on disk make it what the feature serves:
 * a write that failed (a full disk) is never visible, nor saved later by the next write.
 */
export async function commitSmallFile<T>(db: Low<T>, draft: T, what: string): Promise<void> {
  try {
    await db.adapter.write(draft);
  } catch (e) {
    throw nothingChanged(e, what);
  }
  db.data = draft;
}
