import { randomBytes } from 'node:crypto';
import type { Low } from 'lowdb';
import type { SavedSearch } from '../../contract';
import { AppError } from '../../contract/errors';
import type { NotebookStore } from '../store/notebook-store';
import { commitSmallFile, openSmallFile } from '../store/small-file';
import { savedSearchesFileShape } from '../store/stored-shapes';

type SavedFile = { version: 1; searches: SavedSearch[] };

export const MAX_SAVED_SEARCHES = 200;

/**
 * Saved searches: a small lowdb file of their own (`<notebook>/saved-searches.json`), so saving one never
 * touches articles. Writes are queued, and served only once on disk; a damaged file is set aside and
 * reported (small-file.ts).
 */
export class SavedSearches {
  /** Opened once, on first use (two first calls share one read, and one setting-aside of a damaged file). */
  private db: Promise<Low<SavedFile>> | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly store: NotebookStore) {}

  private async open(): Promise<Low<SavedFile>> {
    this.db ??= savedSearchesFileShape()
      .then((shape) => openSmallFile<SavedFile>(this.store, 'saved-searches.json', shape, () => ({ version: 1, searches: [] })))
      .catch((e: unknown) => {
        this.db = null; // an I/O error: the next call tries again
        throw e;
      });
    return this.db;
  }

  private write<T>(fn: (data: SavedFile) => T): Promise<T> {
    if (this.store.readOnly) return Promise.reject(new AppError('READ_ONLY', this.store.notice ?? 'The notebook is read-only'));
    const run = async () => {
      const db = await this.open();
      const draft = structuredClone(db.data);
      const out = fn(draft);
      await commitSmallFile(db, draft, 'the saved search');
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
        same.updatedAt = new Date().toISOString();
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

  /** A team sync's changes to the saved searches, in one write (the limit is this notebook's, not the team's). */
  applySync(fn: (searches: SavedSearch[]) => void): Promise<void> {
    return this.write((data) => fn(data.searches));
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
