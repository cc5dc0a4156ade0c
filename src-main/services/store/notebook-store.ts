import { AppError } from '../../contract/errors';
import type { ArticleRecord, CatalogEntry } from '../../core/article/article-record';
import { toCatalogEntry } from '../../core/article/article-record';
import { readArticleFile } from './article-file';
import type { Durability } from './durable-json-file';
import { COMPACT_ROWS, Catalog } from './catalog';
import { findOrphans } from './orphan-recovery';
import { articleFromBackups, keepDamagedCopy, repairStamp } from './repair';
import type { Layout } from './notebook-layout';
import { layout, shardOf } from './notebook-layout';
import { openManifest } from './notebook-manifest';
import { RecentTexts } from './recent-texts';
import type { SettleHost } from './settle-at-open';
import { adoptOrphans, settleInFlight } from './settle-at-open';
import type { ArticleFileWrite } from './write-article-files';
import { writeArticleFiles } from './write-article-files';
import { WriteQueue } from './write-queue';
import { pathExists } from '../path-exists';

/** What changed after a write reached the disk; the search index and open windows follow these. */
export type StoreChange = { kind: 'put' | 'update'; records: ArticleRecord[] } | { kind: 'delete'; ids: string[] };
export type StoreListener = (change: StoreChange) => void;

export type OpenOptions = {
  /** Create the folder and an empty notebook when there is none. */
  create?: boolean;
  durability?: Durability;
  /**
   * Open only to read, beside a writer that may be at work: nothing is created, cleaned or migrated, and
   * every write is refused. The CLI's list and show use this while another process holds the lock.
   */
  readerOnly?: boolean;
  /** When the catalog journal is folded into its shards (defaults below; tests make them small). */
  compact?: { rows?: number; idleMs?: number };
};

/** What a reader opened beside a writer says; not worth telling anyone. */
export const READER_NOTICE = 'Opened for reading only';

/** Article files whose text the store keeps (recent-texts.ts): ~20 kB each. */
const RECENT_ARTICLES = 64;
/** Compact the catalog journal into its shards once no write has come for this long (edits; ADR 004). */
const COMPACT_IDLE_MS = 5_000;

/** Passed by the store's queued writes to `readArticle`: a repair then runs in their turn, not queued behind it. */
const IN_QUEUE: unique symbol = Symbol('in the write queue');

/**
 * The notebook on disk, with its catalog held in memory. Reads are served from memory (the catalog) or
 * one article file; every write goes through one queue and rewrites only the files it touches.
 */
export class NotebookStore {
  readonly layout: Layout;
  private catalog!: Catalog;
  private readonly queue = new WriteQueue();
  private readonly listeners = new Set<StoreListener>();
  private readonly compactListeners = new Set<() => void>();
  /** A reader beside a writer keeps none: the writer may change the files. */
  private recent: RecentTexts | null = new RecentTexts(RECENT_ARTICLES);
  private idleTimer: NodeJS.Timeout | null = null;
  private closed = false;
  readOnly = false;
  notice: string | null = null;

  private constructor(
    root: string,
    readonly durability: Durability,
    readonly schemaVersion: number,
    private readonly compactAt: { rows: number; idleMs: number },
  ) {
    this.layout = layout(root);
  }

  static async open(root: string, opts: OpenOptions = {}): Promise<NotebookStore> {
    const durability = opts.durability ?? 'fsync';
    const compactAt = { rows: opts.compact?.rows ?? COMPACT_ROWS, idleMs: opts.compact?.idleMs ?? COMPACT_IDLE_MS };
    const { manifest, notice } = await openManifest(root, layout(root), { create: opts.create, readerOnly: opts.readerOnly, durability });
    const store = new NotebookStore(root, durability, manifest.schemaVersion, compactAt);
    if (opts.readerOnly) {
      await store.loadCatalog(false);
      store.readOnly = true;
      store.recent = null;
      if (notice) store.tell(notice);
      store.notice ??= READER_NOTICE;
      return store;
    }
    const { rebuilt, inFlight } = await store.loadCatalog(true);
    if (notice) store.tell(notice);
    if (!store.readOnly) await store.recoverAtOpen(rebuilt, inFlight);
    return store;
  }

  /**
   * Bring rows and article files back into agreement after a crash or a repair, before anyone reads the
   * catalog. The articles the journal names in flight (a kill fell between an article file and its row)
   * are read again and their rows rewritten: normally none, one after a kill. After a catalog rebuild every
   * article file without a row is looked at here too (the rebuild leaves damaged ones out); otherwise that
   * full scan (~0.1 s at 100k) runs in the background, behind the write queue, for files a crash left by
   * an older Parallax, and tells the search index of what it adds.
   */
  private async recoverAtOpen(rebuilt: boolean, inFlight: string[]): Promise<void> {
    const host = this.settleHost();
    await this.enqueue(() => settleInFlight(host, inFlight));
    const scan = () => this.enqueue(async () => adoptOrphans(host, await findOrphans(this.layout, (id) => !!this.entry(id))));
    if (rebuilt) {
      await scan().catch((e: unknown) =>
        this.tell(`Looking for articles left out of the rebuilt catalog failed: ${(e as Error).message}.`),
      );
    } else {
      void scan().catch((e: unknown) => console.error('[parallax] recovery failed:', e));
    }
  }

  private settleHost(): SettleHost {
    return {
      layout: this.layout,
      durability: this.durability,
      catalog: this.catalog,
      writeArticles: (items, what) => this.writeArticles(items, what),
      writeRowsAfterCommit: (rows) => this.writeRowsAfterCommit(rows),
      tell: (message) => this.tell(message),
      added: (records) => this.notify({ kind: 'put', records }),
    };
  }

  /** Add a message to what the notebook tells the user (the sidebar in the app, stderr for the CLI). */
  tell(message: string): void {
    this.notice = this.notice && this.notice !== READER_NOTICE ? `${this.notice} ${message}` : message;
  }

  private async loadCatalog(repair: boolean): Promise<{ rebuilt: boolean; inFlight: string[] }> {
    const { catalog, notices, damaged, rebuilt, inFlight } = await Catalog.open(this.layout, this.durability, repair, this.compactAt.rows);
    this.catalog = catalog;
    if (notices.length) this.notice = notices.join(' ');
    if (damaged.length) {
      // Nothing is written over a file that could not be read or repaired: the notebook says so and stays
      // read-only (a reader always does; the next writer repairs what is damaged).
      this.readOnly = true;
      this.notice = `The notebook is open read-only because ${damaged.length} catalog file(s) are damaged or cannot be read. ${damaged[0]}`;
    }
    return { rebuilt, inFlight };
  }

  /** Articles in the catalog. Counted once at open and kept up to date: status requests ask often. */
  get size(): number {
    return this.catalog.size;
  }

  entries(): IterableIterator<CatalogEntry> {
    return this.catalog.entries();
  }

  entry(id: string): CatalogEntry | undefined {
    return this.catalog.entry(id);
  }

  findByFingerprint(fingerprint: string): string | undefined {
    return this.catalog.findByFingerprint(fingerprint);
  }

  /**
   * One article. Only a file that was read and found wrong (or is missing) is repaired; one that cannot be
   * read is reported as IO_ERROR and left alone (it may be intact: no file handles left for a moment,
   * locked, no permission). A repair writes, so it runs in the write queue: a read from outside queues
   * one; the store's own queued writes pass `IN_QUEUE` (which no one else can) and repair in their turn.
   */
  async readArticle(id: string, turn?: typeof IN_QUEUE): Promise<ArticleRecord> {
    if (!this.entry(id)) throw new AppError('NOT_FOUND', `No article with id ${id}`);
    const file = this.layout.article(id);
    const kept = this.recent ? await this.recent.get(file) : undefined;
    if (kept !== undefined) return JSON.parse(kept) as ArticleRecord;
    const found = await readArticleFile(file, id);
    if (found.kind === 'sound') {
      await this.remember(id, found.text);
      return found.record;
    }
    const problem = found.kind === 'missing' ? 'the file is missing' : found.problem;
    if (turn === IN_QUEUE || this.readOnly) return this.repairArticle(id, file, problem, found.kind === 'missing');
    return this.enqueue(() => this.readArticle(id, IN_QUEUE));
  }

  /** Keep the text of an article file just read or written (see RecentTexts); only a writer keeps them. */
  private async remember(id: string, text: string): Promise<void> {
    await this.recent?.keep(this.layout.article(id), text);
  }

  /**
   * A damaged or missing article file (inside the write queue): restored from the newest backup holding an
   * intact copy, with the damaged file kept under damaged/ first (if the copy cannot be made, nothing is
   * replaced); without a backup (or in a read-only notebook) the article says so and every other article
   * keeps working.
   */
  private async repairArticle(id: string, file: string, problem: string, missing: boolean): Promise<ArticleRecord> {
    const found = this.readOnly ? null : await articleFromBackups(this.layout, id, shardOf(id));
    if (!found) {
      throw new AppError(
        'CORRUPT',
        `Article ${id} is damaged (${problem}). ${this.readOnly ? 'The notebook is open read-only, so it was not repaired' : 'No backup holds a copy'}; the file was left as it is, and the rest of the notebook works.`,
      );
    }
    const kept = missing ? null : await keepDamagedCopy(this.layout, file, repairStamp(), this.durability);
    const text = JSON.stringify(found.record);
    await this.writeArticles([{ record: found.record, text }], 'the restored article');
    await this.remember(id, text);
    this.notify({ kind: 'update', records: [found.record] });
    this.tell(
      `Article “${found.record.analysis.meta.title.value ?? id}” was damaged (${problem}) and has been restored from ${found.archive}${kept ? `; the damaged file is kept at ${kept}` : ''}. Changes made to it after that backup are lost.`,
    );
    return found.record;
  }

  /** Be told of every committed change (after it is on disk). Returns an unsubscribe function. */
  onChange(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Be told when the journal was folded into the shards while the notebook was idle: the rows are the same,
   * the files are not (the saved first page names the files). Returns an unsubscribe function.
   */
  onCompacted(listener: () => void): () => void {
    this.compactListeners.add(listener);
    return () => this.compactListeners.delete(listener);
  }

  private notify(change: StoreChange): void {
    for (const l of this.listeners) {
      try {
        l(change);
      } catch (e) {
        console.error('[parallax] a store listener failed:', e);
      }
    }
  }

  /** Queue a write; writes run one after another, in order. */
  enqueue<T>(op: () => Promise<T>): Promise<T> {
    if (this.readOnly) return Promise.reject(new AppError('READ_ONLY', this.notice ?? 'The notebook is read-only'));
    return this.queue.run(op);
  }

  /**
   * Run `op` between queued writes, with none running meanwhile: a backup taken this way is a consistent
   * snapshot of the notebook. Allowed on a read-only notebook (it writes nothing into the notebook's data).
   */
  runExclusive<T>(op: () => Promise<T>): Promise<T> {
    return this.queue.run(op);
  }

  /** Resolves once every write queued so far is on disk. */
  flush(): Promise<void> {
    return this.queue.flush();
  }

  /**
   * Save whole article records (new or replaced): their documents first, then their catalog rows (one
   * journal append). With `dropDuplicates`, a new record whose fingerprint the catalog already holds is not
   * saved: the check runs inside the write queue, so imports racing each other cannot both add one text.
   * Returns, for each dropped record, the id of the article it duplicates.
   */
  putArticles(records: ArticleRecord[], opts: { dropDuplicates?: boolean } = {}): Promise<Map<string, string>> {
    return this.enqueue(async () => {
      const duplicates = new Map<string, string>();
      if (opts.dropDuplicates) {
        const kept = new Map<string, string>();
        records = records.filter((r) => {
          const existing = this.catalog.findByFingerprint(r.fingerprint) ?? kept.get(r.fingerprint);
          if (existing !== undefined && existing !== r.id) {
            duplicates.set(r.id, existing);
            return false;
          }
          kept.set(r.fingerprint, r.id);
          return true;
        });
        if (records.length === 0) return duplicates;
      }
      await this.writeArticles(
        records.map((record) => ({ record, text: JSON.stringify(record) })),
        records.length === 1 ? 'the article' : `the ${records.length} articles`,
      );
      // An import is not followed by edits of what it wrote: nothing is kept, only stale copies dropped.
      for (const r of records) this.recent?.forget(this.layout.article(r.id));
      this.notify({ kind: 'put', records });
      return duplicates;
    });
  }

  /**
   * Read-modify-write one article inside the queue, so concurrent edits of the same article never lose each
   * other. `touch: false` keeps `updatedAt`, for bookkeeping that is no edit (a check that found nothing new).
   */
  updateArticle(id: string, mutate: (r: ArticleRecord) => void, opts: { touch?: boolean } = {}): Promise<ArticleRecord> {
    return this.enqueue(async () => {
      const record = await this.readArticle(id, IN_QUEUE);
      mutate(record);
      if (opts.touch !== false) record.updatedAt = new Date().toISOString();
      const text = JSON.stringify(record);
      await this.writeArticles([{ record, text }], 'the change');
      await this.remember(id, text);
      this.notify({ kind: 'update', records: [record] });
      return record;
    });
  }

  /**
   * The one way article files are written (inside the write queue): the files, durably, with the articles
   * named in flight first (write-article-files.ts), then their rows appended to the journal. A failed row
   * append after the files are in place is logged, the row already in memory; the next open writes it from
   * the file. So a write reported as failed never appears later, and a row never stays older than its article.
   */
  private async writeArticles(items: ArticleFileWrite[], what: string): Promise<void> {
    await writeArticleFiles({ layout: this.layout, durability: this.durability, catalog: this.catalog }, items, what);
    await this.writeRowsAfterCommit(items.map((i) => toCatalogEntry(i.record)));
  }

  /** Rows of article files already in place: a failure is not the write's (see writeArticles). */
  private async writeRowsAfterCommit(rows: CatalogEntry[]): Promise<void> {
    try {
      await this.writeCatalog(rows);
    } catch (e) {
      this.catalog.set(rows);
      this.compactWhenIdle();
      console.error(
        `[parallax] ${rows.length} catalog row(s) could not be appended (${(e as Error).message}); they are written at the next compaction or open`,
      );
    }
  }

  /**
   * Catalog rows go to the journal: one append, whatever the notebook's size (ADR 004). The shards are
   * rewritten from memory once the journal is long (an import) or the notebook has been idle a while.
   */
  private async writeCatalog(entries: CatalogEntry[]): Promise<void> {
    await this.catalog.write(entries);
    if (this.catalog.pending > 0) this.compactWhenIdle();
  }

  private compactWhenIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.catalog.pending === 0 || this.closed) return;
      this.enqueue(async () => {
        // A notebook folder removed under an open store (a test's temp folder) has nothing to compact into.
        if (!(await pathExists(this.layout.catalogDir))) return;
        await this.catalog.compact();
        for (const l of this.compactListeners) l();
      }).catch((e: unknown) => console.error('[parallax] the catalog could not be compacted:', e));
    }, this.compactAt.idleMs);
    this.idleTimer.unref();
  }

  /**
   * Finish queued writes and fold the journal into the shards, so the notebook is left in its plainest
   * form. Not needed for safety (a notebook whose process was killed opens the same), only for tidiness.
   */
  async close(): Promise<void> {
    if (this.closed) return this.flush();
    this.closed = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    if (this.readOnly) return this.flush();
    await this.enqueue(() => this.catalog.compact());
  }
}
