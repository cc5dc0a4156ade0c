import type { Handlers } from '../contract';
import { toDetail, toSummary } from '../core/article/article-record';
import type { SortedCatalog } from './library/sorted-catalog';
import type { NotebookStore } from './store/notebook-store';

type LibraryHandlers = Pick<
  Handlers,
  'notebook.info' | 'articles.list' | 'articles.get' | 'articles.locate' | 'articles.outlets' | 'articles.summaries'
>;

/**
 * The notebook's reads that need nothing but the store and the kept-sorted catalog (so `parallax list` and
 * `show` load no importer, index or comparison), and the small reads that let the app page through the library instead of holding every row: where an article
 * sits in the current ordering, the outlets for a filter menu, and a few rows by id. All read the catalog
 * in memory; none opens an article file.
 */
export function libraryHandlers(store: NotebookStore, library: SortedCatalog): LibraryHandlers {
  const byName = new Intl.Collator(undefined, { sensitivity: 'base' });
  return {
    'notebook.info': async () => ({
      path: store.layout.root,
      schemaVersion: store.schemaVersion,
      articleCount: store.size,
      readOnly: store.readOnly,
      notice: store.notice,
    }),

    'articles.list': async (q) => library.page(q),

    'articles.get': async ({ id }) => toDetail(await store.readArticle(id)),

    // The same kept-sorted orders as articles.list, so finding a row costs no sort.
    'articles.locate': async ({ id, ...q }) => library.locate(id, q),

    'articles.outlets': async () => {
      const counts = new Map<string, number>();
      for (const e of store.entries()) if (e.outlet) counts.set(e.outlet, (counts.get(e.outlet) ?? 0) + 1);
      const outlets = [...counts].map(([outlet, articles]) => ({ outlet, articles }));
      return { outlets: outlets.sort((a, b) => byName.compare(a.outlet, b.outlet)) };
    },

    'articles.summaries': async ({ ids }) => {
      const items = [];
      for (const id of ids) {
        const e = store.entry(id);
        if (e) items.push(toSummary(e));
      }
      return { items };
    },
  };
}
