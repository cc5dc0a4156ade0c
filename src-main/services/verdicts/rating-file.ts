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

  /** Replace the list, after `check` (run in the queue, so two edits never interleave) has accepted it. */
  replace(ratings: Rating[], check: () => Promise<void>): Promise<Rating[]> {
    if (this.store.readOnly) return Promise.reject(new AppError('READ_ONLY', this.store.notice ?? 'The notebook is read-only'));
    const run = async () => {
      await check();
      const db = await this.open();
      await commitSmallFile(db, { version: 1 as const, ratings: ratings.map((r) => ({ ...r, label: r.label.trim() })) }, 'the list of ratings');
      return this.list();
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
