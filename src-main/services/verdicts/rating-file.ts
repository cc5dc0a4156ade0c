import type { Low } from 'lowdb';
import { z } from 'zod';
import type { Rating } from '../../contract';
import { AppError, Rating as RatingShape, defaultRatings } from '../../contract';
import type { NotebookStore } from '../store/notebook-store';
import { commitSmallFile, openSmallFile } from '../store/small-file';

type RatingsFile = { version: 1; ratings: Rating[] };

const RatingsFileShape = z.object({ version: z.literal(1), ratings: z.array(RatingShape).min(1) });

/**
 * The notebook's list of verdict ratings: a small file of its own (`verdict-ratings.json`), so editing the
 * list never touches articles. A notebook without one uses the default list (true … unverified).
 */
export class RatingFile {
  private db: Promise<Low<RatingsFile>> | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly store: NotebookStore) {}

  private open(): Promise<Low<RatingsFile>> {
    this.db ??= openSmallFile<RatingsFile>(this.store, 'verdict-ratings.json', RatingsFileShape, () => ({
      version: 1,
      ratings: defaultRatings.map((r) => ({ ...r })),
    })).catch((e: unknown) => {
      this.db = null;
      throw e;
    });
    return this.db;
  }

  async list(): Promise<Rating[]> {
    return (await this.open()).data.ratings.map((r) => ({ ...r }));
  }

  /**
   * Edit the list inside the queue, so two edits never interleave: `op` gets the list as it is and a way to
   * save a list (it may save more than once, e.g. a step on the way); a throw before a save changes nothing.
   */
  edit<T>(op: (current: Rating[], save: (ratings: Rating[]) => Promise<void>) => Promise<T>): Promise<T> {
    if (this.store.readOnly) return Promise.reject(new AppError('READ_ONLY', this.store.notice ?? 'The notebook is read-only'));
    const run = async () => {
      const db = await this.open();
      const save = (ratings: Rating[]) =>
        commitSmallFile(db, { version: 1 as const, ratings: ratings.map((r) => ({ ...r, label: r.label.trim() })) }, 'the list of ratings');
      return op(await this.list(), save);
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
