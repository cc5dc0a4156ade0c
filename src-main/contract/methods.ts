import { z } from 'zod';
import type { MethodNameList } from '../../src-shared/api-names';
import { methodNames } from '../../src-shared/api-names';

/** No input: `{}` or nothing. Made per method, like every schema here. */
const empty = () => z.object({}).strict().default({});

/**
 * The API: every method Parallax offers, with the schema of its input and output. IPC, HTTP and the CLI
 * are generated from this one map, so adding a method is one entry here and one handler in services.
 *
 * Each entry builds its schemas when first asked for (`methodSchemas`), importing the contract modules that
 * define them: building all of them (~700 zod schemas) took ~0.4 s at every start on a busy machine, and a
 * CLI command checks one method. Types come from the same entries, so there is no second copy to drift.
 */
export const methods = {
  'notebook.info': async () => {
    const { NotebookInfo } = await import('./notebook');
    return { input: empty(), output: NotebookInfo };
  },
  'notebook.importSample': async () => {
    const { ImportReport } = await import('./articles');
    return { input: empty(), output: ImportReport };
  },
  /** Meet the team database: pull everyone's changes, push this notebook's (services/sync, ADR 007). */
  'notebook.sync': async () => {
    const { SyncInput, SyncReport } = await import('./sync');
    return { input: SyncInput, output: SyncReport };
  },
  'notebook.syncStatus': async () => {
    const { SyncStatus } = await import('./sync');
    return { input: empty(), output: SyncStatus };
  },
  /** Settle a sync conflict: keep mine (dismiss) or theirs (applied here as a new edit, synced out next time). */
  'notebook.resolveConflict': async () => {
    const { ResolveConflictInput, ResolveConflictResult } = await import('./sync');
    return { input: ResolveConflictInput, output: ResolveConflictResult };
  },
  /** The undo of notebook.resolveConflict: the value from before it, and the conflict, come back. */
  'notebook.restoreConflict': async () => {
    const { RestoreConflictInput, SyncStatus } = await import('./sync');
    return { input: RestoreConflictInput, output: SyncStatus };
  },
  /** Show or hide other team members' annotations in the reader; the notebook keeps the choice. */
  'notebook.showOthers': async () => {
    const { SyncStatus } = await import('./sync');
    return { input: z.object({ show: z.boolean() }).strict(), output: SyncStatus };
  },
  'articles.list': async () => {
    const { ListQuery, ListResult } = await import('./articles');
    return { input: ListQuery, output: ListResult };
  },
  'articles.get': async () => {
    const { ArticleDetail } = await import('./articles');
    const { ArticleId } = await import('./primitives');
    return { input: z.object({ id: ArticleId }).strict(), output: ArticleDetail };
  },
  // The paged library (services/library-handlers.ts): find a row, list outlets, fetch a few rows by id.
  'articles.locate': async () => {
    const { LocateQuery, LocateResult } = await import('./library');
    return { input: LocateQuery, output: LocateResult };
  },
  'articles.outlets': async () => {
    const { OutletCount } = await import('./library');
    return { input: empty(), output: z.object({ outlets: z.array(OutletCount) }) };
  },
  'articles.summaries': async () => {
    const { SummariesQuery, SummariesResult } = await import('./library');
    return { input: SummariesQuery, output: SummariesResult };
  },
  // The original a PDF or a page was imported from (services/snapshot-handlers.ts).
  'articles.snapshot': async () => {
    const { SnapshotAnswer, SnapshotQuery } = await import('./snapshots');
    return { input: SnapshotQuery, output: SnapshotAnswer };
  },
  // Checking an article's web address again for changes; the versions kept (services/web/check-updates-handlers.ts).
  /** Fetch the article's address again; a changed text becomes a new version, shown, with the annotations re-anchored. */
  'articles.checkUpdates': async () => {
    const { ArticleId } = await import('./primitives');
    const { CheckUpdatesResult } = await import('./versions');
    return { input: z.object({ id: ArticleId }).strict(), output: CheckUpdatesResult };
  },
  'articles.versions': async () => {
    const { ArticleId } = await import('./primitives');
    const { VersionList } = await import('./versions');
    return { input: z.object({ id: ArticleId }).strict(), output: VersionList };
  },
  /** What changed between two kept versions, word by word, headline included. */
  'articles.versionDiff': async () => {
    const { VersionDiff, VersionDiffQuery } = await import('./versions');
    return { input: VersionDiffQuery, output: VersionDiff };
  },
  /** Show a kept version again (revert; the undo of a check); every version stays kept. */
  'articles.showVersion': async () => {
    const { ShowVersionInput, ShowVersionResult } = await import('./versions');
    return { input: ShowVersionInput, output: ShowVersionResult };
  },
  'articles.update': async () => {
    const { ArticleId } = await import('./primitives');
    const { ArticleSummary, MetadataPatch } = await import('./articles');
    return { input: z.object({ id: ArticleId, patch: MetadataPatch }).strict(), output: ArticleSummary };
  },
  'articles.importPaths': async () => {
    const { ImportReport } = await import('./articles');
    return {
      input: z.object({ paths: z.array(z.string().min(1).max(4096)).min(1, 'give at least one path').max(10_000) }).strict(),
      output: ImportReport,
    };
  },
  'articles.importFiles': async () => {
    const { ImportReport, UploadedFile } = await import('./articles');
    return {
      input: z.object({ files: z.array(UploadedFile).min(1, 'send at least one file').max(1000) }).strict(),
      output: ImportReport,
    };
  },
  'articles.reanalyse': async () => {
    const { ArticleId } = await import('./primitives');
    return {
      input: z.object({ ids: z.array(ArticleId).max(200_000).optional() }).strict(),
      output: z.object({ reanalysed: z.number().int() }),
    };
  },
  /** Edit an article's text or re-import a corrected copy; annotations re-anchor (services/replace-text-handlers.ts). */
  'articles.replaceText': async () => {
    const { ReplaceTextInput, ReplaceTextResult } = await import('./replace-text');
    return { input: ReplaceTextInput, output: ReplaceTextResult };
  },
  'compare.articles': async () => {
    const { CompareIds, CompareRequestId, CompareResult } = await import('./compare');
    return { input: z.object({ ids: CompareIds, requestId: CompareRequestId.optional() }).strict(), output: CompareResult };
  },
  /** Stop the comparison started with this request id (it answers CANCELLED); `cancelled` is false when none was running. */
  'compare.cancel': async () => {
    const { CompareRequestId } = await import('./compare');
    return { input: z.object({ requestId: CompareRequestId }).strict(), output: z.object({ cancelled: z.boolean() }) };
  },
  'compare.export': async () => {
    const { CompareIds, ExportedTable, compareTables, tableFormats } = await import('./compare');
    return {
      input: z.object({ ids: CompareIds, table: z.enum(compareTables), format: z.enum(tableFormats) }).strict(),
      output: ExportedTable,
    };
  },
  'compare.related': async () => {
    const { ArticleId } = await import('./primitives');
    const { RelatedItem } = await import('./compare');
    return {
      input: z.object({ id: ArticleId, limit: z.number().int().min(1).max(500).default(10) }).strict(),
      output: z.array(RelatedItem),
    };
  },
  'stories.list': async () => {
    const { Story } = await import('./compare');
    return { input: empty(), output: z.object({ stories: z.array(Story) }) };
  },
  'stories.create': async () => {
    const { ArticleId } = await import('./primitives');
    const { Story, StoryName } = await import('./compare');
    return {
      input: z.object({ name: StoryName, articleIds: z.array(ArticleId).max(100_000).default([]) }).strict(),
      output: Story,
    };
  },
  'stories.add': async () => {
    const { ArticleId } = await import('./primitives');
    const { Story, StoryId } = await import('./compare');
    return {
      input: z.object({ id: StoryId, articleIds: z.array(ArticleId).min(1, 'give at least one article').max(100_000) }).strict(),
      output: Story,
    };
  },
  'stories.remove': async () => {
    const { ArticleId } = await import('./primitives');
    const { Story, StoryId } = await import('./compare');
    return {
      input: z.object({ id: StoryId, articleIds: z.array(ArticleId).min(1, 'give at least one article').max(100_000) }).strict(),
      output: Story,
    };
  },
  'stories.rename': async () => {
    const { Story, StoryId, StoryName } = await import('./compare');
    return { input: z.object({ id: StoryId, name: StoryName }).strict(), output: Story };
  },
  'stories.delete': async () => {
    const { StoryId } = await import('./compare');
    return { input: z.object({ id: StoryId }).strict(), output: z.object({ deleted: StoryId }) };
  },
  /** The story's articles by publication time, and which shared claims and figures appeared first. */
  'stories.timeline': async () => {
    const { StoryId } = await import('./compare');
    const { Timeline } = await import('./timeline');
    return { input: z.object({ id: StoryId }).strict(), output: Timeline };
  },
  // Annotations (services/annotation-handlers.ts)
  'annotations.list': async () => {
    const { AnnotationListResult, AnnotationQuery } = await import('./annotations');
    return { input: AnnotationQuery, output: AnnotationListResult };
  },
  'annotations.create': async () => {
    const { Annotation, NewAnnotation } = await import('./annotations');
    return { input: NewAnnotation, output: Annotation };
  },
  'annotations.update': async () => {
    const { Annotation, AnnotationId, AnnotationPatch } = await import('./annotations');
    return { input: z.object({ id: AnnotationId, patch: AnnotationPatch }).strict(), output: Annotation };
  },
  /** Returns the deleted annotation, so it can be put back with `annotations.restore` (undo). */
  'annotations.delete': async () => {
    const { Annotation, AnnotationId } = await import('./annotations');
    return { input: z.object({ id: AnnotationId }).strict(), output: Annotation };
  },
  /** Put back a deleted annotation with its id (undo of delete, redo of create); it is re-anchored. */
  'annotations.restore': async () => {
    const { Annotation } = await import('./annotations');
    return { input: z.object({ annotation: Annotation }).strict(), output: Annotation };
  },
  // Verdicts on claims (services/verdicts/verdict-handlers.ts): ratings, rationale and sources on a passage's annotation.
  'verdicts.list': async () => {
    const { VerdictListResult, VerdictQuery } = await import('./verdicts');
    return { input: VerdictQuery, output: VerdictListResult };
  },
  /** Give an annotation a verdict, change it, or take it away (null); answers with the verdict it had, for undo. */
  'verdicts.set': async () => {
    const { SetVerdictInput, SetVerdictResult } = await import('./verdicts');
    return { input: SetVerdictInput, output: SetVerdictResult };
  },
  /** Mark a passage and give it a verdict in one edit (a coverage-matrix row); undone with `annotations.delete`. */
  'verdicts.create': async () => {
    const { Annotation } = await import('./annotations');
    const { NewVerdict } = await import('./verdicts');
    return { input: NewVerdict, output: Annotation };
  },
  'verdicts.ratings': async () => {
    const { RatingsResult } = await import('./verdicts');
    return { input: empty(), output: RatingsResult };
  },
  /**
   * Replace the notebook's list of ratings (add, rename, reorder, remove); a removed rating that verdicts
   * use needs a move to a rating of the new list, or the edit is refused (CONFLICT) and nothing changes.
   */
  'verdicts.setRatings': async () => {
    const { SetRatingsInput, SetRatingsResult } = await import('./verdicts');
    return { input: SetRatingsInput, output: SetRatingsResult };
  },
  // Tags (services/tag-handlers.ts)
  'articles.tag': async () => {
    const { ArticleId } = await import('./primitives');
    const { ArticleSummary } = await import('./articles');
    const { TagList } = await import('./tags');
    return {
      input: z
        .object({ id: ArticleId, add: TagList.default([]), remove: TagList.default([]) })
        .strict()
        .refine((p) => p.add.length + p.remove.length > 0, 'give tags to add or remove'),
      output: ArticleSummary,
    };
  },
  'tags.list': async () => {
    const { TagInfo } = await import('./tags');
    return { input: empty(), output: z.object({ tags: z.array(TagInfo) }) };
  },
  /** Renames a tag and its children everywhere (`a` -> `b` also makes `a/x` -> `b/x`). Refuses to merge into an existing tag. */
  'tags.rename': async () => {
    const { TagChange, TagName } = await import('./tags');
    return { input: z.object({ from: TagName, to: TagName }).strict(), output: TagChange };
  },
  'tags.merge': async () => {
    const { TagChange, TagList, TagName } = await import('./tags');
    return { input: z.object({ from: TagList.min(1, 'name the tags to merge'), into: TagName }).strict(), output: TagChange };
  },
  'tags.recolour': async () => {
    const { TagChange, TagColor, TagName } = await import('./tags');
    return { input: z.object({ tag: TagName, color: TagColor.nullable() }).strict(), output: TagChange };
  },
  /** Removes a tag and its children from every article and passage. */
  'tags.delete': async () => {
    const { TagChange, TagName } = await import('./tags');
    return { input: z.object({ tag: TagName }).strict(), output: TagChange };
  },
  /** Puts tags and colours back as a snapshot recorded them (undo of rename, merge, recolour, delete). */
  'tags.restore': async () => {
    const { TagSnapshot } = await import('./tags');
    return { input: z.object({ snapshot: TagSnapshot }).strict(), output: z.object({ articles: z.number().int() }) };
  },
  'search.query': async () => {
    const { SearchQueryInput, SearchResult } = await import('./search');
    return { input: SearchQueryInput, output: SearchResult };
  },
  'search.status': async () => {
    const { SearchStatus } = await import('./search');
    return { input: empty(), output: SearchStatus };
  },
  'search.articleHits': async () => {
    const { ArticleHits, ArticleHitsInput } = await import('./search');
    return { input: ArticleHitsInput, output: ArticleHits };
  },
  'search.saved.list': async () => {
    const { SavedSearch } = await import('./search');
    return { input: empty(), output: z.array(SavedSearch) };
  },
  'search.saved.save': async () => {
    const { SaveSearchInput, SavedSearch } = await import('./search');
    return { input: SaveSearchInput, output: SavedSearch };
  },
  'search.saved.delete': async () => {
    const { SavedSearch } = await import('./search');
    return { input: z.object({ id: z.string().max(64) }).strict(), output: z.array(SavedSearch) };
  },
  /** Paste as new article: the text as typed or pasted, with an optional title that overrides the first line. */
  'articles.importText': async () => {
    const { ImportReport } = await import('./articles');
    const { ShortText } = await import('./primitives');
    return {
      input: z
        .object({
          text: z
            .string()
            .max(20_000_000, 'pasted text may be at most 20 MB')
            .refine((s) => s.trim().length > 0, 'there is no text to import'),
          title: ShortText(1000).optional(),
        })
        .strict(),
      output: ImportReport,
    };
  },
  /** An export returned by value, for the app to download (web mode and desktop alike). */
  'export.run': async () => {
    const { ExportRequest, ExportedFile } = await import('./export');
    return { input: ExportRequest, output: ExportedFile };
  },
  /** An export written into a folder (CLI --out, a desktop save dialog); refuses paths outside that folder. */
  'export.write': async () => {
    const { ExportRequest, ExportWritten } = await import('./export');
    const { ShortText } = await import('./primitives');
    return {
      input: ExportRequest.extend({
        folder: z.string().min(1).max(4096),
        name: ShortText(200).optional(),
        overwrite: z.boolean().default(false),
      }).strict(),
      output: ExportWritten,
    };
  },
  'backup.create': async () => {
    const { BackupInfo } = await import('./export');
    return { input: empty(), output: BackupInfo };
  },
  'backup.list': async () => {
    const { BackupInfo } = await import('./export');
    return { input: empty(), output: z.array(BackupInfo) };
  },
  // The browser extension (ADR 006, services/extension/): a page saved from the browser, and pairing.
  /** A page as the browser rendered it, extracted as a saved page is; the address is kept; optional tag, story and highlight. */
  'articles.importPage': async () => {
    const { ImportPageInput, ImportPageResult } = await import('./extension');
    return { input: ImportPageInput, output: ImportPageResult };
  },
  /** A new single-use pairing code (it replaces any earlier one), valid for five minutes. */
  'extension.pairingCode': async () => {
    const { PairingCode } = await import('./extension');
    return { input: empty(), output: PairingCode };
  },
  'extension.status': async () => {
    const { ExtensionStatus } = await import('./extension');
    return { input: empty(), output: ExtensionStatus };
  },
  /** Forget every paired browser: their tokens stop working at once. */
  'extension.unpair': async () => {
    const { ExtensionStatus } = await import('./extension');
    return { input: empty(), output: ExtensionStatus };
  },
  /** A page fetched from a web address (http(s), redirects and size limited), imported as a saved page or PDF, with its snapshot. */
  'articles.importUrl': async () => {
    const { ImportUrlInput, ImportUrlResult } = await import('./web-import');
    return { input: ImportUrlInput, output: ImportUrlResult };
  },
} as const satisfies Record<MethodNameList, () => Promise<MethodSchemas>>;

type MethodSchemas = { input: z.ZodType; output: z.ZodType };

const built = new Map<MethodName, Promise<MethodSchemas>>();

/** The input and output schemas of `method`, built on its first call and kept. */
export function methodSchemas<M extends MethodName>(method: M): Promise<Schemas<M>> {
  let schemas = built.get(method);
  if (!schemas) built.set(method, (schemas = methods[method]()));
  return schemas as Promise<Schemas<M>>;
}

/**
 * Methods that never change the notebook. The CLI runs them beside another writer without taking the lock;
 * everything else is treated as a write (takes the lock, or goes through the app that holds it).
 */
export const readOnlyMethods: ReadonlySet<string> = new Set([
  'notebook.info',
  'notebook.syncStatus',
  'articles.list',
  'articles.get',
  'articles.locate',
  'articles.outlets',
  'articles.summaries',
  'articles.versions',
  'articles.versionDiff',
  'annotations.list',
  'tags.list',
  'verdicts.list',
  'verdicts.ratings',
  'compare.articles',
  'compare.export',
  'compare.cancel',
  'compare.related',
  'stories.list',
  'stories.timeline',
  'search.query',
  'search.status',
  'search.articleHits',
  'search.saved.list',
  // Exports read the notebook and write files elsewhere (a backup into the notebook is a write).
  'export.run',
  'export.write',
  'backup.list',
  'extension.status',
]);

export type Methods = typeof methods;
export type MethodName = keyof Methods;
/** The schemas `methods[M]` builds. */
export type Schemas<M extends MethodName> = Awaited<ReturnType<Methods[M]>>;
/** The same names as `methods`' keys (the `satisfies` above fails to compile when they differ), without zod. */
export { methodNames };

/** What a caller may send (defaults not yet applied). */
export type MethodInput<M extends MethodName> = z.input<Schemas<M>['input']>;
/** What a handler receives, after validation and defaults. */
export type ParsedInput<M extends MethodName> = z.output<Schemas<M>['input']>;
export type MethodOutput<M extends MethodName> = z.output<Schemas<M>['output']>;

/** One async function per method: what services implement and transports call. */
export type Handlers = { [M in MethodName]: (input: ParsedInput<M>) => Promise<MethodOutput<M>> };

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(methods, name);
}
