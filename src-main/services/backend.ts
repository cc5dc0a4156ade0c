import type { Emit, Handlers } from '../contract';
import { articleHandlers } from './article-handlers';
import { searchHandlers } from './search-handlers';
import { SavedSearches } from './search/saved-searches';
import type { SearchOptions } from './search/search-service';
import { SearchService } from './search/search-service';
import type { OpenOptions } from './store/notebook-store';
import { NotebookStore } from './store/notebook-store';

export type Backend = { handlers: Handlers; store: NotebookStore; search: SearchService; close: () => Promise<void> };

/**
 * Open a notebook and build the handlers of every contract method over it. Each transport (IPC, HTTP,
 * CLI) calls this once and then only dispatches.
 */
export async function openBackend(
  notebookDir: string,
  opts: OpenOptions & { emit?: Emit; search?: SearchOptions & { eager?: boolean } } = {},
): Promise<Backend> {
  const store = await NotebookStore.open(notebookDir, opts);
  const emit: Emit = opts.emit ?? (() => undefined);
  const search = new SearchService(store, emit, opts.search);
  const handlers: Handlers = {
    ...articleHandlers(store, emit),
    ...searchHandlers(store, search, new SavedSearches(store)),
  };
  // The index starts on first use (a CLI "list" never pays for it); windows start it at once.
  if (opts.search?.eager) void search.start();
  const close = async () => {
    await store.flush();
    await search.close();
  };
  return { handlers, store, search, close };
}
