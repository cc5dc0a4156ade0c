import { open, readFile, truncate } from 'node:fs/promises';
import type { CatalogEntry } from '../../core/article/article-record';
import type { Durability } from './durable-json-file';
import { readFailure, retryTransient, writeFailure } from './io-errors';
import { isArticleId, isCatalogRow } from './stored-shapes';

/**
 * The catalog's append-only journal, `catalog/journal.jsonl`: one library row per line, newest last.
 *
 * Why: a shard holds 1/256 of the catalog, so at 100k articles rewriting the shard of one edited article
 * meant ~390 rows (~250 kB) serialised, written and flushed per edit, against ~4 rows at 1k. Appending the
 * one changed row costs the same at any size. The shards are brought up to date ("compacted") now and then
 * and the journal emptied; at open the rows are read over the shards, so a row is in effect as soon as its
 * append is flushed.
 *
 * Rows in flight: before an article file is replaced, a line `{"inFlight":[ids]}` names it; its row follows
 * the file. A kill between the file and its row leaves the id in flight (no row after the intent line), and
 * the next open reads exactly those article files again and writes their rows, so a row never stays older
 * than its article (an acknowledged tag rename once came undone that way). Parallax before this line
 * existed reads it as damage and rebuilds the catalog from the article files (nothing is lost); a notebook
 * closed cleanly has an empty journal.
 *
 * Crash safety: rows are whole library rows, so reading them again over shards that already hold them
 * changes nothing (a crash between a compaction's shard writes and the journal's truncation loses nothing).
 * A crash mid-append can leave a last line cut short (no newline); that append was never acknowledged, and
 * the line is cut off at the next open. A whole line that does not parse is not a crash but damage.
 */
export type JournalRead = {
  exists: boolean;
  rows: CatalogEntry[];
  /** Articles whose file was being replaced when the journal ends: named by an intent line, no row after it. */
  inFlight: string[];
  /** Bytes of whole, good lines from the start: where the next append must begin. */
  goodBytes: number;
  /** Bytes after `goodBytes`: an append cut short by a crash (never acknowledged). */
  tornBytes: number;
  /** A whole line that is not a library row: the file was damaged, not cut short. */
  damage: string | null;
};

type Line = { row: CatalogEntry } | { inFlight: string[] } | null;

function parseLine(line: string): Line {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return null;
  }
  if (isCatalogRow(v)) return { row: v };
  const ids = (v as { inFlight?: unknown } | null)?.inFlight;
  if (Array.isArray(ids) && ids.every(isArticleId) && Object.keys(v as object).length === 1) return { inFlight: ids };
  return null;
}

export async function readJournal(file: string): Promise<JournalRead> {
  let buf: Buffer;
  try {
    buf = await retryTransient(() => readFile(file));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      return { exists: false, rows: [], inFlight: [], goodBytes: 0, tornBytes: 0, damage: null };
    throw readFailure(e, file);
  }
  const rows: CatalogEntry[] = [];
  const inFlight = new Set<string>();
  let start = 0;
  let lineNo = 0;
  while (start < buf.length) {
    const nl = buf.indexOf(0x0a, start);
    if (nl < 0) break; // no newline: the tail of an append cut short
    lineNo++;
    const line = parseLine(buf.toString('utf8', start, nl));
    if (!line) {
      return { exists: true, rows, inFlight: [...inFlight], goodBytes: start, tornBytes: 0, damage: `${file} line ${lineNo} is broken` };
    }
    if ('row' in line) {
      rows.push(line.row);
      inFlight.delete(line.row.id);
    } else {
      for (const id of line.inFlight) inFlight.add(id);
    }
    start = nl + 1;
  }
  return { exists: true, rows, inFlight: [...inFlight], goodBytes: start, tornBytes: buf.length - start, damage: null };
}

/** Appends rows to the journal; the store calls it inside its write queue, so appends never interleave. */
export class CatalogJournal {
  /** Rows appended since the journal was last emptied (including those read at open). */
  rows: number;
  private bytes: number;
  /** An append failed part-way and the file could not be cut back: the next write must compact first. */
  broken = false;

  constructor(
    private readonly file: string,
    private readonly durability: Durability,
    start: { rows: number; bytes: number },
  ) {
    this.rows = start.rows;
    this.bytes = start.bytes;
  }

  get size(): number {
    return this.bytes;
  }

  /** One write and (with 'fsync') one data flush for any number of rows: an import batch costs one append. */
  async append(entries: CatalogEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.appendLines(entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
    this.rows += entries.length;
  }

  /** Name articles whose files are about to be replaced (flushed before they are; see "Rows in flight"). */
  async intend(ids: string[]): Promise<void> {
    if (ids.length) await this.appendLines(`${JSON.stringify({ inFlight: ids })}\n`);
  }

  private async appendLines(text: string): Promise<void> {
    const data = Buffer.from(text, 'utf8');
    let fh;
    try {
      fh = await retryTransient(() => open(this.file, 'a'));
    } catch (e) {
      throw writeFailure(e, this.file);
    }
    try {
      await fh.writeFile(data);
      if (this.durability === 'fsync') await fh.datasync();
    } catch (e) {
      // Whatever part of the rows reached the file must go, or the next append would follow a broken line.
      await truncate(this.file, this.bytes).catch(() => (this.broken = true));
      throw writeFailure(e, this.file, 'the rows were not added');
    } finally {
      await fh.close();
    }
    this.bytes += data.length;
  }

  /** Cut the file back to `bytes` (a torn tail found at open) or to nothing (after a compaction), and flush. */
  async cut(bytes = 0): Promise<void> {
    const fh = await open(this.file, 'a+');
    try {
      await fh.truncate(bytes);
      if (this.durability === 'fsync') await fh.sync();
    } finally {
      await fh.close();
    }
    this.bytes = bytes;
    if (bytes === 0) this.rows = 0;
    this.broken = false;
  }
}
