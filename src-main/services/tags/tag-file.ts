import { join } from 'node:path';
import { Low } from 'lowdb';
import { AppError } from '../../contract';
import { DurableJsonFile } from '../store/durable-json-file';
import type { NotebookStore } from '../store/notebook-store';

/** A bulk tag operation in flight; re-running it is harmless, so an interrupted one is simply run again. */
export type PendingTagOp =
  { op: 'rename'; from: string[]; to: string; startedAt: string } | { op: 'delete'; tag: string; startedAt: string };

export type TagFileData = { version: 1; colors: Record<string, string>; pending: PendingTagOp | null };

/**
 * `<notebook>/tags.json`: tag colours and the journal of a bulk rename/merge/delete in progress. Small and
 * global, so it is its own lowdb file (never the catalog). Writes are serialised so an older state can never
 * land after a newer one.
 */
export class TagFile {
  private readonly db: Low<TagFileData>;
  private loaded: Promise<void> | null = null;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly store: NotebookStore) {
    this.db = new Low<TagFileData>(new DurableJsonFile(join(store.layout.root, 'tags.json'), store.layout.tmp, store.durability), {
      version: 1,
      colors: {},
      pending: null,
    });
  }

  load(): Promise<void> {
    this.loaded ??= this.db.read().then(() => {
      const d = this.db.data as Partial<TagFileData> | null;
      if (!d || typeof d !== 'object' || typeof d.colors !== 'object' || d.colors === null) {
        throw new AppError('CORRUPT', `${join(this.store.layout.root, 'tags.json')} is not a tag file; it was left untouched`);
      }
      d.pending ??= null;
    });
    return this.loaded;
  }

  get data(): TagFileData {
    return this.db.data;
  }

  /** Change the data and write it; refused, changing nothing, when the notebook is read-only. */
  update(mutate: (d: TagFileData) => void): Promise<void> {
    if (this.store.readOnly) return Promise.reject(new AppError('READ_ONLY', this.store.notice ?? 'The notebook is read-only'));
    const run = async () => {
      mutate(this.db.data);
      await this.db.write();
    };
    const next = this.tail.then(run, run);
    this.tail = next.catch(() => undefined);
    return next;
  }
}
