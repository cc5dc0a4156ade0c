import { mkdir, stat } from 'node:fs/promises';
import type { Emit, Handlers } from '../contract';
import { annotationHandlers } from './annotation-handlers';
import { AnnotationIndex } from './annotations/annotation-index';
import { articleHandlers } from './article-handlers';
import type { NotebookLock } from './store/notebook-lock';
import { acquireLock } from './store/notebook-lock';
import { layout } from './store/notebook-layout';
import { compareHandlers } from './compare/compare-handlers';
import { StoryStore } from './compare/story-store';
import { searchHandlers } from './search-handlers';
import { SavedSearches } from './search/saved-searches';
import type { SearchOptions } from './search/search-service';
import { SearchService } from './search/search-service';
import type { OpenOptions } from './store/notebook-store';
import { NotebookStore } from './store/notebook-store';
import { tagHandlers } from './tag-handlers';

export type Backend = {
  handlers: Handlers;
  store: NotebookStore;
  lock: NotebookLock | null;
  search: SearchService;
  close: () => Promise<void>;
};

export type BackendOptions = OpenOptions & {
  emit?: Emit;
  /** Take the notebook's write lock for the life of this backend, naming the holder ("web mode"). */
  lockAs?: string;
  search?: SearchOptions & { eager?: boolean };
};

/**
 * Open a notebook and build the handlers of every contract method over it. Each transport (IPC, HTTP,
 * CLI) calls this once and then only dispatches.
 */
export async function openBackend(notebookDir: string, opts: BackendOptions = {}): Promise<Backend> {
  let lock: NotebookLock | null = null;
  const exists = await stat(notebookDir).then(
    () => true,
    () => false,
  );
  if (opts.lockAs && !opts.readerOnly && (exists || opts.create)) {
    await mkdir(notebookDir, { recursive: true });
    lock = await acquireLock(notebookDir, opts.lockAs, layout(notebookDir).tmp);
  }
  let store: NotebookStore;
  try {
    store = await NotebookStore.open(notebookDir, opts);
  } catch (e) {
    await lock?.release();
    throw e;
  }
  const emit: Emit = opts.emit ?? (() => undefined);
  const search = new SearchService(store, emit, opts.search);
  const stories = new StoryStore(store);
  const annotations = new AnnotationIndex(store);
  const handlers: Handlers = {
    ...articleHandlers(store, emit, (name, ids) => stories.ensure(name, ids).then(() => emit('stories.changed', { ids: [] }))),
    ...compareHandlers(store, stories, emit),
    ...annotationHandlers(store, emit, annotations),
    ...tagHandlers(store, emit, annotations),
    ...searchHandlers(store, search, new SavedSearches(store)),
  };
  // The index starts on first use (a CLI "list" never pays for it); windows start it at once.
  if (opts.search?.eager) void search.start();
  return {
    handlers,
    store,
    lock,
    search,
    close: async () => {
      await store.flush();
      await search.close();
      await lock?.release();
    },
  };
}
