import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Low } from 'lowdb';
import type { Story } from '../../contract';
import { AppError } from '../../contract/errors';
import type { NotebookStore } from '../store/notebook-store';
import { commitSmallFile, openSmallFile } from '../store/small-file';
import { storiesFileShape } from '../store/stored-shapes';

type StoriesFile = { version: 1; stories: Story[] };

/**
 * Stories live in their own small lowdb file, `<notebook>/stories.json`: a story edit rewrites that file
 * only, never an article or the catalog. Writes go one after another; each is served only once it is on
 * disk. A damaged file is set aside and reported (small-file.ts).
 */
export class StoryStore {
  /** Opened once, on first use (two first calls share one read, and one setting-aside of a damaged file). */
  private db: Promise<Low<StoriesFile>> | null = null;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly store: NotebookStore) {}

  get file(): string {
    return join(this.store.layout.root, 'stories.json');
  }

  private async open(): Promise<Low<StoriesFile>> {
    this.db ??= storiesFileShape()
      .then((shape) => openSmallFile<StoriesFile>(this.store, 'stories.json', shape, () => ({ version: 1, stories: [] })))
      .catch((e: unknown) => {
        this.db = null; // an I/O error: the next call tries again
        throw e;
      });
    return this.db;
  }

  async list(): Promise<Story[]> {
    await this.tail;
    return structuredClone((await this.open()).data.stories);
  }

  async get(id: string): Promise<Story> {
    const s = (await this.list()).find((x) => x.id === id);
    if (!s) throw new AppError('NOT_FOUND', `No story with id ${id}`);
    return s;
  }

  /** Run one edit inside the queue; the file is written only if the edit succeeds. */
  private edit<T>(fn: (data: StoriesFile) => T): Promise<T> {
    const run = async () => {
      if (this.store.readOnly) throw new AppError('READ_ONLY', this.store.notice ?? 'The notebook is read-only');
      const db = await this.open();
      const draft = structuredClone(db.data);
      const result = fn(draft);
      await commitSmallFile(db, draft, 'the story change');
      return result;
    };
    const next = this.tail.then(run, run);
    this.tail = next.catch(() => undefined);
    return next;
  }

  private checkArticles(ids: string[]): void {
    const missing = ids.filter((id) => !this.store.entry(id));
    if (missing.length)
      throw new AppError(
        'NOT_FOUND',
        `No article with id ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ` (and ${missing.length - 3} more)` : ''}`,
      );
  }

  create(name: string, articleIds: string[]): Promise<Story> {
    this.checkArticles(articleIds);
    return this.edit((data) => {
      const now = new Date().toISOString();
      const story: Story = {
        id: randomBytes(8).toString('hex'),
        name: name.trim(),
        articleIds: [...new Set(articleIds)],
        createdAt: now,
        updatedAt: now,
      };
      data.stories.push(story);
      return story;
    });
  }

  private change(id: string, fn: (s: Story) => void): Promise<Story> {
    return this.edit((data) => {
      const s = data.stories.find((x) => x.id === id);
      if (!s) throw new AppError('NOT_FOUND', `No story with id ${id}`);
      fn(s);
      s.updatedAt = new Date().toISOString();
      return s;
    });
  }

  add(id: string, articleIds: string[]): Promise<Story> {
    this.checkArticles(articleIds);
    return this.change(id, (s) => {
      for (const a of articleIds) if (!s.articleIds.includes(a)) s.articleIds.push(a);
    });
  }

  remove(id: string, articleIds: string[]): Promise<Story> {
    return this.change(id, (s) => {
      s.articleIds = s.articleIds.filter((a) => !articleIds.includes(a));
    });
  }

  rename(id: string, name: string): Promise<Story> {
    return this.change(id, (s) => {
      s.name = name.trim();
    });
  }

  delete(id: string): Promise<void> {
    return this.edit((data) => {
      const before = data.stories.length;
      data.stories = data.stories.filter((s) => s.id !== id);
      if (data.stories.length === before) throw new AppError('NOT_FOUND', `No story with id ${id}`);
    });
  }

  /**
   * A team sync's changes to the stories, in one write. Not checked against the library: a story from
   * the team may name an article this copy has not pulled yet (lists and exports skip those).
   */
  applySync(fn: (stories: Story[]) => void): Promise<void> {
    return this.edit((data) => fn(data.stories));
  }

  /** The sample's story: created once, and completed if the sample is imported again. */
  async ensure(name: string, articleIds: string[]): Promise<Story> {
    const existing = (await this.list()).find((s) => s.name === name);
    return existing ? this.add(existing.id, articleIds.length ? articleIds : existing.articleIds) : this.create(name, articleIds);
  }
}
