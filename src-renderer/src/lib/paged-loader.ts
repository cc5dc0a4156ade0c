import type { PageCache } from './paged-cache';
import { emptyCache, evict, invalidate, pagesCovering, pagesToLoad, toRuns, withRun } from './paged-cache';

export type FetchPage<T> = (offset: number, limit: number) => Promise<{ total: number; items: T[] }>;

export type LoaderOptions<T> = {
  pageSize: number;
  /** Cached pages kept at most (the rest are fetched again when scrolled back to). */
  maxPages: number;
  /** Requests wait this long after a scroll, so a fling across 10,000 rows fetches only where it stops. */
  scrollDelayMs: number;
  onCache: (cache: PageCache<T>) => void;
  onError: (message: string) => void;
};

/**
 * The request side of a paged list, free of React so its races are tested with fake timers: it fetches
 * the pages the screen needs (neighbours in one request), ignores answers meant for an older query or an
 * older state of the notebook, and on refresh fetches only what is visible plus the total.
 */
export class PagedLoader<T> {
  private cache: PageCache<T>;
  /** Bumped when the query or the notebook changes: answers to older requests are dropped. */
  private epoch = 0;
  private inFlight = new Set<number>();
  private range = { start: 0, end: 0 };
  private timer: ReturnType<typeof setTimeout> | null = null;
  private fetchPage: FetchPage<T> | null = null;
  /** Requests sent, for the figures in docs (rows asked for, calls made). */
  readonly stats = { requests: 0, rows: 0 };

  constructor(private readonly opts: LoaderOptions<T>) {
    this.cache = emptyCache<T>(opts.pageSize);
  }

  get current(): PageCache<T> {
    return this.cache;
  }

  /** A new query: forget every row and fetch the top of the new list. */
  reset(fetchPage: FetchPage<T>): void {
    this.fetchPage = fetchPage;
    this.epoch++;
    this.inFlight = new Set();
    // The list scrolls back to the top: the screen shows as many rows as before, from row 0.
    this.range = { start: 0, end: Math.max(0, this.range.end - Math.max(0, this.range.start)) };
    this.commit(emptyCache<T>(this.opts.pageSize));
    this.loadNow();
  }

  /** The rows on screen (plus any margin); missing pages are fetched after a short pause. */
  setRange(start: number, end: number): void {
    this.range = { start, end };
    this.timer ??= setTimeout(() => this.loadNow(), this.opts.scrollDelayMs);
  }

  /** The data changed: fetch again what is visible (shown meanwhile) and the total; drop the rest. */
  refresh(): void {
    this.epoch++;
    this.inFlight = new Set();
    this.commit(invalidate(this.cache, pagesCovering(this.cache, this.range.start, this.range.end)));
    this.loadNow(true);
  }

  dispose(): void {
    this.epoch++;
    this.fetchPage = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private commit(next: PageCache<T>): void {
    this.cache = next;
    this.opts.onCache(next);
  }

  /** `refreshing`: ask for the first page even when no row is visible, for the total (an empty list gains rows). */
  private loadNow(refreshing = false): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const fetchPage = this.fetchPage;
    if (!fetchPage) return;
    const mine = this.epoch;
    const totalKnown = this.cache.total !== null;
    const runs = toRuns(pagesToLoad(this.cache, this.range.start, this.range.end, this.inFlight), this.opts.pageSize);
    if (refreshing && runs.length === 0) runs.push({ offset: 0, limit: this.opts.pageSize, pages: [0] });
    for (const run of runs) {
      for (const p of run.pages) this.inFlight.add(p);
      this.stats.requests++;
      this.stats.rows += run.limit;
      fetchPage(run.offset, run.limit).then(
        (res) => {
          if (mine !== this.epoch) return;
          for (const p of run.pages) this.inFlight.delete(p);
          const next = withRun(this.cache, run, res.items, res.total);
          this.commit(evict(next, this.range.start, this.range.end, this.opts.maxPages));
          // The first answer tells how long the list is: fetch whatever else the screen already shows.
          if (!totalKnown) this.timer ??= setTimeout(() => this.loadNow(), 0);
        },
        (e: unknown) => {
          if (mine !== this.epoch) return;
          for (const p of run.pages) this.inFlight.delete(p);
          this.opts.onError(e instanceof Error ? e.message : String(e));
        },
      );
    }
  }
}
