import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CatalogEntry } from '../../core/article/article-record';
import { sortKeys } from '../../contract';
import type { Sort } from '../../core/article/list-articles';
import { listArticles } from '../../core/article/list-articles';
import type { StoreListener } from '../store/notebook-store';
import { SortedCatalog } from './sorted-catalog';

/** The part of NotebookStore the sorted catalog uses, in memory. Rows are replaced on every write, as in the store. */
class FakeStore {
  rows = new Map<string, CatalogEntry>();
  listeners = new Set<StoreListener>();
  *entries() {
    yield* this.rows.values();
  }
  entry(id: string) {
    return this.rows.get(id);
  }
  onChange(l: StoreListener) {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
  put(entries: CatalogEntry[]) {
    for (const e of entries) this.rows.set(e.id, e);
    for (const l of this.listeners) l({ kind: 'update', records: entries.map((e) => ({ id: e.id }) as never) });
  }
  remove(ids: string[]) {
    for (const id of ids) this.rows.delete(id);
    for (const l of this.listeners) l({ kind: 'delete', ids });
  }
}

const titles = ['Güler visits Ankara', 'guler visits ankara', 'Barrack meets SDF', 'another story', 'Zebra', 'Ärger', '', '(1) First'];
const outlets = [null, 'TRT World', 'Anadolu Agency', 'anadolu agency', 'Shafaq News'];
const dates = [null, '2025-10-11', '2025-10-07', '2025-10-12'];

const entry = (id: string, t: number, o: number, d: number, tags: string[] = []): CatalogEntry => ({
  id,
  title: titles[t % titles.length]!,
  outlet: outlets[o % outlets.length]!,
  publishedAt: dates[d % dates.length]!,
  language: 'en',
  author: null,
  url: null,
  dateline: null,
  tags,
  wordCount: 10,
  file: null,
  importedAt: `2026-01-0${1 + (d % 3)}T00:00:00.000Z`,
  updatedAt: '2026-01-01T00:00:00.000Z',
  annotationCount: 0,
  fingerprint: id,
  analysisVersion: 1,
});

const queries = sortKeys.flatMap((sort: Sort) => [
  { sort, direction: 'asc' as const },
  { sort, direction: 'desc' as const },
  { sort },
  { sort, filter: 'guler', limit: 3, offset: 1 },
  { sort, tag: 'topic' },
]);

function expectSameAsFullSort(catalog: SortedCatalog, store: FakeStore) {
  for (const q of queries) {
    expect(catalog.list(q).items.map((e) => e.id)).toEqual(listArticles(store.entries(), q).items.map((e) => e.id));
  }
}

describe('SortedCatalog', () => {
  it('lists exactly what a full sort lists, after any sequence of edits, additions and deletions', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('edit' as const), i: fc.nat(40), t: fc.nat(), o: fc.nat(), d: fc.nat() }),
      fc.record({ kind: fc.constant('delete' as const), i: fc.nat(40) }),
      fc.record({ kind: fc.constant('list' as const) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        const store = new FakeStore();
        store.put(Array.from({ length: 30 }, (_, i) => entry(`a${String(i).padStart(2, '0')}`, i, i * 3, i * 5, i % 4 ? [] : ['topic/x'])));
        const catalog = new SortedCatalog(store);
        expectSameAsFullSort(catalog, store);
        for (const o of ops) {
          const id = `a${String('i' in o ? o.i : 0).padStart(2, '0')}`;
          if (o.kind === 'edit') store.put([entry(id, o.t, o.o, o.d, o.t % 3 ? [] : ['topic'])]);
          else if (o.kind === 'delete') store.remove([id]);
          else expectSameAsFullSort(catalog, store);
        }
        expectSameAsFullSort(catalog, store);
      }),
      { numRuns: 150 },
    );
  });

  it('sorts once per order and keeps the orders through edits; a large change drops them', () => {
    const store = new FakeStore();
    store.put(Array.from({ length: 500 }, (_, i) => entry(`b${i}`, i, i, i)));
    const catalog = new SortedCatalog(store);
    catalog.list({ sort: 'title' });
    catalog.list({ sort: 'date' });
    expect(catalog.cachedOrders).toBe(2);
    store.put([entry('b1', 4, 1, 1)]);
    expect(catalog.list({ sort: 'title', limit: 1 }).items[0]!.id).not.toBe('b1');
    expect(catalog.cachedOrders).toBe(2);
    store.put(Array.from({ length: 600 }, (_, i) => entry(`b${i}`, i + 1, i, i)));
    expect(catalog.cachedOrders).toBe(0);
    expectSameAsFullSort(catalog, store);
  });
});
