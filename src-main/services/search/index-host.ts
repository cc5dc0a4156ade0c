import { getHeapStatistics } from 'node:v8';
import type { SearchResult } from '../../contract';
import type { ArticleRecord } from '../../core/article/article-record';
import type { SearchArticle } from '../../core/search/search-doc';
import { toSearchArticle } from '../../core/search/search-doc';
import { readJsonFile } from '../store/durable-json-file';
import { layout } from '../store/notebook-layout';
import { IndexUnusable, loadIndex, saveIndex, versionsChecksum } from './index-files';
import type { QueryInput, TextProvider } from './run-query';
import type { EngineLimits } from './engine-limits';
import { ENGINE_LIMITS } from './engine-limits';
import { runQuery } from './run-query';
import { SearchEngine } from './search-engine';
import { TextStore } from './text-store';
import { HeapGuard } from '../memory/heap-guard';
import type { UpsertQueueOptions } from './upsert-queue';
import { UPSERT_QUEUE, UpsertQueue } from './upsert-queue';
import type { CatalogVersions } from './catalog-versions';
import { catalogVersions } from './catalog-versions';

export type HostState = 'starting' | 'ready' | 'rebuilding' | 'failed';
export type HostStatus = {
  state: HostState;
  indexedArticles: number;
  progress: { done: number; total: number; reason: string } | null;
  message: string | null;
};

/**
 * Every article's id and updatedAt, as two newline-joined strings (ids never hold a newline): posted to the
 * worker as two strings rather than 100k two-item arrays, which took ~50 ms more to copy at 100k.
 */
export type { CatalogVersions };
export { catalogVersions };

/** The index's API, the same whether it runs in a worker thread (the app) or in-process (tests). */
export type IndexApi = {
  open(): Promise<HostStatus>;
  /**
   * Let this index write its derived files beside the notebook (the search texts, see text-store.ts). An
   * index starts read-only: the process that owns the notebook for writing says so once it has opened it,
   * so a reader beside the app, or a worker started before the notebook was opened, never writes.
   */
  allowWrites(): Promise<void>;
  /** `reason`: what the progress says (default: "building the search index" or "updating … (N changed)"). */
  reconcile(catalog: CatalogVersions, reason?: string): Promise<HostStatus>;
  upsert(articles: SearchArticle[]): Promise<void>;
  remove(ids: string[]): Promise<void>;
  query(input: QueryInput): Promise<SearchResult>;
  status(): Promise<HostStatus>;
  /** Save when enough changed since the last save (`force`: whenever anything changed). */
  save(force?: boolean): Promise<boolean>;
  close(): Promise<void>;
};

const BATCH = 100;
/**
 * A full collection whenever the heap has grown this much since the last one. V8 otherwise lets garbage
 * pile up and keeps the memory it grew into: the article files read while building (~15 kB each), the
 * posting lists an edit re-allocates (they are loaded exact-size, so one push copies them at 1.5×), the
 * pieces of a save. Counting articles or edits instead (every 10,000 while building) let ~150 MB of
 * garbage gather and the 100k first open peak past 1 GB.
 */
export const GARBAGE_ALLOWANCE = 48 << 20;
const CACHE_SIZE = 300;
/** Sweep removed documents out of flexsearch once this many have piled up, or after SWEEP_IDLE_MS without changes. */
const SWEEP_AT = 1000;
const SWEEP_IDLE_MS = 30_000;
const tick = () => new Promise<void>((r) => setImmediate(r));

/**
 * The search index of one notebook: loads the saved index, reconciles it with the catalog (indexing what
 * is new or changed, dropping what is gone), follows changes, answers queries and saves itself. Runs
 * inside the search worker; every mutation is serialised so a save never sees half an update.
 */
export class IndexHost implements IndexApi {
  private engine: SearchEngine;
  private state: HostState = 'starting';
  private progress: HostStatus['progress'] = null;
  private message: string | null = null;
  private dirty = 0;
  private readonly heap: HeapGuard;
  private lock: Promise<unknown> = Promise.resolve();
  private cache = new Map<string, SearchArticle>();
  private sweepTimer: NodeJS.Timeout | null = null;
  private readonly paths: ReturnType<typeof layout>;
  private readonly queue: UpsertQueue;
  private readonly dir: string;
  /** Snippet and phrase-check texts; null when they cannot be opened (every text then comes from its article file). */
  private texts: TextStore | null = null;
  private filling: Promise<void> | null = null;
  private closing = false;

  constructor(
    root: string,
    private readonly onStatus: (s: HostStatus) => void = () => undefined,
    /** A full garbage collection, when the host may run one (the search worker can; tests need not). */
    collect: () => void = () => undefined,
    /** Bytes of heap in use (V8's figure; tests give their own to check when collections happen). */
    heapUsed: () => number = () => getHeapStatistics().used_heap_size,
    queueOptions: UpsertQueueOptions = UPSERT_QUEUE,
    /** How much work a query may do before its answer is approximate (engine-limits.ts). */
    private readonly limits: EngineLimits = ENGINE_LIMITS,
  ) {
    this.engine = new SearchEngine(limits);
    this.heap = new HeapGuard(GARBAGE_ALLOWANCE, collect, heapUsed);
    this.paths = layout(root);
    this.queue = new UpsertQueue((articles) => this.applyUpserts(articles), queueOptions);
    this.dir = `${root}/index`;
  }

  private exclusive<T>(fn: () => Promise<T> | T): Promise<T> {
    const next = this.lock.then(fn, fn);
    this.lock = next.catch(() => undefined);
    return next;
  }

  async status(): Promise<HostStatus> {
    return { state: this.state, indexedArticles: this.engine.articleCount, progress: this.progress, message: this.message };
  }

  private async report(): Promise<HostStatus> {
    const s = await this.status();
    this.onStatus(s);
    return s;
  }

  async open(): Promise<HostStatus> {
    try {
      const saved = await loadIndex(this.dir);
      if (saved) this.engine = await SearchEngine.restore(saved.snap, this.limits);
    } catch (e) {
      // A damaged or outdated index is not an error for the user: it is rebuilt from the notebook.
      this.message = `Rebuilding the search index: ${e instanceof IndexUnusable ? e.message : (e as Error).message}`;
      this.engine = new SearchEngine(this.limits);
      this.dirty = Number.MAX_SAFE_INTEGER;
    }
    // The loaded index is the baseline: its garbage is left to V8 (a full collection here would hold up
    // the start by ~0.2 s at 100k), and growth from here on is what counts.
    this.heap.rebase();
    this.texts = await this.openTexts(false);
    return this.report();
  }

  private openTexts(writable: boolean): Promise<TextStore | null> {
    return TextStore.open(this.paths.root, { writable, tmpDir: this.paths.tmp }).catch((e: unknown) => {
      console.error('[parallax] the search texts could not be opened; snippets are read from the article files:', e);
      return null;
    });
  }

  allowWrites(): Promise<void> {
    return this.exclusive(async () => {
      if (this.texts?.writable || this.closing) return;
      await this.texts?.close();
      this.texts = await this.openTexts(true);
      if (this.state === 'ready') void this.fillTexts();
    });
  }

  /**
   * Write the texts of indexed articles the store lacks (a notebook from before the store, or its folder
   * deleted), from their article files, in batches between queries.
   */
  private fillTexts(): Promise<void> {
    this.filling ??= this.fillMissingTexts().finally(() => (this.filling = null));
    return this.filling;
  }

  /** Resolves once the texts missing at the last reconcile are written (tests, benchmarks). */
  textsFilled(): Promise<void> {
    return this.filling ?? Promise.resolve();
  }

  private async fillMissingTexts(): Promise<void> {
    const texts = this.texts;
    if (!texts?.writable) return;
    try {
      const todo = [...this.engine.articleVersions()].filter(([id, at]) => !texts.has(id, at)).map(([id]) => id);
      for (let i = 0; i < todo.length && !this.closing; i += BATCH) {
        const ids = todo.slice(i, i + BATCH);
        const records = await Promise.all(ids.map((id) => readJsonFile<ArticleRecord>(this.paths.article(id)).catch(() => null)));
        await this.exclusive(() => {
          // An article edited meanwhile was written by its upsert, in its new version.
          const current = records.filter(
            (r): r is ArticleRecord => !!r && r.updatedAt === this.engine.versionOf(r.id) && !texts.has(r.id, r.updatedAt),
          );
          texts.put(current.map(toSearchArticle));
          this.heap.collectIfGrown();
        });
        await tick();
      }
      await this.exclusive(() => texts.flush());
    } catch (e) {
      console.error('[parallax] the search texts could not be completed:', e);
    }
  }

  private load: TextProvider = async (id) => {
    const hit = this.cache.get(id);
    if (hit) {
      this.cache.delete(id);
      this.cache.set(id, hit);
      return hit;
    }
    const at = this.engine.versionOf(id);
    let a = at === undefined ? null : (this.texts?.get(id, at) ?? null);
    if (!a) {
      // Not in the store (not written yet, or a record that failed its checks): the article file is the truth.
      const record = await readJsonFile<ArticleRecord>(this.paths.article(id)).catch(() => null);
      if (!record) return null;
      a = toSearchArticle(record);
      if (a.updatedAt === at) this.texts?.put([a]);
    }
    this.cache.set(id, a);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    return a;
  };

  /** Bring the index in line with the catalog (`updatedAt` of every article), in batches, reporting progress. */
  async reconcile(catalog: CatalogVersions, reason?: string): Promise<HostStatus> {
    const ids = catalog.ids === '' ? [] : catalog.ids.split('\n');
    const versions = catalog.updatedAt === '' ? [] : catalog.updatedAt.split('\n');
    const building = this.engine.articleCount === 0;
    const todo: string[] = [];
    /** The catalog's updatedAt of each article to index, in step with `todo`. */
    const todoVersions: string[] = [];
    let matched = 0;
    for (const [i, id] of ids.entries()) {
      const at = this.engine.versionOf(id);
      if (at !== undefined) matched++;
      if (at !== versions[i]) {
        todo.push(id);
        todoVersions.push(versions[i]!);
      }
    }
    // Every indexed article is in the catalog unless fewer matched than are indexed: only then look for the gone.
    if (matched < this.engine.articleCount) {
      const wanted = new Set(ids);
      const gone = [...this.engine.articleVersions()].map(([id]) => id).filter((id) => !wanted.has(id));
      if (gone.length) await this.remove(gone);
    }
    if (todo.length === 0) {
      this.state = 'ready';
      this.message = null;
      void this.fillTexts();
      return this.report();
    }
    const why = reason ?? (building ? 'building the search index' : `updating the search index (${todo.length} changed)`);
    this.state = 'rebuilding';
    this.progress = { done: 0, total: todo.length, reason: why };
    await this.report();
    const failed: string[] = [];
    for (let i = 0; i < todo.length; i += BATCH) {
      const ids = todo.slice(i, i + BATCH);
      const { stored, fromFiles, unread } = await this.readForIndex(ids, todoVersions.slice(i, i + BATCH));
      await this.exclusive(() => {
        failed.push(...unread);
        for (const id of ids) this.cache.delete(id);
        for (const a of stored) this.engine.upsertArticle(a);
        for (const a of fromFiles) this.engine.upsertArticle(a);
        // Only what came from the article files is new to the search texts: the rest was read from them.
        this.texts?.put(fromFiles);
        this.dirty += ids.length;
        this.sweepLater();
      });
      const done = Math.min(todo.length, i + BATCH);
      await this.exclusive(() => this.heap.collectIfGrown());
      this.progress = { done, total: todo.length, reason: why };
      await this.report();
      await tick(); // let queries in between batches: search works over what is indexed so far
    }
    this.state = 'ready';
    this.progress = null;
    this.message = failed.length ? `${failed.length} article(s) could not be read for the search index` : null;
    void this.fillTexts();
    return this.report();
  }

  /**
   * The articles to index, each from the search texts when they hold the catalog's version of it (one read
   * of its text at a known offset, checked by CRC, id and updatedAt: about a fifth of the bytes of its
   * article file, and no raw text or analysis to parse), else from its article file. A first open with no
   * saved index (deleted, damaged or of an older format) then reads the texts the last session kept
   * instead of every article file, and does not write them all again. `unread`: ids with neither.
   */
  private async readForIndex(
    ids: string[],
    versions: string[],
  ): Promise<{ stored: SearchArticle[]; fromFiles: SearchArticle[]; unread: string[] }> {
    const stored: SearchArticle[] = [];
    const missing: string[] = [];
    ids.forEach((id, k) => {
      const a = this.texts?.get(id, versions[k]!) ?? null;
      if (a) stored.push(a);
      else missing.push(id);
    });
    const records = await Promise.all(missing.map((id) => readJsonFile<ArticleRecord>(this.paths.article(id)).catch(() => null)));
    const fromFiles: SearchArticle[] = [];
    const unread: string[] = [];
    records.forEach((r, k) => (r ? fromFiles.push(toSearchArticle(r)) : unread.push(missing[k]!)));
    return { stored, fromFiles, unread };
  }

  /** Index changed articles: queued while edits keep coming, see upsert-queue.ts. */
  upsert(articles: SearchArticle[]): Promise<void> {
    return this.queue.add(articles);
  }

  private applyUpserts(articles: SearchArticle[]): Promise<void> {
    return this.exclusive(() => {
      this.texts?.put(articles);
      for (const a of articles) {
        this.engine.upsertArticle(a);
        this.cache.delete(a.id);
        // Per article: a batch of queued edits re-allocates hundreds of MB of posting lists at 100k.
        this.heap.collectIfGrown();
      }
      this.dirty += articles.length;
      this.sweepLater();
    });
  }

  remove(ids: string[]): Promise<void> {
    this.queue.forget(ids);
    return this.exclusive(() => {
      this.texts?.remove(ids);
      for (const id of ids) {
        this.engine.removeArticle(id);
        this.cache.delete(id);
      }
      this.dirty += ids.length;
      this.sweepLater();
    });
  }

  /**
   * An edit replaces an article's documents; the old ones are swept out of flexsearch in bulk (one walk of
   * the index for any number of them, see flex-sweep.ts): at once when many are waiting, else when idle.
   */
  private sweepLater(): void {
    if (this.engine.tombstones >= SWEEP_AT) return this.engine.sweep();
    if (this.engine.tombstones === 0) return;
    if (this.sweepTimer) clearTimeout(this.sweepTimer);
    this.sweepTimer = setTimeout(() => {
      this.sweepTimer = null;
      void this.exclusive(() => {
        this.engine.sweep();
        this.heap.collectNow();
      });
    }, SWEEP_IDLE_MS);
    this.sweepTimer.unref();
  }

  async query(input: QueryInput): Promise<SearchResult> {
    await this.queue.flush();
    return runQuery(this.engine, this.load, input, this.state === 'ready');
  }

  /** Few changes are cheaper to re-index at the next start than to save a large index for. */
  private worthSaving(): boolean {
    return this.dirty >= Math.max(1, Math.min(50, Math.floor(this.engine.docCount * 0.1)));
  }

  async save(force = false): Promise<boolean> {
    await this.queue.flush();
    return this.exclusive(async () => {
      await this.texts?.flush().catch((e: unknown) => console.error('[parallax] the search texts could not be saved:', e));
      if (this.dirty === 0 || (!force && !this.worthSaving()) || this.state === 'rebuilding') return false;
      // The save streams the index out in pieces (index-files.ts); their garbage is collected as it goes,
      // and the edits' garbage before, so the save adds little to what the index itself takes.
      const src = this.engine.source();
      this.heap.collectNow();
      const flex: typeof src.flex = (write) =>
        src.flex(async (key, data) => {
          await write(key, data);
          this.heap.collectIfGrown();
        });
      await saveIndex(
        this.dir,
        { ...src, flex },
        {
          articles: this.engine.articleCount,
          checksum: versionsChecksum(this.engine.articleVersions()),
        },
      );
      this.dirty = 0;
      this.heap.collectNow(); // the export's pieces (~300 MB in all at 100k) are garbage now: give the memory back
      return true;
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    if (this.sweepTimer) clearTimeout(this.sweepTimer);
    this.queue.stop();
    await this.queue.flush();
    await this.lock;
    await this.save().catch((e: unknown) => console.error('[parallax] the search index could not be saved:', e));
    await this.exclusive(() => this.texts?.close()).catch((e: unknown) =>
      console.error('[parallax] the search texts could not be saved:', e),
    );
    this.texts = null;
  }
}
