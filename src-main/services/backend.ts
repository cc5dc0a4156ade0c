import type { Emit, Handlers } from '../contract';
import { annotationHandlers } from './annotation-handlers';
import { AnnotationIndex } from './annotations/annotation-index';
import { articleHandlers } from './article-handlers';
import type { OpenOptions } from './store/notebook-store';
import { NotebookStore } from './store/notebook-store';
import { tagHandlers } from './tag-handlers';

export type Backend = { handlers: Handlers; store: NotebookStore; close: () => Promise<void> };

/**
 * Open a notebook and build the handlers of every contract method over it. Each transport (IPC, HTTP,
 * CLI) calls this once and then only dispatches.
 */
export async function openBackend(notebookDir: string, opts: OpenOptions & { emit?: Emit } = {}): Promise<Backend> {
  const store = await NotebookStore.open(notebookDir, opts);
  const emit: Emit = opts.emit ?? (() => undefined);
  const annotations = new AnnotationIndex(store);
  const handlers: Handlers = {
    ...articleHandlers(store, emit),
    ...annotationHandlers(store, emit, annotations),
    ...tagHandlers(store, emit, annotations),
  };
  return { handlers, store, close: () => store.flush() };
}
