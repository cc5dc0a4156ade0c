import { z } from 'zod';
import { ArticleId, ShortText } from './primitives';
import { ClaimReviewOptions } from './verdicts';

/** Every format `export.run` / `export.write` / `parallax export --format` knows. */
export const exportFormats = ['md', 'html', 'pdf', 'csv', 'w3c', 'csl', 'bibtex', 'ris', 'backup', 'claimreview'] as const;
export const ExportFormat = z.enum(exportFormats);
export type ExportFormat = z.infer<typeof ExportFormat>;

export const citationStyles = ['apa', 'chicago'] as const;
export const CitationStyle = z.enum(citationStyles);
export type CitationStyle = z.infer<typeof CitationStyle>;

/**
 * What to export. Nothing set means the whole notebook; several fields narrow it together (chosen articles
 * that also carry the tag). `story` and `query` are resolved by the stories and search features.
 */
export const ExportScope = z
  .object({
    articleIds: z.array(ArticleId).max(200_000).optional(),
    tag: ShortText(200).optional(),
    story: ShortText(200).optional(),
    query: ShortText(500).optional(),
  })
  .strict();
export type ExportScope = z.infer<typeof ExportScope>;

export const ExportOptions = z
  .object({
    /** Markdown: one file per article (plus an index) or one combined file. */
    layout: z.enum(['combined', 'per-article']).default('combined'),
    /** Markdown and HTML: the article's clean text after its annotations. */
    includeText: z.boolean().default(false),
    /** Markdown and HTML: how formatted references are written. */
    citationStyle: CitationStyle.default('apa'),
    /** CSV: a UTF-8 byte order mark, which old versions of Excel need to read UTF-8. */
    bom: z.boolean().default(false),
    /** W3C: one annotation per line (JSON Lines) instead of one AnnotationCollection. */
    jsonLines: z.boolean().default(false),
    /** Markdown, HTML, CSV: only articles with at least one annotation. */
    annotatedOnly: z.boolean().default(false),
    /** ClaimReview: who publishes the fact-checks and where (schema.org author and url). */
    claimReview: ClaimReviewOptions.optional(),
  })
  .strict()
  .prefault({});
export type ExportOptions = z.infer<typeof ExportOptions>;

export const ExportRequest = z.object({ format: ExportFormat, scope: ExportScope.default({}), options: ExportOptions }).strict();

/** A file name, not a path: no folders, no characters Windows or macOS refuse, no reserved device names. */
export const SafeFileName = ShortText(200).refine((s) => s.trim().length > 0, 'a file name cannot be empty');

/** An export handed back by value, for the app to download (web mode and desktop alike). */
export const ExportedFile = z.object({
  fileName: z.string(),
  mime: z.string(),
  contentBase64: z.string(),
  bytes: z.number().int().nonnegative(),
  articleCount: z.number().int().nonnegative(),
  annotationCount: z.number().int().nonnegative(),
});
export type ExportedFile = z.infer<typeof ExportedFile>;

/** An export written into a folder the user chose (CLI, desktop save dialog). */
export const ExportWritten = z.object({
  files: z.array(z.string()),
  bytes: z.number().int().nonnegative(),
  articleCount: z.number().int().nonnegative(),
  annotationCount: z.number().int().nonnegative(),
});
export type ExportWritten = z.infer<typeof ExportWritten>;

export const BackupInfo = z.object({
  path: z.string(),
  files: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  createdAt: z.string(),
});
export type BackupInfo = z.infer<typeof BackupInfo>;
