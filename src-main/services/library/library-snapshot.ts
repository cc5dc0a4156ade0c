import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { ListQuery } from '../../contract';
import { ListResult } from '../../contract/articles';
import { allShards } from '../store/catalog-files';
import type { Durability } from '../store/durable-json-file';
import { writeFileAtomic } from '../store/durable-json-file';
import type { Layout } from '../store/notebook-layout';
import type { NotebookStore } from '../store/notebook-store';

/**
 * The library's first page, saved in the notebook (catalog/first-page.json) so that a window shows it
 * while the catalog is still being read: at 100k articles reading the 256 shards takes seconds, reading
 * this file and stat-ing the shards a few milliseconds.
 *
 * The file is two lines: a header `{ format, revision, checksum }`, then the page as JSON. `revision`
 * names the catalog files the page was taken from (inode, size and modification time of every shard and
 * of the journal), so any write to the catalog (a row appended, a shard rewritten, a restore) makes the
 * saved page stale without reading a row; `checksum` (SHA-256 of the second line) catches a torn or edited
 * file. A stale or damaged file is ignored, never repaired in place: the next write replaces it.
 */

/** Rows saved: the renderer's library page (LIBRARY_PAGE in use-library.ts), so its first request is answered whole. */
export const FIRST_PAGE_ROWS = 200;
/** The ordering the library opens with (newest first) and the rows saved of it. */
export const FIRST_PAGE_QUERY = { sort: 'date', direction: 'desc', offset: 0, limit: FIRST_PAGE_ROWS } as const;
const FORMAT = 'parallax-first-page';

export type FirstPage = ListResult;
export type SnapshotRead = { page: FirstPage; revision: string } | { page: null; reason: string };

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The catalog files' identity as they are now: changes whenever any shard or the journal is written. */
export async function catalogRevision(l: Layout): Promise<string> {
  const files = [...allShards.map((s) => l.catalogShard(s)), l.catalogJournal];
  const parts = await Promise.all(
    files.map((file) =>
      stat(file, { bigint: true }).then(
        (s) => `${s.ino}:${s.size}:${s.mtimeNs}`,
        (e: NodeJS.ErrnoException) => {
          if (e.code === 'ENOENT') return '-';
          throw e;
        },
      ),
    ),
  );
  return sha256(parts.join('\n'));
}

/** The saved first page, if it was taken from the catalog files as they are now and is intact; else why not. */
export async function readFirstPage(l: Layout): Promise<SnapshotRead> {
  let text: string;
  try {
    text = await readFile(l.firstPage, 'utf8');
  } catch (e) {
    return { page: null, reason: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no saved first page' : (e as Error).message };
  }
  const cut = text.indexOf('\n');
  if (cut < 0) return { page: null, reason: 'it is cut short' };
  let header: { format?: unknown; revision?: unknown; checksum?: unknown };
  let body: unknown;
  try {
    header = JSON.parse(text.slice(0, cut)) as typeof header;
    if (header.format !== FORMAT || typeof header.revision !== 'string') return { page: null, reason: 'not a saved first page' };
    if (header.checksum !== sha256(text.slice(cut + 1))) return { page: null, reason: 'its checksum does not match' };
    body = JSON.parse(text.slice(cut + 1));
  } catch {
    return { page: null, reason: 'it does not parse as JSON' };
  }
  const parsed = ListResult.safeParse(body);
  if (!parsed.success) return { page: null, reason: 'its rows are not library rows' };
  let now: string;
  try {
    now = await catalogRevision(l);
  } catch (e) {
    return { page: null, reason: (e as Error).message };
  }
  if (now !== header.revision) return { page: null, reason: 'the catalog changed after it was saved' };
  return { page: parsed.data, revision: header.revision };
}

/** Write the first page stamped with `revision` (atomically: a reader sees the old file or the new one). */
export async function writeFirstPage(l: Layout, page: FirstPage, revision: string, durability: Durability): Promise<void> {
  const body = JSON.stringify(page);
  const header = JSON.stringify({ format: FORMAT, revision, checksum: sha256(body) });
  await writeFileAtomic(l.firstPage, `${header}\n${body}`, l.tmp, durability);
}

/**
 * The rows of `q` from a saved first page, or null when the page cannot answer it: another filter, tag,
 * order or offset, or more rows than were saved (unless the saved page is the whole library).
 */
export function answerFromFirstPage(page: FirstPage, q: ListQuery): FirstPage | null {
  const direction = q.direction ?? 'desc';
  if (q.filter?.trim() || q.tag || (q.sort ?? 'date') !== 'date' || direction !== 'desc' || (q.offset ?? 0) !== 0) return null;
  const limit = q.limit ?? Number.MAX_SAFE_INTEGER;
  if (limit > page.items.length && page.items.length < page.total) return null;
  return { total: page.total, items: page.items.slice(0, limit) };
}

type SnapshotStore = Pick<NotebookStore, 'layout' | 'durability' | 'readOnly' | 'onChange' | 'onCompacted' | 'runExclusive'>;

/** After a change, wait this long for more before saving the page again (an import changes it many times). */
const SAVE_AFTER_MS = 1_000;

/**
 * Keeps catalog/first-page.json in step with the catalog: rewritten a moment after the catalog's rows or
 * files change, and once more at close (after the store has folded its journal into the shards, which
 * changes the files the stamp names). `list` is the library's own listing, so the page is the one the
 * library would show. Saving runs between queued writes (runExclusive), so the stamp and the rows are of
 * the same catalog. A failure to save is logged and costs only a slower next start.
 */
export class FirstPageKeeper {
  private timer: NodeJS.Timeout | null = null;
  private saved: string | null | undefined;
  private readonly unsubscribe: Array<() => void>;

  constructor(
    private readonly store: SnapshotStore,
    private readonly list: (q: typeof FIRST_PAGE_QUERY) => Promise<FirstPage>,
    private readonly saveAfterMs = SAVE_AFTER_MS,
  ) {
    this.unsubscribe = [store.onChange(() => this.saveSoon()), store.onCompacted(() => this.saveSoon())];
    // A notebook opened without an up-to-date page gets one for its next start.
    this.saveSoon();
  }

  private saveSoon(): void {
    if (this.store.readOnly) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.save();
    }, this.saveAfterMs);
    this.timer.unref();
  }

  /** Save the page now unless the one saved already has the catalog's current stamp. */
  async save(): Promise<void> {
    if (this.store.readOnly) return;
    const l = this.store.layout;
    try {
      await this.store.runExclusive(async () => {
        this.saved ??= await readFirstPage(l).then((r) => (r.page ? r.revision : null));
        const revision = await catalogRevision(l);
        if (revision === this.saved) return;
        await writeFirstPage(l, await this.list(FIRST_PAGE_QUERY), revision, this.store.durability);
        this.saved = revision;
      });
    } catch (e) {
      console.error('[parallax] the library first page could not be saved:', e);
    }
  }

  /** Stop following the store and save the page of the catalog as it is left (call after the store closed). */
  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const off of this.unsubscribe) off();
    await this.save();
  }
}
