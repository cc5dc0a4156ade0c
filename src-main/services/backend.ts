import type { Emit, Handlers } from '../contract';
import { articleHandlers } from './article-handlers';
import type { ScopeResolvers } from '../core/export/scope';
import { ensureDailyBackup } from './backup/rolling-backups';
import type { PdfRenderer } from './export/pdf-chromium';
import { chromiumPdfRenderer } from './export/pdf-chromium';
import { exportHandlers } from './export-handlers';
import type { OpenOptions } from './store/notebook-store';
import { NotebookStore } from './store/notebook-store';

export type Backend = { handlers: Handlers; store: NotebookStore; close: () => Promise<void> };

/**
 * Open a notebook and build the handlers of every contract method over it. Each transport (IPC, HTTP,
 * CLI) calls this once and then only dispatches.
 */
export type BackendOptions = OpenOptions & {
  emit?: Emit;
  /** PDF from the HTML report: Electron's printToPDF on the desktop, headless Chromium otherwise. */
  pdf?: PdfRenderer;
  /** Story and search scopes for exports, wired by those features. */
  resolvers?: ScopeResolvers;
  /** Take a daily rolling backup at open when the newest is older than a day (the app and web mode; not each CLI call). */
  dailyBackup?: boolean;
};

export async function openBackend(notebookDir: string, opts: BackendOptions = {}): Promise<Backend> {
  const store = await NotebookStore.open(notebookDir, opts);
  const emit: Emit = opts.emit ?? (() => undefined);
  if (opts.dailyBackup) {
    // In the background, between writes: opening never waits for it, and a failure is reported, not fatal.
    void store
      .runExclusive(() => ensureDailyBackup(store.layout.root))
      .catch((e: unknown) => console.error('[parallax] daily backup failed:', e));
  }
  const handlers: Handlers = {
    ...articleHandlers(store, emit),
    ...exportHandlers(store, emit, { pdf: opts.pdf ?? chromiumPdfRenderer(), resolvers: opts.resolvers ?? {} }),
  };
  return { handlers, store, close: () => store.flush() };
}
