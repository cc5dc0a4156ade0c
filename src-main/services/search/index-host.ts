import type { SearchResult } from '../../contract';
import type { ArticleRecord } from '../../core/article/article-record';
import type { SearchArticle } from '../../core/search/search-doc';
import { toSearchArticle } from '../../core/search/search-doc';
import { readJsonFile } from '../store/durable-json-file';
import { layout } from '../store/notebook-layout';
import { IndexUnusable, loadIndex, saveIndex, versionsChecksum } from './index-files';
import type { TextProvider } from './run-query';
import { runQuery } from './run-query';
import { SearchEngine } from './search-engine';

export type HostState = 'starting' | 'ready' | 'rebuilding' | 'failed';
export type HostStatus = {
  state: HostState;
  indexedArticles: number;
  progress: { done: number; total: number; reason: string } | null;
  message: string | null;
};

/** The index's API, the same whether it runs in a worker thread (the app) or in-process (tests). */
export type IndexApi = {
  open(): Promise<HostStatus>;
  reconcile(catalog: [string, string][]): Promise<HostStatus>;
  upsert(articles: SearchArticle[]): Promise<void>;
  remove(ids: string[]): Promise<void>;
  query(input: { query: string; limit: number; offset: number }): Promise<SearchResult>;
  status(): Promise<HostStatus>;
  /** Save when enough changed since the last save (`force`: whenever anything changed). */
  save(force?: boolean): Promise<boolean>;
  close(): Promise<void>;
};

const BATCH = 100;
/**
 * While many articles are indexed, run a full collection every this many: V8 otherwise lets the garbage of
 * the article files read so far pile up (at the end of a 100k build, 645 MB of heap in use instead of 393).
 */
const COLLECT_EVERY = 10_000;
/**
 * A full collection after this many articles were re-indexed (edited, not new): each edit pushes ids onto
 * posting lists that were loaded exact-size, so V8 re-allocates them at 1.5× and the old copies are garbage
 * (at 100k, 300 edits after a restart took RSS from ~730 to ~970 MB before this).
 */
const COLLECT_AFTER_EDITS = 100;
/** While saving, a full collection after every this many characters of flexsearch's export (~300 M at 100k). */
const COLLECT_SAVED_CHARS = 64 << 20;
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
  private engine = new SearchEngine();
  private state: HostState = 'starting';
  private progress: HostStatus['progress'] = null;
  private message: string | null = null;
  private dirty = 0;
  private edited = 0;
  private lock: Promise<unknown> = Promise.resolve();
  private cache = new Map<string, SearchArticle>();
  private sweepTimer: NodeJS.Timeout | null = null;
  private readonly paths: ReturnType<typeof layout>;
  private readonly dir: string;

  constructor(
    root: string,
    private readonly onStatus: (s: HostStatus) => void = () => undefined,
    /** A full garbage collection, when the host may run one (the search worker can; tests need not). */
    private readonly collect: () => void = () => undefined,
  ) {
    this.paths = layout(root);
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
      if (saved) this.engine = await SearchEngine.restore(saved.snap);
    } catch (e) {
      // A damaged or outdated index is not an error for the user: it is rebuilt from the notebook.
      this.message = `Rebuilding the search index: ${e instanceof IndexUnusable ? e.message : (e as Error).message}`;
      this.engine = new SearchEngine();
      this.dirty = Number.MAX_SAFE_INTEGER;
    }
    return this.report();
  }

  private load: TextProvider = async (id) => {
    const hit = this.cache.get(id);
    if (hit) {
      this.cache.delete(id);
      this.cache.set(id, hit);
      return hit;
    }
    const record = await readJsonFile<ArticleRecord>(this.paths.article(id)).catch(() => null);
    if (!record) return null;
    const a = toSearchArticle(record);
    this.cache.set(id, a);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    return a;
  };

  /** Bring the index in line with the catalog (`[id, updatedAt]` of every article), in batches, reporting progress. */
  async reconcile(catalog: [string, string][]): Promise<HostStatus> {
    const indexed = new Map(this.engine.articleVersions());
    const wanted = new Set<string>();
    const todo: string[] = [];
    for (const [id, at] of catalog) {
      wanted.add(id);
      if (indexed.get(id) !== at) todo.push(id);
    }
    const gone = [...indexed.keys()].filter((id) => !wanted.has(id));
    if (gone.length) await this.remove(gone);
    if (todo.length === 0) {
      this.state = 'ready';
      this.message = null;
      return this.report();
    }
    const reason = indexed.size === 0 ? 'building the search index' : `updating the search index (${todo.length} changed)`;
    this.state = 'rebuilding';
    this.progress = { done: 0, total: todo.length, reason };
    await this.report();
    const failed: string[] = [];
    for (let i = 0; i < todo.length; i += BATCH) {
      const ids = todo.slice(i, i + BATCH);
      const records = await Promise.all(ids.map((id) => readJsonFile<ArticleRecord>(this.paths.article(id)).catch(() => null)));
      await this.exclusive(() => {
        records.forEach((r, k) => {
          if (r) this.engine.upsertArticle(toSearchArticle(r));
          else failed.push(ids[k]!);
          this.cache.delete(ids[k]!);
        });
        this.dirty += ids.length;
        this.sweepLater();
      });
      const done = Math.min(todo.length, i + BATCH);
      if (Math.floor(done / COLLECT_EVERY) > Math.floor(i / COLLECT_EVERY)) await this.exclusive(() => this.collect());
      this.progress = { done, total: todo.length, reason };
      await this.report();
      await tick(); // let queries in between batches: search works over what is indexed so far
    }
    this.state = 'ready';
    this.progress = null;
    this.message = failed.length ? `${failed.length} article(s) could not be read for the search index` : null;
    return this.report();
  }

  upsert(articles: SearchArticle[]): Promise<void> {
    return this.exclusive(() => {
      for (const a of articles) {
        if (this.engine.hasArticle(a.id)) this.edited++;
        this.engine.upsertArticle(a);
        this.cache.delete(a.id);
      }
      this.dirty += articles.length;
      this.sweepLater();
      if (this.edited >= COLLECT_AFTER_EDITS) {
        this.edited = 0;
        this.collect();
      }
    });
  }

  remove(ids: string[]): Promise<void> {
    return this.exclusive(() => {
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
        this.collect();
      });
    }, SWEEP_IDLE_MS);
    this.sweepTimer.unref();
  }

  query(input: { query: string; limit: number; offset: number }): Promise<SearchResult> {
    return runQuery(this.engine, this.load, input, this.state === 'ready');
  }

  /** Few changes are cheaper to re-index at the next start than to save a large index for. */
  private worthSaving(): boolean {
    return this.dirty >= Math.max(1, Math.min(50, Math.floor(this.engine.docCount * 0.1)));
  }

  save(force = false): Promise<boolean> {
    return this.exclusive(async () => {
      if (this.dirty === 0 || (!force && !this.worthSaving()) || this.state === 'rebuilding') return false;
      // The save streams the index out in pieces (index-files.ts); their garbage is collected as it goes,
      // and the edits' garbage before, so the save adds little to what the index itself takes.
      const src = this.engine.source();
      this.collect();
      let pending = 0;
      const flex: typeof src.flex = (write) =>
        src.flex(async (key, data) => {
          await write(key, data);
          pending += data.length;
          if (pending >= COLLECT_SAVED_CHARS) {
            pending = 0;
            this.collect();
          }
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
      this.collect(); // the export's pieces (~300 MB in all at 100k) are garbage now: give the memory back
      return true;
    });
  }

  async close(): Promise<void> {
    if (this.sweepTimer) clearTimeout(this.sweepTimer);
    await this.lock;
    await this.save().catch((e: unknown) => console.error('[parallax] the search index could not be saved:', e));
  }
}
