import type { Emit, Handlers } from '../contract';
import { AppError } from '../contract/errors';
import { setAnalysis, summaryOf } from '../core/article/article-record';
import type { BackupMergeTargets } from './backup/import-backup';
import { fingerprintOf, importArticles } from './importer/import-articles';
import { loadAnalysis } from './importer/load-analysis';
import { loadImportBytes, readImportFile } from './importer/read-import-file';
import { importSpecialPaths, importSpecialUploads, splitSpecial } from './importer/special-imports';
import { walkPaths } from './importer/walk-paths';
import { loadSample } from './sample/sample-notebook';
import type { NotebookStore } from './store/notebook-store';

type ArticleHandlers = Pick<
  Handlers,
  'notebook.importSample' | 'articles.update' | 'articles.importPaths' | 'articles.importFiles' | 'articles.reanalyse'
>;

/** Runs an import of `files` files; the search service indexes a large one after it (SearchService.indexAfter). */
export type ImportRunner = <T>(files: number, job: () => Promise<T>) => Promise<T>;

/**
 * `onSampleStory` files the sample's articles under the story its manifest names (the compare feature's
 * stories); `runImport` wraps every import; an imported backup's stories and tag colours go into `backupInto`.
 */
export function articleHandlers(
  store: NotebookStore,
  emit: Emit,
  onSampleStory?: (name: string, ids: string[]) => Promise<void>,
  runImport: ImportRunner = (_files, job) => job(),
  backupInto?: BackupMergeTargets,
): ArticleHandlers {
  const changed = (ids: string[], reason: string) => emit('notebook.changed', { ids, reason });

  return {
    'notebook.importSample': async () => {
      const { manifest, sources } = await loadSample();
      const report = await importArticles(store, sources, emit);
      const ids = [...report.imported.map((a) => a.id), ...report.duplicates.map((d) => d.id)];
      if (manifest.story && onSampleStory && ids.length) await onSampleStory(manifest.story.name, ids);
      changed(
        report.imported.map((a) => a.id),
        'import',
      );
      return report;
    },

    'articles.update': async ({ id, patch }) => {
      const record = await store.updateArticle(id, (r) => {
        for (const [key, value] of Object.entries(patch)) {
          r.userMeta[key as keyof typeof patch] = typeof value === 'string' ? value.trim() || null : (value ?? null);
        }
      });
      changed([id], 'metadata');
      return summaryOf(record);
    },

    'articles.importPaths': async ({ paths }) => {
      const walked = await walkPaths(paths);
      const { articles: files, special } = splitSpecial(walked.files, (f) => f);
      const report = await runImport(walked.files.length, async () => {
        const r = await importArticles(
          store,
          files.map((file) => ({ file, load: () => readImportFile(file) })),
          emit,
        );
        await importSpecialPaths(store, special, r, emit, backupInto);
        return r;
      });
      report.errors.push(...walked.skipped);
      changed(
        report.imported.map((a) => a.id),
        'import',
      );
      return report;
    },

    'articles.importFiles': async ({ files: all }) => {
      const { articles: files, special } = splitSpecial(all, (f) => f.name);
      const sources = files.map((f) => ({ file: f.name, load: () => loadImportBytes(Buffer.from(f.contentBase64, 'base64'), f.name) }));
      const report = await runImport(all.length, async () => {
        const r = await importArticles(store, sources, emit);
        await importSpecialUploads(store, special, r, emit, backupInto);
        return r;
      });
      changed(
        report.imported.map((a) => a.id),
        'import',
      );
      return report;
    },

    'articles.reanalyse': async ({ ids }) => {
      const targets = ids ?? [...store.entries()].map((e) => e.id);
      for (const id of targets) if (!store.entry(id)) throw new AppError('NOT_FOUND', `No article with id ${id}`);
      const { analyseSource } = await loadAnalysis();
      for (const id of targets) {
        await store.updateArticle(id, (r) => {
          const { analysis } = analyseSource(r.format ?? 'text', r.raw, r.file);
          setAnalysis(r, analysis, fingerprintOf(analysis, r.raw));
        });
      }
      changed(targets, 'reanalyse');
      return { reanalysed: targets.length };
    },
  };
}
