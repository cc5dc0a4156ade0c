import type { Low } from 'lowdb';
import type { CatalogEntry } from '../../core/article/article-record';
import type { Shard } from './catalog-files';
import { readCatalogFiles } from './catalog-files';
import { CatalogJournal } from './catalog-journal';
import type { Durability } from './durable-json-file';
import { syncDir, writeFilesAtomic } from './durable-json-file';
import type { Layout } from './notebook-layout';
import { shardOf } from './notebook-layout';
import { bulkWorkHeap } from '../memory/heap-guard';

/** Compact the journal into the shards once it holds this many rows or bytes (an import; ADR 004). */
export const COMPACT_ROWS = 20_000;
const COMPACT_BYTES = 16 << 20;
/**
 * Shards serialised and written at a time when compacting. Writing all 256 at once held the whole catalog
 * as JSON (and again as bytes) at the same moment: ~150–250 MB of transient heap at 100k, on the main
 * thread, during imports and the idle compaction after edits. Each group is flushed before the next is
 * serialised; the journal is emptied only after the last, so a crash between groups loses nothing (the
 * journal's rows are read over whichever shards were rewritten).
 */
export const COMPACT_GROUP = 32;

/**
 * The library rows of every article, in memory, and their files: 256 shards plus the journal of rows
 * written since the shards were (ADR 004). It does no queuing of its own: the store calls `write` and
 * `compact` from its write queue.
 */
export class Catalog {
  private readonly byFingerprint = new Map<string, string>();
  private count = 0;

  private constructor(
    private readonly layout: Layout,
    private readonly durability: Durability,
    private readonly shards: Map<string, Low<Shard>>,
    /** Shards whose rows in memory are newer than their file (the journal holds the difference). */
    private readonly dirty: Set<string>,
    private readonly journal: CatalogJournal,
    private readonly compactRows: number,
  ) {
    for (const db of shards.values()) {
      this.count += Object.keys(db.data.entries).length;
      for (const entry of Object.values(db.data.entries)) this.byFingerprint.set(entry.fingerprint, entry.id);
    }
  }

  /**
   * Read the catalog. A writer (`repair`) also puts right what it found: compacts after a rebuild, cuts off
   * an append a crash left unfinished, creates the journal of a notebook made before it (its folder
   * flushed, so appends need only flush the file). Returns what was repaired and what a reader found damaged.
   */
  static async open(
    layout: Layout,
    durability: Durability,
    repair: boolean,
    compactRows = COMPACT_ROWS,
  ): Promise<{ catalog: Catalog; notices: string[]; damaged: string[]; rebuilt: boolean; inFlight: string[] }> {
    const loaded = await readCatalogFiles(layout, durability, repair);
    const { journal } = loaded;
    const file = new CatalogJournal(layout.catalogJournal, durability, { rows: journal.rows.length, bytes: journal.goodBytes });
    const catalog = new Catalog(layout, durability, loaded.shards, loaded.dirty, file, compactRows);
    // With a file that could not be read or repaired, nothing is written: its rows are not in memory, and
    // compacting would write the shards without them.
    const writable = repair && loaded.damaged.length === 0;
    if (writable && loaded.rebuilt) {
      await catalog.compact();
      // The compaction emptied the journal: the articles still in flight are named again until their rows
      // are written (none after a broken journal: every row was rebuilt from the article files).
      if (!journal.damage) await file.intend(journal.inFlight);
    } else if (writable && (journal.tornBytes > 0 || !journal.exists)) {
      await file.cut(journal.goodBytes);
      if (!journal.exists && durability === 'fsync') await syncDir(layout.catalogDir);
    }
    return {
      catalog,
      notices: loaded.notices,
      damaged: loaded.damaged,
      rebuilt: loaded.rebuilt,
      inFlight: journal.damage ? [] : journal.inFlight,
    };
  }

  get size(): number {
    return this.count;
  }

  /** Rows in the journal, not yet in the shards. */
  get pending(): number {
    return this.journal.rows;
  }

  *entries(): IterableIterator<CatalogEntry> {
    for (const s of this.shards.values()) yield* Object.values(s.data.entries);
  }

  entry(id: string): CatalogEntry | undefined {
    return this.shards.get(shardOf(id))?.data.entries[id];
  }

  findByFingerprint(fingerprint: string): string | undefined {
    return this.byFingerprint.get(fingerprint);
  }

  /** Note that a fingerprint is taken before its row is written (orphan recovery de-duplicates with it). */
  claimFingerprint(fingerprint: string, id: string): void {
    this.byFingerprint.set(fingerprint, id);
  }

  /** Put rows in memory only (their files follow with the next `write` or compaction). */
  set(entries: CatalogEntry[]): void {
    for (const e of entries) {
      const shard = this.shards.get(shardOf(e.id))!;
      const old = shard.data.entries[e.id];
      if (!old) this.count++;
      if (old && old.fingerprint !== e.fingerprint) this.byFingerprint.delete(old.fingerprint);
      shard.data.entries[e.id] = e;
      this.byFingerprint.set(e.fingerprint, e.id);
      this.dirty.add(shardOf(e.id));
    }
  }

  /**
   * Name the articles whose files are about to be replaced, before they are (one append and flush; see
   * catalog-journal.ts, "Rows in flight"). A journal left broken by a failed append is compacted first.
   */
  async intend(ids: string[]): Promise<void> {
    if (this.journal.broken) await this.compact();
    await this.journal.intend(ids);
  }

  /** Rows in memory and appended to the journal (one write and flush), compacting when it is long. */
  async write(entries: CatalogEntry[]): Promise<void> {
    this.set(entries);
    if (this.journal.broken) return this.compact();
    await this.journal.append(entries);
    if (this.journal.rows >= this.compactRows || this.journal.size >= COMPACT_BYTES) await this.compact();
  }

  /** Rewrite the shards the journal changed (each replaced atomically, COMPACT_GROUP at a time), then empty it. */
  async compact(): Promise<void> {
    // Lines naming articles in flight alone (a write that failed before its files) are cleared too.
    if (this.journal.rows === 0 && this.dirty.size === 0 && this.journal.size === 0) return;
    const names = [...this.dirty];
    for (let at = 0; at < names.length; at += COMPACT_GROUP) {
      const files = names.slice(at, at + COMPACT_GROUP).map((name) => ({
        file: this.layout.catalogShard(name),
        data: JSON.stringify(this.shards.get(name)!.data),
      }));
      await writeFilesAtomic(files, this.layout.tmp, this.durability);
      // The group's JSON outlived the flushes, so it sits in the old generation until a full collection.
      bulkWorkHeap().collectIfGrown();
    }
    this.dirty.clear();
    await this.journal.cut(0);
  }
}
