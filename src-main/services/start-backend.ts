import type { Handlers } from '../contract';
import type { Backend, BackendOptions } from './backend';
import { lockNotebook, openBackend } from './backend';
import { readFirstPage } from './library/library-snapshot';
import { startingHandlers } from './starting-handlers';
import type { NotebookLock } from './store/notebook-lock';
import { layout } from './store/notebook-layout';

export type StartingBackend = {
  /** Serve these at once: they answer the library's first page now and everything else once the notebook is open. */
  handlers: Handlers;
  /** The notebook's write lock, taken before anything listens (another writer is refused before a URL is printed). */
  lock: NotebookLock | null;
  /** The opened back end; rejects (the lock released) when the notebook cannot be opened. */
  ready: Promise<Backend>;
  /** Whether the first page was found saved and current: the library shows before the catalog is read. */
  firstPageSaved: boolean;
};

export type StartOptions = BackendOptions & {
  /** How the notebook is opened (tests hold it back to ask for the library meanwhile); openBackend by default. */
  open?: (dir: string, opts: BackendOptions) => Promise<Backend>;
};

/**
 * Start a back end for a window or web mode without making the listener wait for the catalog: at 100k
 * articles reading it takes seconds, and nothing could be answered meanwhile. Takes the lock, reads the
 * saved first page (a few milliseconds), starts opening the notebook and returns at once; the transport
 * listens with `handlers` and awaits `ready` for what needs the open notebook. When it is open, windows
 * are told the notebook changed, so what they showed from the saved page is fetched again.
 */
export async function startBackend(notebookDir: string, opts: StartOptions = {}): Promise<StartingBackend> {
  const lock = await lockNotebook(notebookDir, opts);
  const saved = opts.readerOnly ? null : (await readFirstPage(layout(notebookDir))).page;
  const ready = (opts.open ?? openBackend)(notebookDir, { ...opts, lock, keepFirstPage: true });
  ready.then(
    () => opts.emit?.('notebook.changed', { ids: [], reason: 'opened' }),
    () => undefined, // the transport awaiting `ready` reports it
  );
  return { handlers: startingHandlers(ready.then((b) => b.handlers), saved), lock, ready, firstPageSaved: saved !== null };
}

/** Open with openBackend and import the sample articles into a notebook that has none (a first launch). */
export async function withSampleIfEmpty(dir: string, opts: BackendOptions): Promise<Backend> {
  const backend = await openBackend(dir, opts);
  try {
    if (backend.store.size === 0) await backend.handlers['notebook.importSample']({});
    return backend;
  } catch (e) {
    await backend.close();
    throw e;
  }
}
