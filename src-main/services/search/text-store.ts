import { closeSync, fstatSync, ftruncateSync, openSync, readSync, writeSync } from 'node:fs';
import { mkdir, readFile, readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import type { SearchArticle } from '../../core/search/search-doc';
import { writeFileAtomic } from '../store/durable-json-file';

/**
 * The texts search serves snippets and phrase checks from, `<notebook>/search-texts/`: one record per
 * article (its SearchArticle: title, body, outlet, byline, tags, notes) in an append-only data file, so a
 * hit costs one read at a known offset instead of opening and parsing its whole article file (raw text,
 * analysis, boilerplate: ~5× the bytes).
 *
 *   texts-NNNNNN.dat  records: magic "PXT1", payload length, CRC-32 of the payload (u32 LE each), then the
 *                     payload, the article as JSON; a removal is a record `{"id":…,"gone":true}`
 *   table.json        id → offset, length and updatedAt of its live record, the data file's name, how far
 *                     the table covers it (`end`) and its dead bytes; written atomically (writeFileAtomic)
 *
 * Derived data: rebuilt from the articles when missing, never backed up, never fsynced. Every read is
 * checked (magic, length, CRC, id and updatedAt equal to what the index holds); a record that fails is
 * reported as absent and the caller reads the article file instead, so a damaged store can cost time,
 * never a wrong snippet. The table is written now and then (a save, a close); records appended after it
 * are replayed from the data file at the next open, up to the first torn or damaged one, where a writer
 * cuts the file. Updates append and repoint, removals drop the entry; once dead bytes pass half the file,
 * the live records are copied to the next data file and the table repointed to it (compaction).
 *
 * One writer: the store opens read-only (a reader beside the app, or a search worker not yet taken over)
 * and appends only once opened with `writable`.
 */
export const TEXT_STORE_DIR = 'search-texts';
const TABLE = 'table.json';
const FORMAT = 'parallax-search-texts';
const VERSION = 1;
const MAGIC = 0x31545850; // "PXT1" read as a little-endian u32
const HEADER = 12;
/** Below this size dead space is not worth a copy. */
export const COMPACT_MIN_BYTES = 1 << 20;
/** Bytes read at a time while replaying records the table does not cover. */
const SCAN_CHUNK = 4 << 20;
const dataName = (gen: number) => `texts-${String(gen).padStart(6, '0')}.dat`;
const genOf = (name: string) => (/^texts-(\d{6})\.dat$/.exec(name) ? Number(name.slice(6, 12)) : null);

type Entry = { offset: number; length: number; updatedAt: string };
type Table = {
  format: typeof FORMAT;
  version: number;
  data: string;
  end: number;
  dead: number;
  ids: string;
  versions: string;
  offsets: number[];
  lengths: number[];
};

export type TextStoreOptions = {
  writable: boolean;
  /** The notebook's tmp/ folder, where the table is written before it is renamed into place. */
  tmpDir: string;
  /** Compact only a data file of at least this many bytes (COMPACT_MIN_BYTES; tests use less). */
  compactMinBytes?: number;
};
export type TextStoreStats = { records: number; bytes: number; dead: number; unreadable: number };

function encodeRecord(payload: object): Buffer {
  const body = Buffer.from(JSON.stringify(payload), 'utf8');
  const head = Buffer.alloc(HEADER);
  head.writeUInt32LE(MAGIC, 0);
  head.writeUInt32LE(body.length, 4);
  head.writeUInt32LE(crc32(body), 8);
  return Buffer.concat([head, body]);
}

/** The record's payload if `buf` holds a whole sound one at `at`; null if it is torn or damaged. */
function decodeRecord(buf: Buffer, at: number): { payload: Record<string, unknown>; length: number } | null {
  if (buf.length - at < HEADER || buf.readUInt32LE(at) !== MAGIC) return null;
  const size = buf.readUInt32LE(at + 4);
  if (buf.length - at - HEADER < size) return null;
  const body = buf.subarray(at + HEADER, at + HEADER + size);
  if (crc32(body) !== buf.readUInt32LE(at + 8)) return null;
  try {
    const payload: unknown = JSON.parse(body.toString('utf8'));
    if (typeof payload !== 'object' || payload === null || typeof (payload as { id?: unknown }).id !== 'string') return null;
    return { payload: payload as Record<string, unknown>, length: HEADER + size };
  } catch {
    return null;
  }
}

function parseTable(text: string): Table | null {
  try {
    const t = JSON.parse(text) as Partial<Table>;
    const ok =
      t.format === FORMAT &&
      t.version === VERSION &&
      typeof t.data === 'string' &&
      genOf(t.data) !== null &&
      Number.isSafeInteger(t.end) &&
      Number.isSafeInteger(t.dead) &&
      typeof t.ids === 'string' &&
      typeof t.versions === 'string' &&
      Array.isArray(t.offsets) &&
      Array.isArray(t.lengths) &&
      t.offsets.length === t.lengths.length;
    return ok ? (t as Table) : null;
  } catch {
    return null;
  }
}

export class TextStore {
  private entries = new Map<string, Entry>();
  private fd: number | null = null;
  private gen = 1;
  /** Where the next record goes: the end of the last sound record. */
  private end = 0;
  private dead = 0;
  /** Records written since the table was. */
  private changed = false;
  private unreadable = 0;
  private closed = false;

  private constructor(
    private readonly dir: string,
    private readonly opts: TextStoreOptions,
  ) {}

  /** Open the store of the notebook at `root`: its table, then the records appended after the table was written. */
  static async open(root: string, opts: TextStoreOptions): Promise<TextStore> {
    const store = new TextStore(join(root, TEXT_STORE_DIR), opts);
    await store.load();
    return store;
  }

  get writable(): boolean {
    return this.opts.writable;
  }

  stats(): TextStoreStats {
    return { records: this.entries.size, bytes: this.end, dead: this.dead, unreadable: this.unreadable };
  }

  /** Whether the store holds this version of the article (it may still fail its checks when read). */
  has(id: string, updatedAt: string): boolean {
    return this.entries.get(id)?.updatedAt === updatedAt;
  }

  /** The article as of `updatedAt`, or null when the store has no sound record of that version. */
  get(id: string, updatedAt: string): SearchArticle | null {
    const e = this.entries.get(id);
    if (!e || e.updatedAt !== updatedAt || this.fd === null) return null;
    try {
      const buf = Buffer.allocUnsafe(e.length);
      const read = readSync(this.fd, buf, 0, e.length, e.offset);
      const rec = read === e.length ? decodeRecord(buf, 0) : null;
      const a = rec?.payload as SearchArticle | undefined;
      if (rec && rec.length === e.length && a?.id === id && a.updatedAt === updatedAt && typeof a.body === 'string') return a;
    } catch {
      /* an unreadable file counts as a damaged record */
    }
    this.unreadable++;
    return null;
  }

  /** Append the articles' texts and point their entries at them (the old records become dead space). */
  put(articles: readonly SearchArticle[]): void {
    if (!this.opts.writable || this.closed || articles.length === 0) return;
    const offsets: number[] = [];
    const bufs = articles.map((a) => encodeRecord(a));
    let at = this.end;
    for (const b of bufs) {
      offsets.push(at);
      at += b.length;
    }
    this.append(Buffer.concat(bufs));
    articles.forEach((a, i) => this.point(a.id, { offset: offsets[i]!, length: bufs[i]!.length, updatedAt: a.updatedAt }));
  }

  /** Drop the articles' entries; a removal record keeps them dropped when the records are replayed. */
  remove(ids: readonly string[]): void {
    if (!this.opts.writable || this.closed) return;
    const gone = ids.filter((id) => this.entries.has(id));
    if (gone.length === 0) return;
    const bufs = gone.map((id) => encodeRecord({ id, gone: true }));
    this.append(Buffer.concat(bufs));
    gone.forEach((id, i) => {
      this.dead += this.entries.get(id)!.length + bufs[i]!.length;
      this.entries.delete(id);
    });
  }

  /** Write the table when records were added since it was, compacting first when dead space passes half. */
  async flush(): Promise<void> {
    if (!this.opts.writable || this.closed || !this.changed) return;
    if (this.dead * 2 > this.end && this.end >= (this.opts.compactMinBytes ?? COMPACT_MIN_BYTES)) await this.compact();
    await this.writeTable();
  }

  async close(): Promise<void> {
    try {
      await this.flush();
    } finally {
      this.closed = true;
      this.closeFile();
    }
  }

  private append(buf: Buffer): void {
    if (this.fd === null) this.fd = openSync(join(this.dir, dataName(this.gen)), 'a+');
    for (let done = 0; done < buf.length;) done += writeSync(this.fd, buf, done, buf.length - done, this.end + done);
    this.end += buf.length;
    this.changed = true;
  }

  private point(id: string, e: Entry): void {
    const old = this.entries.get(id);
    if (old) this.dead += old.length;
    this.entries.set(id, e);
  }

  private closeFile(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  private async load(): Promise<void> {
    const { writable } = this.opts;
    if (writable) await mkdir(this.dir, { recursive: true });
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const gens = names.map(genOf).filter((g): g is number => g !== null);
    const text = await readFile(join(this.dir, TABLE), 'utf8').catch(() => null);
    const table = text === null ? null : parseTable(text);
    // Without a sound table, the newest data file is replayed from its start: its records name their articles.
    this.gen = table ? genOf(table.data)! : Math.max(0, ...gens) || 1;
    const size = await stat(join(this.dir, dataName(this.gen))).then(
      (s) => s.size,
      () => null,
    );
    if (table && size !== null && size >= table.end) {
      const ids = table.ids === '' ? [] : table.ids.split('\n');
      const versions = table.versions.split('\n');
      ids.forEach((id, i) => this.entries.set(id, { offset: table.offsets[i]!, length: table.lengths[i]!, updatedAt: versions[i]! }));
      this.end = table.end;
      this.dead = table.dead;
    } else if (table) {
      // The table's file is gone or shorter than it says (lost writes): a new file, the articles written again.
      if (!writable) return;
      if (size !== null) this.gen++;
      this.changed = true;
    } else if (size === null && !writable) return;
    this.fd = openSync(join(this.dir, dataName(this.gen)), writable ? 'a+' : 'r');
    this.replay();
    if (!writable) return;
    // A torn or damaged tail (a kill mid-append) is cut off, so the next record follows the last sound one.
    ftruncateSync(this.fd, this.end);
    // Files of other generations were left by a compaction or a reset that was not followed by its cleanup.
    for (const g of gens) if (g !== this.gen) await unlink(join(this.dir, dataName(g))).catch(() => undefined);
  }

  /** Apply the records from `end` to the end of the file, stopping at the first one not whole and sound. */
  private replay(): void {
    const fd = this.fd!;
    const size = fstatSync(fd).size;
    let buf = Buffer.alloc(0);
    for (;;) {
      let at = 0;
      for (let rec = decodeRecord(buf, 0); rec; rec = decodeRecord(buf, at)) {
        const id = rec.payload.id as string;
        if (rec.payload.gone === true) {
          const old = this.entries.get(id);
          if (old) this.dead += old.length;
          this.dead += rec.length;
          this.entries.delete(id);
        } else {
          this.point(id, { offset: this.end + at, length: rec.length, updatedAt: String(rec.payload.updatedAt) });
        }
        at += rec.length;
        this.changed ||= this.opts.writable;
      }
      this.end += at;
      buf = buf.subarray(at);
      if (this.end >= size) return;
      let need = HEADER;
      if (buf.length >= HEADER) {
        if (buf.readUInt32LE(0) !== MAGIC) return; // damaged
        need = HEADER + buf.readUInt32LE(4);
        if (buf.length >= need) return; // whole, yet it fails its checks: damaged
        if (this.end + need > size) return; // torn: it runs past the end of the file
      }
      const chunk = Buffer.allocUnsafe(Math.max(SCAN_CHUNK, need - buf.length));
      const n = readSync(fd, chunk, 0, chunk.length, this.end + buf.length);
      if (n === 0) return;
      buf = Buffer.concat([buf, chunk.subarray(0, n)]);
    }
  }

  /** Copy the live records, in file order, to the next data file and point the table at it. */
  private async compact(): Promise<void> {
    const next = this.gen + 1;
    const file = join(this.dir, dataName(next));
    const fd = openSync(file, 'w+');
    const moved = new Map<string, Entry>();
    let end = 0;
    try {
      const live = [...this.entries].sort((a, b) => a[1].offset - b[1].offset);
      for (const [id, e] of live) {
        const buf = Buffer.allocUnsafe(e.length);
        if (readSync(this.fd!, buf, 0, e.length, e.offset) !== e.length || !decodeRecord(buf, 0)) continue; // refetched from the article
        for (let done = 0; done < buf.length;) done += writeSync(fd, buf, done, buf.length - done, end + done);
        moved.set(id, { ...e, offset: end });
        end += e.length;
      }
    } catch (e) {
      closeSync(fd);
      await unlink(file).catch(() => undefined);
      throw e;
    }
    const old = join(this.dir, dataName(this.gen));
    this.closeFile();
    this.fd = fd;
    this.gen = next;
    this.entries = moved;
    this.end = end;
    this.dead = 0;
    await this.writeTable();
    await unlink(old).catch(() => undefined);
  }

  private async writeTable(): Promise<void> {
    const ids: string[] = [];
    const versions: string[] = [];
    const offsets: number[] = [];
    const lengths: number[] = [];
    for (const [id, e] of this.entries) {
      ids.push(id);
      versions.push(e.updatedAt);
      offsets.push(e.offset);
      lengths.push(e.length);
    }
    const table: Table = {
      format: FORMAT,
      version: VERSION,
      data: dataName(this.gen),
      end: this.end,
      dead: this.dead,
      ids: ids.join('\n'),
      versions: versions.join('\n'),
      offsets,
      lengths,
    };
    // Records appended while the table is written are after its `end`: replayed at the next open, and in the next table.
    this.changed = false;
    try {
      await mkdir(this.opts.tmpDir, { recursive: true });
      // Derived data: no fsync. A table that outlived its records after a power cut only points at records
      // that fail their checks, which are then read from the article files.
      await writeFileAtomic(join(this.dir, TABLE), JSON.stringify(table), this.opts.tmpDir, 'none');
    } catch (e) {
      this.changed = true;
      throw e;
    }
  }
}
