import type { Emit, Handlers } from '../contract';
import type { ScopeResolvers } from '../core/export/scope';
import { listBackups, takeBackup } from './backup/rolling-backups';
import type { PdfRenderer } from './export/pdf-chromium';
import { importArticles } from './importer/import-articles';
import type { NotebookStore } from './store/notebook-store';

type ExportHandlers = Pick<Handlers, 'export.run' | 'export.write' | 'backup.create' | 'backup.list' | 'articles.importText'>;

export type ExportOptionsDeps = { pdf: PdfRenderer; resolvers: ScopeResolvers };

export function exportHandlers(store: NotebookStore, emit: Emit, deps: ExportOptionsDeps): ExportHandlers {
  const ctx = { store, emit, ...deps };
  return {
    // Loaded on first use: the exporters (citeproc, YAML, HTML) would otherwise add to every launch.
    'export.run': async (req) => (await import('./export/export-service')).exportToDownload(ctx, req),
    'export.write': async ({ folder, name, overwrite, ...req }) =>
      (await import('./export/export-service')).exportToFolder(ctx, req, folder, name, overwrite),
    'backup.create': () => store.runExclusive(() => takeBackup(store.layout.root, 'manual')),
    'backup.list': () => listBackups(store.layout.root),

    'articles.importText': async ({ text, title }) => {
      const body = title?.trim() ? `${title.trim()}\n\n${text}` : text;
      const report = await importArticles(
        store,
        [{ file: 'pasted text', format: 'text', load: () => ({ text: body, encoding: 'utf-8' }) }],
        emit,
      );
      // A pasted article has no file; the report still names where it came from.
      if (report.imported.length) {
        const id = report.imported[0]!.id;
        await store.updateArticle(id, (r) => {
          r.file = null;
        });
      }
      emit('notebook.changed', { ids: report.imported.map((a) => a.id), reason: 'import' });
      return report;
    },
  };
}
