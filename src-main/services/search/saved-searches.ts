import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Low } from 'lowdb';
import type { SavedSearch } from '../../contract';
import { AppError } from '../../contract';
import { DurableJsonFile } from '../store/durable-json-file';
import type { NotebookStore } from '../store/notebook-store';

type SavedFile = { version: 1; searches: SavedSearch[] };

export const MAX_SAVED_SEARCHES = 200;

/**
 * Saved searches: a small lowdb file of their own (`<notebook>/saved-searches.json`), so saving one never
 * touches articles. Writes are queued; a damaged file is reported and never overwritten.
 */
export class SavedSearches {
  private db: Low<SavedFile> | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly store: NotebookStore) {}

  private async open(): Promise<Low<SavedFile>> {
    if (this.db) return this.db;
    const db = new Low<SavedFile>(
      new DurableJsonFile(join(this.store.layout.root, 'saved-searches.json'), this.store.layout.tmp, this.store.durability),
      {
        version: 1,
        searches: [],
      },
    );
    await db.read();
    if (!db.data || !Array.isArray(db.data.searches))
      throw new AppError('CORRUPT', 'saved-searches.json is not a list of saved searches; it was left untouched');
    this.db = db;
    return db;
  }

  private write<T>(fn: (data: SavedFile) => T): Promise<T> {
    if (this.store.readOnly) return Promise.reject(new AppError('READ_ONLY', this.store.notice ?? 'The notebook is read-only'));
    const run = async () => {
      const db = await this.open();
      const out = fn(db.data);
      await db.write();
      return out;
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  async list(): Promise<SavedSearch[]> {
    return [...(await this.open()).data.searches];
  }

  /** Save a query under a name; saving again under the same name (any case) replaces its query. */
  save(name: string, query: string): Promise<SavedSearch> {
    return this.write((data) => {
      const clean = name.trim();
      const same = data.searches.find((s) => s.name.toLowerCase() === clean.toLowerCase());
      if (same) {
        same.query = query.trim();
        return { ...same };
      }
      if (data.searches.length >= MAX_SAVED_SEARCHES) {
        throw new AppError('TOO_LARGE', `At most ${MAX_SAVED_SEARCHES} saved searches; delete one first`);
      }
      const s: SavedSearch = { id: randomBytes(6).toString('hex'), name: clean, query: query.trim(), createdAt: new Date().toISOString() };
      data.searches.push(s);
      return { ...s };
    });
  }

  remove(id: string): Promise<SavedSearch[]> {
    return this.write((data) => {
      const i = data.searches.findIndex((s) => s.id === id);
      if (i < 0) throw new AppError('NOT_FOUND', `No saved search with id ${id}`);
      data.searches.splice(i, 1);
      return [...data.searches];
    });
  }
}
