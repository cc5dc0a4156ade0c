import type { Emit, ExportFormat, ExportOptions, ExportScope } from '../../contract';
import type { ExportArticle } from '../../core/export/export-article';
import { compareForExport, toExportArticle } from '../../core/export/export-article';
import type { ResolvedStory, ScopeResolvers } from '../../core/export/scope';
import { applyTag, resolveScope, scopeTitle } from '../../core/export/scope';
import type { NotebookStore } from '../store/notebook-store';
import { readSnapshotMeta } from '../store/snapshot-files';

export type Collected = { articles: ExportArticle[]; title: string; story: ResolvedStory | null };

/**
 * Read the articles an export covers, one document at a time, keeping only what the format needs (the clean
 * text only when it is printed), and report progress while reading.
 */
export async function collectArticles(
  store: NotebookStore,
  format: ExportFormat,
  scope: ExportScope,
  options: ExportOptions,
  resolvers: ScopeResolvers,
  emit: Emit,
): Promise<Collected> {
  const { ids, story } = await resolveScope(scope, store.entries(), resolvers);
  const needBody = options.includeText && (format === 'md' || format === 'html' || format === 'pdf');
  const notesMatter = format === 'md' || format === 'html' || format === 'pdf' || format === 'csv' || format === 'w3c';
  const articles: ExportArticle[] = [];
  for (const [i, id] of ids.entries()) {
    const record = await store.readArticle(id);
    const a = applyTag(toExportArticle(record), scope.tag);
    if (a && !(notesMatter && options.annotatedOnly && !a.annotations.length)) {
      // Only PDFs and pages have originals; other articles cost no extra read.
      const snap = record.format === 'pdf' || record.format === 'html' ? await readSnapshotMeta(store, id) : null;
      if (snap) a.snapshot = { kind: snap.kind, url: snap.url, fetchedAt: snap.fetchedAt };
      if (!needBody) {
        a.body = '';
        a.blocks = [];
      }
      articles.push(a);
    }
    if (i % 100 === 99) emit('export.progress', { phase: 'read', done: i + 1, total: ids.length });
  }
  emit('export.progress', { phase: 'read', done: ids.length, total: ids.length });
  return { articles: articles.sort(compareForExport), title: scopeTitle(scope, story?.title), story };
}
