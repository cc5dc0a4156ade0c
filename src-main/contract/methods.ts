import { z } from 'zod';
import { ArticleDetail, ArticleSummary, ImportReport, ListQuery, ListResult, MetadataPatch, UploadedFile } from './articles';
import { BackupInfo, ExportRequest, ExportWritten, ExportedFile } from './export';
import { NotebookInfo } from './notebook';
import { ArticleId, ShortText } from './primitives';

const Empty = z.object({}).strict().default({});

/**
 * The API: every method Parallax offers, with the schema of its input and output. IPC, HTTP and the CLI
 * are generated from this one map, so adding a method is one entry here and one handler in services.
 */
export const methods = {
  'notebook.info': { input: Empty, output: NotebookInfo },
  'notebook.importSample': { input: Empty, output: ImportReport },
  'articles.list': { input: ListQuery, output: ListResult },
  'articles.get': { input: z.object({ id: ArticleId }).strict(), output: ArticleDetail },
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
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export const methodNames = Object.keys(methods) as MethodName[];

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
