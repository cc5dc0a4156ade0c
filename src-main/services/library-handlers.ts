import type { Handlers } from '../contract';
import { toSummary } from '../core/article/article-record';
import { listArticles } from '../core/article/list-articles';
import type { NotebookStore } from './store/notebook-store';

type LibraryHandlers = Pick<Handlers, 'articles.locate' | 'articles.outlets' | 'articles.summaries'>;

/**
 * Small reads that let the app page through the library instead of holding every row: where an article
 * sits in the current ordering, the outlets for a filter menu, and a few rows by id. All read the catalog
 * in memory; none opens an article file.
 */
export function libraryHandlers(store: NotebookStore): LibraryHandlers {
  return {
    'articles.locate': async ({ id, ...q }) => {
      const { total, items } = listArticles(store.entries(), q);
      const index = items.findIndex((a) => a.id === id);
      return { index: index < 0 ? null : index, total };
    },

    'articles.outlets': async () => {
      const counts = new Map<string, number>();
      for (const e of store.entries()) if (e.outlet) counts.set(e.outlet, (counts.get(e.outlet) ?? 0) + 1);
      const outlets = [...counts].map(([outlet, articles]) => ({ outlet, articles }));
      return { outlets: outlets.sort((a, b) => a.outlet.localeCompare(b.outlet, undefined, { sensitivity: 'base' })) };
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
