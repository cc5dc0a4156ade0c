import type { Emit, Handlers } from '../contract';
import { articleHandlers } from './article-handlers';
import { compareHandlers } from './compare/compare-handlers';
import { StoryStore } from './compare/story-store';
import type { OpenOptions } from './store/notebook-store';
import { NotebookStore } from './store/notebook-store';

export type Backend = { handlers: Handlers; store: NotebookStore; close: () => Promise<void> };

/**
 * Open a notebook and build the handlers of every contract method over it. Each transport (IPC, HTTP,
 * CLI) calls this once and then only dispatches.
 */
export async function openBackend(notebookDir: string, opts: OpenOptions & { emit?: Emit } = {}): Promise<Backend> {
  const store = await NotebookStore.open(notebookDir, opts);
  const emit: Emit = opts.emit ?? (() => undefined);
  const stories = new StoryStore(store);
  const handlers: Handlers = {
    ...articleHandlers(store, emit, (name, ids) => stories.ensure(name, ids).then(() => emit('stories.changed', { ids: [] }))),
    ...compareHandlers(store, stories, emit),
  };
  return { handlers, store, close: () => store.flush() };
}
