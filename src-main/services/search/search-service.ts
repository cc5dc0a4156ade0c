import type { Emit, SearchResult, SearchStatus } from '../../contract';
import { toSearchArticle } from '../../core/search/search-doc';
import type { NotebookStore } from '../store/notebook-store';
import type { HostStatus } from './index-host';
import type { CatalogVersions } from './catalog-versions';
import { catalogVersions } from './catalog-versions';
import { inlineIndex } from './inline-index';
import type { EarlyIndex, IndexHandle } from './early-index';
import { loadingIndex, startWorkerIndex, takePrestartedIndex } from './early-index';
import { findWorkerEntry } from './worker-client';
import type { QueryInput } from './run-query';
import type { EngineLimits } from './engine-limits';

export type SearchOptions = {
  /** 'worker' (default when the worker's code is found) or 'inline' (tests). */
  runIn?: 'worker' | 'inline';
  /**
   * How long a query waits for an index that is still being built before answering over what is indexed
   * so far: a short wait for windows (they show progress and re-run), forever for the CLI.
   */
  waitForIndexMs?: number;
  /** Save the index this long after the last change (it is also saved on close). */
  saveAfterMs?: number;
  /** After a bulk import, index what it wrote once no import has run for this long (see `indexAfter`). */
  catchUpAfterMs?: number;
  /** Imports of at least this many files are bulk imports (default `bulkImportFiles()`; tests use fewer). */
  bulkImportFiles?: number;
  /** How much work a query may do before its answer is approximate (default ENGINE_LIMITS). */
  engineLimits?: EngineLimits;
};

/** Imports of at least this many files are indexed after they finish instead of alongside (`indexAfter`). */
export const BULK_IMPORT_FILES = 2_000;

/** PARALLAX_BULK_IMPORT_FILES if set to a whole number of at least 1, else BULK_IMPORT_FILES. */
export function bulkImportFiles(env: NodeJS.ProcessEnv = process.env): number {
  const set = env.PARALLAX_BULK_IMPORT_FILES;
  return set !== undefined && /^[1-9]\d{0,8}$/.test(set) ? Number(set) : BULK_IMPORT_FILES;
}

/**
 * Start the index's worker and load the saved index before the store has opened: the worker's start and
 * the index load (about 1.7 s at 100k articles) then overlap the catalog load instead of following it.
 */
export function openIndexEarly(root: string, opts: SearchOptions = {}): EarlyIndex {
  const entry = opts.runIn === 'inline' ? null : findWorkerEntry();
  if (!entry) return loadingIndex((onStatus) => inlineIndex(root, onStatus, opts.engineLimits));
  return takePrestartedIndex(root) ?? startWorkerIndex(entry, root, opts.engineLimits);
}

/**
 * The search index as the rest of the back end sees it: started on first use, kept in step with the
 * store's changes, reporting its status as an event, and saved when the notebook closes.
 */
export class SearchService {
  private index: IndexHandle | null = null;
  private started: Promise<void> | null = null;
  private ready: Promise<void> | null = null;
  private last: HostStatus = { state: 'starting', indexedArticles: 0, progress: null, message: null };
  private unsubscribe: (() => void) | null = null;
  private saveTimer: NodeJS.Timeout | null = null;
  private bulkJobs = 0;
  /** Articles were written while a bulk job ran and are not indexed yet. */
  private behind = false;
  private catchUpTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly store: NotebookStore,
    private readonly emit: Emit,
    private readonly opts: SearchOptions = {},
    private readonly early: EarlyIndex | null = null,
  ) {}

  private onStatus = (s: HostStatus) => {
    this.last = s;
    this.emit('search.status', this.toStatus(s));
  };

  private toStatus(s: HostStatus): SearchStatus {
    return { ...s, totalArticles: this.store.size };
  }

  /** Start the index (idempotent). Resolves once queries can be answered, possibly over a partial index. */
  start(): Promise<void> {
    this.started ??= (async () => {
      const early = this.early ?? openIndexEarly(this.store.layout.root, this.opts);
      early.relay.onStatus = this.onStatus;
      this.index = early.index;
      let changes = 0;
      this.unsubscribe = this.store.onChange((change) => {
        changes++;
        if (change.kind === 'put' && this.bulkJobs > 0) {
          this.behind = true; // indexed by the catch-up, from the article files (indexAfter)
          return;
        }
        const work = change.kind === 'delete' ? this.index!.remove(change.ids) : this.index!.upsert(change.records.map(toSearchArticle));
        work.then(() => this.scheduleSave()).catch((e: unknown) => console.error('[parallax] the search index missed a change:', e));
      });
      // The catalog's versions are read while the worker loads the index (~0.1 s at 100k, then off a start's
      // critical path), and read again if the notebook changed meanwhile: reconcile must see the catalog as it is.
      const before = changes;
      let catalog = catalogVersions(this.store.entries());
      this.onStatus(await early.opened);
      // The index may write its derived files (the search texts) only for the process that writes the notebook.
      if (!this.store.readOnly)
        await this.index.allowWrites().catch((e: unknown) => console.error('[parallax] the search texts stay read-only:', e));
      if (changes !== before) catalog = catalogVersions(this.store.entries());
      this.ready = this.reconcile(catalog);
    })();
    return this.started;
  }

  /**
   * Run a bulk import (`files` files) with the index following after it instead of alongside. Why: indexing
   * while importing holds both threads' working memory at once, the import's on the main thread and the
   * index's growth and garbage in the worker; 100k articles imported in one go peaked at 1.06–1.16 GB
   * resident. One after the other, the peak is the larger of the two. The articles the job wrote are then
   * indexed by a reconcile with the catalog (the pass an open makes, reading the article files), once no
   * import has run for `catchUpAfterMs`: folders imported one after another are indexed once, after the last.
   * Smaller imports are indexed as they are written, so they are searchable at once.
   */
  async indexAfter<T>(files: number, job: () => Promise<T>): Promise<T> {
    if (files < (this.opts.bulkImportFiles ?? bulkImportFiles())) return job();
    if (this.catchUpTimer) clearTimeout(this.catchUpTimer);
    this.catchUpTimer = null;
    this.bulkJobs++;
    try {
      return await job();
    } finally {
      if (--this.bulkJobs === 0 && this.behind) this.catchUpSoon();
    }
  }

  private catchUpSoon(): void {
    this.catchUpTimer = setTimeout(() => {
      this.catchUpTimer = null;
      this.behind = false;
      // After any reconcile still running (the one at start); queries that wait for the index wait for this.
      this.ready = (this.ready ?? Promise.resolve()).then(() =>
        this.reconcile(catalogVersions(this.store.entries()), 'indexing the imported articles'),
      );
    }, this.opts.catchUpAfterMs ?? 1_000);
    this.catchUpTimer.unref(); // a process on its way out leaves it to the next open's reconcile
  }

  private reconcile(catalog: CatalogVersions, reason?: string): Promise<void> {
    return this.index!.reconcile(catalog, reason).then(
      () => this.scheduleSave(),
      (e: unknown) =>
        this.onStatus({ ...this.last, state: 'failed', message: `The search index could not be built: ${(e as Error).message}` }),
    );
  }

  private scheduleSave(): void {
    if (this.store.readOnly) return; // a read-only notebook is never written to, not even its index
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      void this.index?.save().catch((e: unknown) => console.error('[parallax] the search index could not be saved:', e));
    }, this.opts.saveAfterMs ?? 10_000);
    this.saveTimer.unref();
  }

  async query(input: QueryInput): Promise<SearchResult> {
    await this.start();
    const wait = this.opts.waitForIndexMs ?? 300;
    if (this.ready && this.last.state !== 'ready') {
      await (wait === Infinity ? this.ready : Promise.race([this.ready, new Promise((r) => setTimeout(r, wait))]));
    }
    return this.index!.query(input);
  }

  async status(): Promise<SearchStatus> {
    await this.start();
    return this.toStatus(await this.index!.status().catch(() => this.last));
  }

  /** Wait for the first reconciliation (tests, benchmarks). */
  async whenReady(): Promise<void> {
    await this.start();
    await this.ready;
  }

  async close(): Promise<void> {
    if (!this.started) return;
    await this.started.catch(() => undefined);
    if (this.saveTimer) clearTimeout(this.saveTimer);
    // Articles not yet caught up with are indexed at the next open (its reconcile), not while closing.
    if (this.catchUpTimer) clearTimeout(this.catchUpTimer);
    this.unsubscribe?.();
    if (this.last.state !== 'failed' && !this.store.readOnly) await this.index?.close().catch(() => undefined);
    await this.index?.terminate?.();
  }
}
