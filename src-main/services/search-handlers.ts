import type { Handlers } from '../contract';
import { matchText } from '../core/search/highlight';
import { parseQuery } from '../core/search/query-parser';
import { toSearchArticle } from '../core/search/search-doc';
import type { SavedSearches } from './search/saved-searches';
import type { SearchService } from './search/search-service';
import type { NotebookStore } from './store/notebook-store';

type SearchHandlers = Pick<
  Handlers,
  'search.query' | 'search.status' | 'search.articleHits' | 'search.saved.list' | 'search.saved.save' | 'search.saved.delete'
>;

export function searchHandlers(store: NotebookStore, search: SearchService, saved: SavedSearches): SearchHandlers {
  return {
    'search.query': (input) => search.query(input),
    'search.status': () => search.status(),
    // The reader's hits come from the same matcher as the snippets, over the body it shows (UTF-16 offsets).
    'search.articleHits': async ({ id, query }) => {
      const record = await store.readArticle(id);
      // Stemmed as the index stems this article: in its language (the one the query needs here).
      const { language } = toSearchArticle(record);
      const { ast, hints } = parseQuery(query, language ? [language] : []);
      return { hits: matchText(record.analysis.body, ast, language).hits, hints };
    },
    'search.saved.list': () => saved.list(),
    'search.saved.save': ({ name, query }) => saved.save(name, query),
    'search.saved.delete': ({ id }) => saved.remove(id),
  };
}
