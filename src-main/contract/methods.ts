import { z } from 'zod';
import { ArticleDetail, ArticleSummary, ImportReport, ListQuery, ListResult, MetadataPatch, UploadedFile } from './articles';
import { CompareIds, CompareResult, ExportedTable, RelatedItem, Story, StoryId, StoryName, compareTables, tableFormats } from './compare';
import { CompareRequestId } from './compare';
import { Annotation, AnnotationId, AnnotationListResult, AnnotationPatch, AnnotationQuery, NewAnnotation } from './annotations';
import { TagChange, TagColor, TagInfo, TagList, TagName, TagSnapshot } from './tags';
import { ArticleHits, ArticleHitsInput, SavedSearch, SaveSearchInput, SearchQueryInput, SearchResult, SearchStatus } from './search';
import { BackupInfo, ExportRequest, ExportWritten, ExportedFile } from './export';
import { LocateQuery, LocateResult, OutletCount, SummariesQuery, SummariesResult } from './library';
import { NotebookInfo } from './notebook';
import { SyncInput, SyncReport, SyncStatus } from './sync';
import { ReplaceTextInput, ReplaceTextResult } from './replace-text';
import { ExtensionStatus, ImportPageInput, ImportPageResult, PairingCode } from './extension';
import { SnapshotAnswer, SnapshotQuery } from './snapshots';
import { ImportUrlInput, ImportUrlResult } from './web-import';
import { CheckUpdatesResult, ShowVersionInput, ShowVersionResult, VersionDiff, VersionDiffQuery, VersionList } from './versions';
import { Timeline } from './timeline';
import { ArticleId, ShortText } from './primitives';
import { NewVerdict, RatingsResult, SetRatingsInput, SetRatingsResult, SetVerdictInput, SetVerdictResult, VerdictListResult, VerdictQuery } from './verdicts';
import type { MethodNameList } from '../../src-shared/api-names';
import { methodNames } from '../../src-shared/api-names';

const Empty = z.object({}).strict().default({});

/**
 * The API: every method Parallax offers, with the schema of its input and output. IPC, HTTP and the CLI
 * are generated from this one map, so adding a method is one entry here and one handler in services.
 */
export const methods = {
  'notebook.info': { input: Empty, output: NotebookInfo },
  'notebook.importSample': { input: Empty, output: ImportReport },
  /** Meet the team database: pull everyone's changes, push this notebook's (services/sync, ADR 007). */
  'notebook.sync': { input: SyncInput, output: SyncReport },
  'notebook.syncStatus': { input: Empty, output: SyncStatus },
  'articles.list': { input: ListQuery, output: ListResult },
  'articles.get': { input: z.object({ id: ArticleId }).strict(), output: ArticleDetail },
  // The paged library (services/library-handlers.ts): find a row, list outlets, fetch a few rows by id.
  'articles.locate': { input: LocateQuery, output: LocateResult },
  'articles.outlets': { input: Empty, output: z.object({ outlets: z.array(OutletCount) }) },
  'articles.summaries': { input: SummariesQuery, output: SummariesResult },
  // The original a PDF or a page was imported from (services/snapshot-handlers.ts).
  'articles.snapshot': { input: SnapshotQuery, output: SnapshotAnswer },
  // Checking an article's web address again for changes; the versions kept (services/web/check-updates-handlers.ts).
  /** Fetch the article's address again; a changed text becomes a new version, shown, with the annotations re-anchored. */
  'articles.checkUpdates': { input: z.object({ id: ArticleId }).strict(), output: CheckUpdatesResult },
  'articles.versions': { input: z.object({ id: ArticleId }).strict(), output: VersionList },
  /** What changed between two kept versions, word by word, headline included. */
  'articles.versionDiff': { input: VersionDiffQuery, output: VersionDiff },
  /** Show a kept version again (revert; the undo of a check); every version stays kept. */
  'articles.showVersion': { input: ShowVersionInput, output: ShowVersionResult },
  'articles.update': { input: z.object({ id: ArticleId, patch: MetadataPatch }).strict(), output: ArticleSummary },
  'articles.importPaths': {
    input: z.object({ paths: z.array(z.string().min(1).max(4096)).min(1, 'give at least one path').max(10_000) }).strict(),
    output: ImportReport,
  },
  'articles.importFiles': {
    input: z.object({ files: z.array(UploadedFile).min(1, 'send at least one file').max(1000) }).strict(),
    output: ImportReport,
  },
  'articles.reanalyse': {
    input: z.object({ ids: z.array(ArticleId).max(200_000).optional() }).strict(),
    output: z.object({ reanalysed: z.number().int() }),
  },
  /** Edit an article's text or re-import a corrected copy; annotations re-anchor (services/replace-text-handlers.ts). */
  'articles.replaceText': { input: ReplaceTextInput, output: ReplaceTextResult },
  'compare.articles': { input: z.object({ ids: CompareIds, requestId: CompareRequestId.optional() }).strict(), output: CompareResult },
  /** Stop the comparison started with this request id (it answers CANCELLED); `cancelled` is false when none was running. */
  'compare.cancel': { input: z.object({ requestId: CompareRequestId }).strict(), output: z.object({ cancelled: z.boolean() }) },
  'compare.export': {
    input: z.object({ ids: CompareIds, table: z.enum(compareTables), format: z.enum(tableFormats) }).strict(),
    output: ExportedTable,
  },
  'compare.related': {
    input: z.object({ id: ArticleId, limit: z.number().int().min(1).max(500).default(10) }).strict(),
    output: z.array(RelatedItem),
  },
  'stories.list': { input: Empty, output: z.object({ stories: z.array(Story) }) },
  'stories.create': {
    input: z.object({ name: StoryName, articleIds: z.array(ArticleId).max(100_000).default([]) }).strict(),
    output: Story,
  },
  'stories.add': {
    input: z.object({ id: StoryId, articleIds: z.array(ArticleId).min(1, 'give at least one article').max(100_000) }).strict(),
    output: Story,
  },
  'stories.remove': {
    input: z.object({ id: StoryId, articleIds: z.array(ArticleId).min(1, 'give at least one article').max(100_000) }).strict(),
    output: Story,
  },
  'stories.rename': { input: z.object({ id: StoryId, name: StoryName }).strict(), output: Story },
  'stories.delete': { input: z.object({ id: StoryId }).strict(), output: z.object({ deleted: StoryId }) },
  /** The story's articles by publication time, and which shared claims and figures appeared first. */
  'stories.timeline': { input: z.object({ id: StoryId }).strict(), output: Timeline },
  // Annotations (services/annotation-handlers.ts)
  'annotations.list': { input: AnnotationQuery, output: AnnotationListResult },
  'annotations.create': { input: NewAnnotation, output: Annotation },
  'annotations.update': { input: z.object({ id: AnnotationId, patch: AnnotationPatch }).strict(), output: Annotation },
  /** Returns the deleted annotation, so it can be put back with `annotations.restore` (undo). */
  'annotations.delete': { input: z.object({ id: AnnotationId }).strict(), output: Annotation },
  /** Put back a deleted annotation with its id (undo of delete, redo of create); it is re-anchored. */
  'annotations.restore': { input: z.object({ annotation: Annotation }).strict(), output: Annotation },
  // Verdicts on claims (services/verdicts/verdict-handlers.ts): ratings, rationale and sources on a passage's annotation.
  'verdicts.list': { input: VerdictQuery, output: VerdictListResult },
  /** Give an annotation a verdict, change it, or take it away (null); answers with the verdict it had, for undo. */
  'verdicts.set': { input: SetVerdictInput, output: SetVerdictResult },
  /** Mark a passage and give it a verdict in one edit (a coverage-matrix row); undone with `annotations.delete`. */
  'verdicts.create': { input: NewVerdict, output: Annotation },
  'verdicts.ratings': { input: Empty, output: RatingsResult },
  /**
   * Replace the notebook's list of ratings (add, rename, reorder, remove); a removed rating that verdicts
   * use needs a move to a rating of the new list, or the edit is refused (CONFLICT) and nothing changes.
   */
  'verdicts.setRatings': { input: SetRatingsInput, output: SetRatingsResult },
  // Tags (services/tag-handlers.ts)
  'articles.tag': {
    input: z
      .object({ id: ArticleId, add: TagList.default([]), remove: TagList.default([]) })
      .strict()
      .refine((p) => p.add.length + p.remove.length > 0, 'give tags to add or remove'),
    output: ArticleSummary,
  },
  'tags.list': { input: Empty, output: z.object({ tags: z.array(TagInfo) }) },
  /** Renames a tag and its children everywhere (`a` -> `b` also makes `a/x` -> `b/x`). Refuses to merge into an existing tag. */
  'tags.rename': { input: z.object({ from: TagName, to: TagName }).strict(), output: TagChange },
  'tags.merge': { input: z.object({ from: TagList.min(1, 'name the tags to merge'), into: TagName }).strict(), output: TagChange },
  'tags.recolour': { input: z.object({ tag: TagName, color: TagColor.nullable() }).strict(), output: TagChange },
  /** Removes a tag and its children from every article and passage. */
  'tags.delete': { input: z.object({ tag: TagName }).strict(), output: TagChange },
  /** Puts tags and colours back as a snapshot recorded them (undo of rename, merge, recolour, delete). */
  'tags.restore': { input: z.object({ snapshot: TagSnapshot }).strict(), output: z.object({ articles: z.number().int() }) },
  'search.query': { input: SearchQueryInput, output: SearchResult },
  'search.status': { input: Empty, output: SearchStatus },
  'search.articleHits': { input: ArticleHitsInput, output: ArticleHits },
  'search.saved.list': { input: Empty, output: z.array(SavedSearch) },
  'search.saved.save': { input: SaveSearchInput, output: SavedSearch },
  'search.saved.delete': { input: z.object({ id: z.string().max(64) }).strict(), output: z.array(SavedSearch) },
  /** Paste as new article: the text as typed or pasted, with an optional title that overrides the first line. */
  'articles.importText': {
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
  },
  /** An export returned by value, for the app to download (web mode and desktop alike). */
  'export.run': { input: ExportRequest, output: ExportedFile },
  /** An export written into a folder (CLI --out, a desktop save dialog); refuses paths outside that folder. */
  'export.write': {
    input: ExportRequest.extend({
      folder: z.string().min(1).max(4096),
      name: ShortText(200).optional(),
      overwrite: z.boolean().default(false),
    }).strict(),
    output: ExportWritten,
  },
  'backup.create': { input: Empty, output: BackupInfo },
  'backup.list': { input: Empty, output: z.array(BackupInfo) },
  // The browser extension (ADR 006, services/extension/): a page saved from the browser, and pairing.
  /** A page as the browser rendered it, extracted as a saved page is; the address is kept; optional tag, story and highlight. */
  'articles.importPage': { input: ImportPageInput, output: ImportPageResult },
  /** A new single-use pairing code (it replaces any earlier one), valid for five minutes. */
  'extension.pairingCode': { input: Empty, output: PairingCode },
  'extension.status': { input: Empty, output: ExtensionStatus },
  /** Forget every paired browser: their tokens stop working at once. */
  'extension.unpair': { input: Empty, output: ExtensionStatus },
  /** A page fetched from a web address (http(s), redirects and size limited), imported as a saved page or PDF, with its snapshot. */
  'articles.importUrl': { input: ImportUrlInput, output: ImportUrlResult },
} as const satisfies Record<MethodNameList, { input: z.ZodType; output: z.ZodType }>;

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
/** The same names as `methods`' keys (the `satisfies` above fails to compile when they differ), without zod. */
export { methodNames };

/** What a caller may send (defaults not yet applied). */
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
/** What a handler receives, after validation and defaults. */
export type ParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;

/** One async function per method: what services implement and transports call. */
export type Handlers = { [M in MethodName]: (input: ParsedInput<M>) => Promise<MethodOutput<M>> };

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(methods, name);
}
