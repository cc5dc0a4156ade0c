import { mkdir } from 'node:fs/promises';
import type { Emit, Handlers } from '../contract';
import { AppError } from '../contract/errors';
import { AnnotationIndex } from './annotations/annotation-index';
import type { NotebookLock } from './store/notebook-lock';
import { acquireLock } from './store/notebook-lock';
import { libraryHandlers } from './library-handlers';
import { lazyHandlers } from './lazy-handlers';
import { CompareRunner } from './compare/compare-runner';
import { StoryStore } from './compare/story-store';
import { SortedCatalog } from './library/sorted-catalog';
import { FirstPageKeeper } from './library/library-snapshot';
import { SavedSearches } from './search/saved-searches';
import type { SearchOptions } from './search/search-service';
import { SearchService, openIndexEarly } from './search/search-service';
import type { ScopeResolvers } from '../core/export/scope';
import { ensureDailyBackup } from './backup/rolling-backups';
import type { PdfRenderer } from './export/pdf-chromium';
import type { OpenOptions } from './store/notebook-store';
import { NotebookStore } from './store/notebook-store';
import { TagFile } from './tags/tag-file';
import type { FetchOptions } from './web/fetch-page';
import { pathExists } from './path-exists';
import { TeamName } from './sync/team-name';
import { ExtensionPairing } from './extension/pairing';

export type Backend = {
  handlers: Handlers;
  store: NotebookStore;
  lock: NotebookLock | null;
  search: SearchService;
  /** The browser extension's pairings with this notebook (ADR 006); its listener is a transport's. */
  pairing: ExtensionPairing;
  close: () => Promise<void>;
};

export type BackendOptions = OpenOptions & {
  emit?: Emit;
  /** Take the notebook's write lock for the life of this backend, naming the holder ("web mode"). */
  lockAs?: string;
  search?: SearchOptions & { eager?: boolean };
  /** PDF from the HTML report: Electron's printToPDF on the desktop, headless Chromium otherwise. */
  pdf?: PdfRenderer;
  /** Export scopes resolved elsewhere (tests); by default stories and search resolve them. */
  resolvers?: ScopeResolvers;
  /** Take a daily rolling backup at open when the newest is older than a day (the app and web mode; not each CLI call). */
  dailyBackup?: boolean;
  /** Limits of fetching web addresses, for an import and a check for updates (tests shorten them); by default WEB_FETCH_LIMITS. */
  web?: FetchOptions;
  /** A lock already taken for this backend (startBackend takes it before listening); null: none. */
  lock?: NotebookLock | null;
  /** Keep catalog/first-page.json up to date, for the next start to show (the app and web mode). */
  keepFirstPage?: boolean;
};

/** The notebook's write lock when `opts.lockAs` asks for one (and there is, or is to be, a notebook). */
export async function lockNotebook(notebookDir: string, opts: BackendOptions): Promise<NotebookLock | null> {
  if (!opts.lockAs || opts.readerOnly || !(opts.create || (await pathExists(notebookDir)))) return null;
  // A new notebook folder (and the app-data folder above it) is private: others cannot list or read it.
  await mkdir(notebookDir, { recursive: true, mode: 0o700 });
  return acquireLock(notebookDir, opts.lockAs);
}

/**
 * Open a notebook and build the handlers of every contract method over it. Each transport (IPC, HTTP,
 * CLI) calls this once and then only dispatches.
 */
export async function openBackend(notebookDir: string, opts: BackendOptions = {}): Promise<Backend> {
  const lock = opts.lock !== undefined ? opts.lock : await lockNotebook(notebookDir, opts);
  const exists = await pathExists(notebookDir);
  // A window or web mode searches at once: load the saved index while the catalog loads.
  const early = opts.search?.eager && exists && !opts.readerOnly ? openIndexEarly(notebookDir, opts.search) : null;
  let store: NotebookStore;
  try {
    store = await NotebookStore.open(notebookDir, opts);
  } catch (e) {
    await early?.index.terminate?.();
    await lock?.release();
    throw e;
  }
  const emit: Emit = opts.emit ?? (() => undefined);
  const search = new SearchService(store, emit, opts.search, early);
  const stories = new StoryStore(store);
  // One tag file for the notebook: the tag manager and a backup import (which merges its colours) share it.
  const tagFile = new TagFile(store);
  const savedSearches = new SavedSearches(store);
  const team = new TeamName(store);
  const annotations = new AnnotationIndex(store);
  // The library's orders, kept sorted across edits; listing and locating rows share them. Its tag filter
  // also looks at the tags on passages, which the annotation index holds.
  const library = new SortedCatalog(store, {
    load: () => annotations.load(),
    tagsOf: (id) => annotations.forArticle(id).map((a) => a.tags),
  });
  // Comparisons and related coverage run in a worker thread, started on first use.
  const compareRunner = new CompareRunner();
  if (opts.dailyBackup && !store.readOnly) {
    // In the background, between writes: opening never waits for it, and a failure is reported, not fatal.
    void store
      .runExclusive(() => ensureDailyBackup(store.layout.root))
      .catch((e: unknown) => console.error('[parallax] daily backup failed:', e));
  }
  // Export scopes that belong to other features: a story (with its comparison table) and a search.
  const resolvers: ScopeResolvers = {
    story: async (nameOrId) => {
      const wanted = nameOrId.trim().toLowerCase();
      const story = (await stories.list()).find((s) => s.id === nameOrId || s.name.trim().toLowerCase() === wanted);
      if (!story) throw new AppError('NOT_FOUND', `No story named or numbered ${JSON.stringify(nameOrId)}`);
      const ids = story.articleIds.filter((id) => store.entry(id));
      if (ids.length < 2) return { title: story.name, articleIds: ids };
      const table = (format: 'markdown' | 'html' | 'csv') => handlers['compare.export']({ ids, table: 'claims', format });
      const [markdown, html, csv] = await Promise.all([table('markdown'), table('html'), table('csv')]);
      return { title: story.name, articleIds: ids, comparison: { markdown: markdown.content, html: html.content, csv: csv.content } };
    },
    query: async (query) => (await search.query({ query, limit: 100_000, offset: 0 })).hits.map((h) => h.id),
  };
  const pairing = new ExtensionPairing(notebookDir);
  // Each group's module loads on its first call (lazy-handlers.ts): `parallax list` loads the library's alone.
  const handlers: Handlers = {
    ...lazyHandlers(['articles.importPage', 'extension.pairingCode', 'extension.status', 'extension.unpair'], async () =>
      (await import('./extension/extension-handlers')).extensionHandlers(store, emit, pairing, () => handlers),
    ),
    ...lazyHandlers(['articles.importUrl'], async () =>
      (await import('./web/web-handlers')).webHandlers(store, emit, () => handlers, opts.web),
    ),
    ...lazyHandlers(
      ['notebook.importSample', 'articles.update', 'articles.importPaths', 'articles.importFiles', 'articles.reanalyse'],
      async () =>
        (await import('./article-handlers')).articleHandlers(
          store,
          emit,
          (name, ids) => stories.ensure(name, ids).then(() => emit('stories.changed', { ids: [] })),
          (files, job) => search.indexAfter(files, job),
          { stories, tags: tagFile },
        ),
    ),
    ...libraryHandlers(store, library),
    ...lazyHandlers(
      [
        'compare.articles',
        'compare.cancel',
        'compare.export',
        'compare.related',
        'stories.list',
        'stories.create',
        'stories.add',
        'stories.remove',
        'stories.rename',
        'stories.delete',
        'stories.timeline',
      ],
      async () => (await import('./compare/compare-handlers')).compareHandlers(store, stories, emit, { runner: compareRunner }),
    ),
    ...lazyHandlers(
      ['annotations.list', 'annotations.create', 'annotations.update', 'annotations.delete', 'annotations.restore'],
      async () => (await import('./annotation-handlers')).annotationHandlers(store, emit, annotations, () => team.get()),
    ),
    ...lazyHandlers(['verdicts.list', 'verdicts.set', 'verdicts.create', 'verdicts.ratings', 'verdicts.setRatings'], async () =>
      (await import('./verdicts/verdict-handlers')).verdictHandlers(store, emit, annotations, stories),
    ),
    ...lazyHandlers(['articles.tag', 'tags.list', 'tags.rename', 'tags.merge', 'tags.recolour', 'tags.delete', 'tags.restore'], async () =>
      (await import('./tag-handlers')).tagHandlers(store, emit, annotations, tagFile, () => team.get()),
    ),
    ...lazyHandlers(['articles.replaceText'], async () => (await import('./replace-text-handlers')).replaceTextHandlers(store, emit)),
    ...lazyHandlers(['articles.snapshot'], async () => (await import('./snapshot-handlers')).snapshotHandlers(store)),
    ...lazyHandlers(['notebook.sync', 'notebook.syncStatus', 'notebook.showOthers', 'notebook.resolveConflict', 'notebook.restoreConflict'], async () =>
      (await import('./sync/sync-handlers')).syncHandlers(store, emit, { stories, tags: tagFile, searches: savedSearches }, team),
    ),
    ...lazyHandlers(['articles.checkUpdates', 'articles.versions', 'articles.versionDiff', 'articles.showVersion'], async () =>
      (await import('./web/check-updates-handlers')).checkUpdatesHandlers(store, emit, opts.web),
    ),
    ...lazyHandlers(
      ['search.query', 'search.status', 'search.articleHits', 'search.saved.list', 'search.saved.save', 'search.saved.delete'],
      async () => (await import('./search-handlers')).searchHandlers(store, search, savedSearches),
    ),
    ...lazyHandlers(['export.run', 'export.write', 'backup.create', 'backup.list', 'articles.importText'], async () =>
      (await import('./export-handlers')).exportHandlers(store, emit, {
        pdf: opts.pdf ?? (await import('./export/pdf-chromium')).chromiumPdfRenderer(),
        resolvers: opts.resolvers ?? resolvers,
      }),
    ),
  };
  const firstPage =
    opts.keepFirstPage && !store.readOnly ? new FirstPageKeeper(store, (q) => handlers['articles.list']({ ...q })) : null;
  // The index starts on first use (a CLI "list" never pays for it); windows start it at once.
  if (opts.search?.eager) void search.start();
  // A window also starts the compare worker, a little later, so the first comparison does not wait for it.
  if (opts.search?.eager) setTimeout(() => compareRunner.warm(), 3_000).unref();
  return {
    handlers,
    store,
    lock,
    search,
    pairing,
    close: async () => {
      await compareRunner.close();
      await store.close();
      // After the store closed: its last compaction rewrote the files the saved page's stamp names.
      await firstPage?.close();
      await search.close();
      await lock?.release();
    },
  };
}
