import type { ListedArticle, ListQuery } from '../../contract';
import type { CatalogEntry } from '../../core/article/article-record';
import { toSummary } from '../../core/article/article-record';
import type { Direction, Sort } from '../../core/article/list-articles';
import { compareBy, defaultDirection, haystackOf, pageOf, passagesTagged } from '../../core/article/list-articles';
import type { NotebookStore } from '../store/notebook-store';

/**
 * The tags on each article's passages (services/annotations/annotation-index.ts): the catalog rows carry
 * only the article's own tags, so a tag filter asks here too. `load` is awaited before filtering by tag.
 */
export type PassageTagSource = { load(): Promise<void>; tagsOf(articleId: string): readonly (readonly string[])[] };

/** More changed articles than this between two listings drop the sorted orders (re-sorted on use) instead of patching them. */
const PATCH_LIMIT = 512;

/** Where `entry` goes in `rows` (sorted by `cmp`, a total order): the first position whose row sorts after it. */
function upperBound(rows: CatalogEntry[], entry: CatalogEntry, cmp: (a: CatalogEntry, b: CatalogEntry) => number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cmp(rows[mid]!, entry) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The library list, kept sorted. Sorting 100k catalog rows takes about a second, so each order (column and
 * direction) is sorted once, on first use, and then kept in step with the store: the articles changed
 * since the last listing are taken out and put back where they now belong (binary searches), so listing a
 * page after an edit costs a few comparisons and a slice, not a sort. Nothing runs on the write path
 * itself; a large change (an import) drops the orders instead. The folded text the quick filter searches
 * is remembered per catalog row (rows are replaced, never mutated, on every write).
 */
export class SortedCatalog {
  private readonly orders = new Map<string, CatalogEntry[]>();
  /** The row of each article as it sits in every order (the orders always hold the same rows). */
  private readonly placed = new Map<string, CatalogEntry>();
  private readonly pending = new Set<string>();
  private readonly haystacks = new WeakMap<CatalogEntry, string>();

  constructor(
    private readonly store: Pick<NotebookStore, 'entries' | 'entry' | 'onChange'>,
    private readonly passages?: PassageTagSource,
  ) {
    store.onChange((change) => {
      if (this.orders.size === 0) return;
      for (const id of change.kind === 'delete' ? change.ids : change.records.map((r) => r.id)) this.pending.add(id);
      if (this.pending.size > PATCH_LIMIT) this.drop();
    });
  }

  /**
   * A page of the library. A tag filter lists articles tagged themselves or on any passage; each row then
   * says how many of its passages carry the tag.
   */
  async page(q: ListQuery & { sort: Sort }): Promise<{ total: number; items: ListedArticle[] }> {
    if (q.tag) await this.passages?.load();
    const { total, items } = this.list(q);
    const tag = q.tag;
    const rows = items.map((e): ListedArticle => {
      const n = tag && this.passages ? passagesTagged(this.passages.tagsOf(e.id), tag) : 0;
      return n > 0 ? { ...toSummary(e), passagesTagged: n } : toSummary(e);
    });
    return { total, items: rows };
  }

  /** The catalog rows of a page (the passages' tags must be loaded first when filtering by tag: see `page`). */
  list(q: ListQuery & { sort: Sort }): { total: number; items: CatalogEntry[] } {
    this.catchUp();
    const passages = this.passages;
    const passageTags = passages ? (e: CatalogEntry) => passages.tagsOf(e.id) : undefined;
    return pageOf(this.sorted(q.sort, q.direction ?? defaultDirection(q.sort)), q, this.haystack, passageTags);
  }

  /** Where an article sits in an ordering (null when the filter leaves it out), and how many rows there are. */
  async locate(id: string, q: ListQuery & { sort: Sort }): Promise<{ index: number | null; total: number }> {
    if (q.tag) await this.passages?.load();
    const { total, items } = this.list({ ...q, offset: 0, limit: Number.MAX_SAFE_INTEGER });
    const index = items.findIndex((a) => a.id === id);
    return { index: index < 0 ? null : index, total };
  }

  /** Orders currently held (for tests and diagnostics). */
  get cachedOrders(): number {
    return this.orders.size;
  }

  private haystack = (e: CatalogEntry): string => {
    let h = this.haystacks.get(e);
    if (h === undefined) this.haystacks.set(e, (h = haystackOf(e)));
    return h;
  };

  private drop(): void {
    this.orders.clear();
    this.placed.clear();
    this.pending.clear();
  }

  private sorted(sort: Sort, dir: Direction): CatalogEntry[] {
    const key = `${sort}:${dir}`;
    let rows = this.orders.get(key);
    if (!rows) {
      rows = [...this.store.entries()].sort(compareBy(sort, dir));
      if (this.orders.size === 0) for (const e of rows) this.placed.set(e.id, e);
      this.orders.set(key, rows);
    }
    return rows;
  }

  private catchUp(): void {
    if (this.pending.size === 0) return;
    for (const [key, rows] of this.orders) {
      const [sort, dir] = key.split(':') as [Sort, Direction];
      const cmp = compareBy(sort, dir);
      for (const id of this.pending) {
        const old = this.placed.get(id);
        if (old) {
          // The old row is in `rows` just before its upper bound (the order is total, so it has no equal).
          const at = upperBound(rows, old, cmp) - 1;
          const i = rows[at] === old ? at : rows.indexOf(old); // the fallback cannot happen with a total order
          if (i >= 0) rows.splice(i, 1);
        }
        const now = this.store.entry(id);
        if (now) rows.splice(upperBound(rows, now, cmp), 0, now);
      }
    }
    for (const id of this.pending) {
      const now = this.store.entry(id);
      if (now) this.placed.set(id, now);
      else this.placed.delete(id);
    }
    this.pending.clear();
  }
}
