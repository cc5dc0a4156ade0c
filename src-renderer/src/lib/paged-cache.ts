/**
 * A window onto a long server-side list (the library, all annotations): the rows are fetched a page at a
 * time as the user scrolls, kept in a bounded cache, and refreshed in place when the notebook changes.
 * Pure functions over an immutable value, so the paging rules are tested without React or a server.
 */
export type PageCache<T> = {
  readonly pageSize: number;
  /** Rows in the whole list, or null until the first answer. */
  readonly total: number | null;
  readonly pages: ReadonlyMap<number, readonly T[]>;
  /** Pages still shown but known to be out of date (the notebook changed): fetched again when visible. */
  readonly stale: ReadonlySet<number>;
};

/** Contiguous pages fetched with one request. */
export type PageRun = { offset: number; limit: number; pages: number[] };

export function emptyCache<T>(pageSize: number): PageCache<T> {
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`page size must be a positive integer, not ${pageSize}`);
  return { pageSize, total: null, pages: new Map(), stale: new Set() };
}

export const pageOf = (index: number, pageSize: number): number => Math.floor(index / pageSize);

/** The pages holding rows `start..end` (inclusive), clamped to the list when its length is known. */
export function pagesCovering(cache: PageCache<unknown>, start: number, end: number): number[] {
  const last = cache.total === null ? Math.max(start, end) : Math.min(Math.max(start, end), cache.total - 1);
  const first = Math.max(0, Math.min(start, end));
  if (cache.total === 0 || last < first) return cache.total === null ? [0] : [];
  const pages: number[] = [];
  for (let p = pageOf(first, cache.pageSize); p <= pageOf(last, cache.pageSize); p++) pages.push(p);
  return pages;
}

/** Pages of rows `start..end` that are missing or stale and not already being fetched. */
export function pagesToLoad(cache: PageCache<unknown>, start: number, end: number, inFlight: ReadonlySet<number>): number[] {
  return pagesCovering(cache, start, end).filter((p) => (!cache.pages.has(p) || cache.stale.has(p)) && !inFlight.has(p));
}

/** Group pages into runs of neighbours, one request each, so a screen that straddles two pages costs one call. */
export function toRuns(pages: number[], pageSize: number): PageRun[] {
  const sorted = [...new Set(pages)].sort((a, b) => a - b);
  const runs: PageRun[] = [];
  for (const p of sorted) {
    const run = runs.at(-1);
    if (run && run.pages.at(-1) === p - 1) {
      run.pages.push(p);
      run.limit += pageSize;
    } else runs.push({ offset: p * pageSize, limit: pageSize, pages: [p] });
  }
  return runs;
}

/**
 * Store the answer to one run: its rows split into pages, the total updated. When the total shrinks,
 * pages past the new end are dropped, so a deleted row never lingers at the bottom.
 */
export function withRun<T>(cache: PageCache<T>, run: Pick<PageRun, 'offset' | 'pages'>, items: readonly T[], total: number): PageCache<T> {
  const pages = new Map(cache.pages);
  const stale = new Set(cache.stale);
  const lastPage = total === 0 ? -1 : pageOf(total - 1, cache.pageSize);
  for (const p of run.pages) {
    const from = p * cache.pageSize - run.offset;
    const rows = items.slice(from, from + cache.pageSize);
    stale.delete(p);
    if (p > lastPage || (rows.length === 0 && p * cache.pageSize < total)) pages.delete(p);
    else pages.set(p, rows);
  }
  for (const p of pages.keys()) if (p > lastPage) pages.delete(p);
  return { ...cache, total, pages, stale };
}

export function itemAt<T>(cache: PageCache<T>, index: number): T | undefined {
  return cache.pages.get(pageOf(index, cache.pageSize))?.[index % cache.pageSize];
}

/** The row index of the first loaded item that matches, or -1 (only loaded pages are searched). */
export function findLoaded<T>(cache: PageCache<T>, match: (item: T) => boolean): number {
  let best = -1;
  for (const [p, rows] of cache.pages) {
    const i = rows.findIndex(match);
    if (i >= 0 && (best < 0 || p * cache.pageSize + i < best)) best = p * cache.pageSize + i;
  }
  return best;
}

/**
 * After the notebook changed: keep the visible pages on screen but mark them stale (they are fetched
 * again at once), and drop the rest, whose rows may have moved; they are fetched when scrolled to.
 */
export function invalidate<T>(cache: PageCache<T>, visible: readonly number[]): PageCache<T> {
  const keep = new Set(visible);
  const pages = new Map([...cache.pages].filter(([p]) => keep.has(p)));
  return { ...cache, pages, stale: new Set(pages.keys()) };
}

/** Bound memory: beyond `maxPages`, forget the pages farthest from the visible rows. */
export function evict<T>(cache: PageCache<T>, start: number, end: number, maxPages: number): PageCache<T> {
  if (cache.pages.size <= maxPages) return cache;
  const lo = pageOf(Math.max(0, start), cache.pageSize);
  const hi = pageOf(Math.max(0, end), cache.pageSize);
  const distance = (p: number) => (p < lo ? lo - p : p > hi ? p - hi : 0);
  const kept = [...cache.pages.keys()].sort((a, b) => distance(a) - distance(b) || a - b).slice(0, maxPages);
  const keep = new Set(kept);
  return {
    ...cache,
    pages: new Map([...cache.pages].filter(([p]) => keep.has(p))),
    stale: new Set([...cache.stale].filter((p) => keep.has(p))),
  };
}
