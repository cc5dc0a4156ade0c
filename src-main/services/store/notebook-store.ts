import { mkdir, readdir, rm } from 'node:fs/promises';
import { AppError } from '../../contract';
import type { ArticleRecord, CatalogEntry } from '../../core/article/article-record';
import { toCatalogEntry } from '../../core/article/article-record';
import type { Durability } from './durable-json-file';
import { COMPACT_ROWS, Catalog } from './catalog';
import { RecentTexts } from './recent-texts';
import { readJsonFile, readJsonText, writeFileAtomic, writeFilesAtomic } from './durable-json-file';
import { migrate } from './migrations';
import { articleFromBackups, keepDamagedCopy, repairStamp } from './repair';
import type { Layout, NotebookManifest } from './notebook-layout';
import { FORMAT, SCHEMA_VERSION, layout, shardOf } from './notebook-layout';
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

async function isEmptyDir(dir: string): Promise<boolean> {
  try {
    // The lock file is ours: a folder holding only it is still an empty folder to create a notebook in.
    return (await readdir(dir)).filter((n) => n !== 'notebook.lock').length === 0;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw e;
  }
}

/**
 * The notebook on disk, with its catalog held in memory. Reads are served from memory (the catalog) or
 * one article file; every write goes through one queue and rewrites only the files it touches.
 */
export class NotebookStore {
  readonly layout: Layout;
  private catalog!: Catalog;
  private queueTail: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<StoreListener>();
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
    const l = layout(root);
    const durability = opts.durability ?? 'fsync';
    const compactAt = { rows: opts.compact?.rows ?? COMPACT_ROWS, idleMs: opts.compact?.idleMs ?? COMPACT_IDLE_MS };
    let manifestNotice: string | null = null;
    let manifest: NotebookManifest | null;
    try {
      manifest = await readJsonFile<NotebookManifest>(l.manifest);
    } catch (e) {
      const looksLikeNotebook = (await pathExists(l.catalogDir)) && (await pathExists(l.articlesDir));
      if (!looksLikeNotebook || opts.readerOnly || (e as { code?: string }).code !== 'CORRUPT') throw e;
      // The folder is plainly a notebook (catalog and articles are there): keep the broken manifest, write a new one.
      const kept = await keepDamagedCopy(l, l.manifest, repairStamp());
      manifest = { format: FORMAT, schemaVersion: SCHEMA_VERSION, createdAt: new Date().toISOString() };
      await mkdir(l.tmp, { recursive: true });
      await writeFileAtomic(l.manifest, JSON.stringify(manifest, null, 2), l.tmp, durability);
      manifestNotice = `notebook.json was damaged and has been rewritten (the damaged file is kept at ${kept}).`;
    }
    const legacy = !manifest && (await pathExists(`${root}/db.json`));
    if (!manifest && !legacy) {
      if (!opts.create)
        throw new AppError('NOT_FOUND', `No Parallax notebook at ${root}. Create one with "parallax init --notebook ${root}".`);
      if (!(await isEmptyDir(root))) {
        throw new AppError('CONFLICT', `${root} is not empty and is not a Parallax notebook; choose an empty or new folder`);
      }
    }
    if (manifest && manifest.format !== FORMAT) throw new AppError('CORRUPT', `${l.manifest} is not a Parallax notebook manifest`);
    if (opts.readerOnly) {
      if (!manifest) throw new AppError('NOT_FOUND', `No Parallax notebook at ${root}`);
      if (manifest.schemaVersion !== SCHEMA_VERSION) {
        throw new AppError(
          'CONFLICT',
          `The notebook at ${root} needs upgrading (schema ${manifest.schemaVersion}); open it for writing first`,
        );
      }
      const reader = new NotebookStore(root, durability, manifest.schemaVersion, compactAt);
      await reader.loadCatalog(false);
      reader.readOnly = true;
      reader.recent = null;
      reader.notice ??= READER_NOTICE;
      return reader;
    }
    await Promise.all([l.catalogDir, l.articlesDir, l.tmp].map((d) => mkdir(d, { recursive: true })));
    // Temp files are only ever in flight inside one write; any found now were left by a killed process.
    await rm(l.tmp, { recursive: true, force: true });
    await mkdir(l.tmp, { recursive: true });

    if (!manifest) {
      manifest = { format: FORMAT, schemaVersion: legacy ? 0 : SCHEMA_VERSION, createdAt: new Date().toISOString() };
      if (!legacy) await writeFileAtomic(l.manifest, JSON.stringify(manifest, null, 2), l.tmp, durability);
    }
    if (manifest.schemaVersion > SCHEMA_VERSION) {
      throw new AppError(
        'CONFLICT',
        `This notebook was written by a newer Parallax (schema ${manifest.schemaVersion}); update Parallax to open it`,
      );
    }
    if (manifest.schemaVersion < SCHEMA_VERSION) manifest = await migrate(l, manifest, SCHEMA_VERSION, durability);

    const store = new NotebookStore(root, durability, manifest.schemaVersion, compactAt);
    await store.loadCatalog(true);
    if (manifestNotice) store.notice = [manifestNotice, store.notice].filter(Boolean).join(' ');
    if (!store.readOnly) void store.enqueue(() => store.recoverOrphans()).catch((e) => console.error('[parallax] recovery failed:', e));
    return store;
  }

  private async loadCatalog(repair: boolean): Promise<void> {
    const { catalog, notices, damaged } = await Catalog.open(this.layout, this.durability, repair, this.compactAt.rows);
    this.catalog = catalog;
    if (notices.length) this.notice = notices.join(' ');
    if (damaged.length) {
      // A reader must not write: it says so and stays read-only; the next writer repairs the file.
      this.readOnly = true;
      this.notice = `The notebook is open read-only because ${damaged.length} catalog file(s) are damaged. ${damaged[0]}`;
    }
  }

  /**
   * Article files with no catalog row were cut off by a crash between the two writes of an import. Their
   * content is whole (each file is renamed into place), so they are added back, unless the same article
   * is already in the notebook (the import was retried), in which case the stray copy is removed.
   * Runs in the write queue, so it never races an import in flight.
   */
  private async recoverOrphans(): Promise<{ recovered: number; removed: number }> {
    const recovered: ArticleRecord[] = [];
    let removed = 0;
    for (const dir of await readdir(this.layout.articlesDir).catch(() => [] as string[])) {
      for (const name of await readdir(`${this.layout.articlesDir}/${dir}`).catch(() => [] as string[])) {
        const id = name.replace(/\.json$/, '');
        if (!name.endsWith('.json') || this.entry(id)) continue;
        const record = await readJsonFile<ArticleRecord>(this.layout.article(id)).catch(() => null);
        if (record && record.id === id && !this.catalog.findByFingerprint(record.fingerprint)) {
          recovered.push(record);
          this.catalog.claimFingerprint(record.fingerprint, id);
        } else {
          await rm(this.layout.article(id), { force: true });
          removed++;
        }
      }
    }
    if (recovered.length) await this.writeCatalog(recovered.map(toCatalogEntry));
    return { recovered: recovered.length, removed };
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

  async readArticle(id: string): Promise<ArticleRecord> {
    if (!this.entry(id)) throw new AppError('NOT_FOUND', `No article with id ${id}`);
    const file = this.layout.article(id);
    const kept = this.recent ? await this.recent.get(file) : undefined;
    if (kept !== undefined) return JSON.parse(kept) as ArticleRecord;
    let problem: string;
    try {
      const read = await readJsonText<ArticleRecord>(file);
      const record = read?.value;
      if (read && record && record.id === id) {
        await this.remember(id, read.text);
        return record;
      }
      problem = record ? `${file} holds another article` : `${file} is missing`;
    } catch (e) {
      problem = (e as Error).message;
    }
    return this.repairArticle(id, file, problem);
  }

  /** Keep the text of an article file just read or written (see RecentTexts); only a writer keeps them. */
  private async remember(id: string, text: string): Promise<void> {
    await this.recent?.keep(this.layout.article(id), text);
  }

  /**
   * A damaged or missing article file: restored from the newest backup holding an intact copy, with the
   * damaged file kept under damaged/; without a backup (or in a read-only notebook) the article says so and
   * every other article keeps working.
   */
  private async repairArticle(id: string, file: string, problem: string): Promise<ArticleRecord> {
    const found = this.readOnly ? null : await articleFromBackups(this.layout, id, shardOf(id));
    if (!found) {
      throw new AppError(
        'CORRUPT',
        `Article ${id} cannot be read (${problem}). No backup holds a copy; the file was left as it is, and the rest of the notebook works.`,
      );
    }
    const stamp = repairStamp();
    const kept = await keepDamagedCopy(this.layout, file, stamp).catch(() => null);
    const text = JSON.stringify(found.record);
    await writeFileAtomic(file, text, this.layout.tmp, this.durability);
    await this.remember(id, text);
    this.catalog.set([toCatalogEntry(found.record)]);
    // A repair may run inside a queued write (which reads the article first), so its row is queued behind
    // that write, and the row written is the newest in memory then (the write may have changed it again).
    void this.enqueue(async () => {
      const row = this.entry(id);
      if (row) await this.writeCatalog([row]);
    }).catch((e: unknown) => console.error('[parallax] the repaired catalog row could not be saved:', e));
    this.notice = `Article “${found.record.analysis.meta.title.value ?? id}” was damaged and has been restored from ${found.archive}${kept ? `; the damaged file is kept at ${kept}` : ''}. Changes made to it after that backup are lost.`;
    return found.record;
  }

  /** Be told of every committed change (after it is on disk). Returns an unsubscribe function. */
  onChange(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
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
    const next = this.queueTail.then(op, op);
    this.queueTail = next.catch(() => undefined);
    return next;
  }

  /**
   * Run `op` between queued writes, with none running meanwhile: a backup taken this way is a consistent
   * snapshot of the notebook. Allowed on a read-only notebook (it writes nothing into the notebook's data).
   */
  runExclusive<T>(op: () => Promise<T>): Promise<T> {
    const next = this.queueTail.then(op, op);
    this.queueTail = next.catch(() => undefined);
    return next;
  }

  /** Resolves once every write queued so far is on disk. */
  flush(): Promise<void> {
    return this.queueTail.then(() => undefined);
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
      const files = records.map((r) => ({ file: this.layout.article(r.id), data: JSON.stringify(r) }));
      await writeFilesAtomic(files, this.layout.tmp, this.durability);
      // An import is not followed by edits of what it wrote: nothing is kept, only stale copies dropped.
      for (const f of files) this.recent?.forget(f.file);
      await this.writeCatalog(records.map(toCatalogEntry));
      this.notify({ kind: 'put', records });
      return duplicates;
    });
  }

  /** Read-modify-write one article inside the queue, so concurrent edits of the same article never lose each other. */
  updateArticle(id: string, mutate: (r: ArticleRecord) => void): Promise<ArticleRecord> {
    return this.enqueue(async () => {
      const record = await this.readArticle(id);
      mutate(record);
      record.updatedAt = new Date().toISOString();
      // The article file first (flushed, renamed, its folder flushed), then its catalog row.
      const text = JSON.stringify(record);
      await writeFileAtomic(this.layout.article(id), text, this.layout.tmp, this.durability);
      await this.remember(id, text);
      await this.writeCatalog([toCatalogEntry(record)]);
      this.notify({ kind: 'update', records: [record] });
      return record;
    });
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
        if (await pathExists(this.layout.catalogDir)) await this.catalog.compact();
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
