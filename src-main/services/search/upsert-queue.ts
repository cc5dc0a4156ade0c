import type { SearchArticle } from '../../core/search/search-doc';

export type UpsertQueueOptions = {
  /** Apply once no change has come for this long. */
  quietMs: number;
  /** ... or once the oldest waiting change is this old, ... */
  maxWaitMs: number;
  /** ... or once this many articles are waiting. */
  maxArticles: number;
};

export const UPSERT_QUEUE: UpsertQueueOptions = { quietMs: 250, maxWaitMs: 10_000, maxArticles: 1_000 };

/**
 * Changed articles waiting to be indexed. Indexing is background work: re-indexing one article at 100k
 * costs the search worker ~1.5 ms plus garbage (an edit copies the posting lists it adds to), which on two
 * cores competed with the edit being saved and the next one. While edits keep coming, the worker waits;
 * it indexes once they pause, or before it answers a query (so a search always sees every saved change),
 * saves or closes. Several saves of one article (ten passages annotated in a row) are indexed once, in
 * their last version.
 */
export class UpsertQueue {
  private readonly waiting = new Map<string, SearchArticle>();
  private since = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly apply: (articles: SearchArticle[]) => Promise<void>,
    private readonly opts: UpsertQueueOptions = UPSERT_QUEUE,
  ) {}

  get size(): number {
    return this.waiting.size;
  }

  /** Queue articles (a newer version replaces a waiting one); resolves once queued, or applied when due. */
  add(articles: SearchArticle[]): Promise<void> {
    for (const a of articles) {
      this.waiting.delete(a.id); // keep the order of the last change
      this.waiting.set(a.id, a);
    }
    if (this.since === 0) this.since = Date.now();
    if (this.waiting.size >= this.opts.maxArticles || Date.now() - this.since >= this.opts.maxWaitMs) return this.flush();
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush().catch((e: unknown) => console.error('[parallax] the search index missed a change:', e));
    }, this.opts.quietMs);
    this.timer.unref();
    return Promise.resolve();
  }

  /** Drop waiting versions of articles that are being removed. */
  forget(ids: string[]): void {
    for (const id of ids) this.waiting.delete(id);
  }

  /** Apply everything waiting now. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.since = 0;
    if (this.waiting.size === 0) return Promise.resolve();
    const batch = [...this.waiting.values()];
    this.waiting.clear();
    return this.apply(batch);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
