import { z } from 'zod';
import { anchorStatuses, highlightColors } from '../../../src-shared/annotations';
// The articles module only: `parallax list` and every open read these shapes, and the contract's index would
// build every schema of the API (annotations, comparisons, verdicts) first.
import { Block, FieldSource } from '../../contract/articles';
import type { ArticleRecord, CatalogEntry } from '../../core/article/article-record';
import { articleFormats } from '../../core/article/article-record';
import { shardOf } from './notebook-layout';

/**
 * The shapes of the files a notebook stores, checked whenever one is read: a file that parses but has the
 * wrong shape is damaged like one that does not parse, and is repaired or set aside on its own instead
 * of breaking every feature that meets it (an article whose `annotations` was not a list once broke tags
 * and annotations for the whole notebook).
 *
 * Why these are structural (types, not the API's limits): a stored file found "damaged" is replaced by a
 * backup or set aside, so a check stricter than what the code needs would turn an article the user can
 * read today into one they cannot. The contract's schemas are reused where their rules are the stored
 * data's own (enums that only ever grow, stories and saved searches whose every field was validated on
 * the way in).
 */

/** An article id that names a shard (two hex digits first): what every id Parallax ever made looks like. */
const ROW_ID = /^[0-9a-f]{2}[a-z0-9]{6,30}$/;
export const isArticleId = (v: unknown): v is string => typeof v === 'string' && ROW_ID.test(v);

export const NotebookManifestShape = z.object({
  format: z.string(),
  schemaVersion: z.number().int().min(0),
  createdAt: z.string().optional(),
});

const StoredMetaField = z.object({ value: z.string().nullable(), confidence: z.number(), source: FieldSource, cue: z.string().nullable() });
const StoredMeta = z.object({
  title: StoredMetaField,
  outlet: StoredMetaField,
  publishedAt: StoredMetaField,
  author: StoredMetaField,
  dateline: StoredMetaField,
  language: StoredMetaField,
  url: StoredMetaField,
});

/** An annotation as stored: only its structure (a quote longer than the API accepts today is still readable). */
const StoredAnnotation = z.object({
  id: z.string(),
  articleId: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  color: z.enum(highlightColors),
  note: z.string(),
  tags: z.array(z.string()),
  quote: z.object({ exact: z.string(), prefix: z.string(), suffix: z.string() }),
  position: z.object({ start: z.number(), end: z.number() }),
  anchor: z.object({ status: z.enum(anchorStatuses), start: z.number().nullable(), end: z.number().nullable() }),
});

/** A kept version of the text (core/article/version-times.ts); records from before versions existed have none. */
const StoredVersion = z.object({
  fetchedAt: z.string(),
  etag: z.string().nullable(),
  lastModified: z.string().nullable(),
  url: z.string().nullable(),
  title: z.string(),
  format: z.enum(articleFormats),
  raw: z.string(),
  body: z.string(),
  wordCount: z.number(),
  fingerprint: z.string(),
});

export const StoredArticle = z.object({
  id: z.string().regex(ROW_ID),
  format: z.enum(articleFormats).optional(),
  file: z.string().nullable(),
  encoding: z.string().nullable(),
  importedAt: z.string(),
  updatedAt: z.string(),
  raw: z.string(),
  fingerprint: z.string(),
  analysis: z.object({
    version: z.number(),
    blocks: z.array(Block),
    body: z.string(),
    boilerplate: z.array(z.string()),
    meta: StoredMeta,
    wordCount: z.number(),
  }),
  userMeta: z.record(z.string(), z.string().nullable()),
  tags: z.array(z.string()),
  tagCredits: z.array(z.object({ tag: z.string(), by: z.string().optional(), at: z.string() })).optional(),
  annotations: z.array(StoredAnnotation),
  versions: z.array(StoredVersion).optional(),
  shownVersion: z.number().optional(),
  lastCheck: z.object({ checkedAt: z.string(), etag: z.string().nullable(), lastModified: z.string().nullable() }).optional(),
});

/**
 * A catalog row (a line of the journal, an entry of a shard). The definition; `isCatalogRow` below is the
 * same check written out by hand, because a 100k-article open checks 100k rows and the schema took
 * ~270 ms for them on its first pass against ~35 ms by hand. A property test holds the two together.
 */
export const CatalogRow = z.object({
  id: z.string().regex(ROW_ID),
  title: z.string(),
  outlet: z.string().nullable(),
  publishedAt: z.string().nullable(),
  language: z.string().nullable(),
  author: z.string().nullable(),
  url: z.string().nullable(),
  dateline: z.string().nullable(),
  tags: z.array(z.string()),
  wordCount: z.number(),
  file: z.string().nullable(),
  importedAt: z.string(),
  updatedAt: z.string(),
  annotationCount: z.number(),
  outletUpdates: z.array(z.string()).optional(),
  fingerprint: z.string(),
  analysisVersion: z.number(),
});

const isNullableString = (v: unknown) => v === null || typeof v === 'string';

function isStringList(v: unknown): boolean {
  if (!Array.isArray(v)) return false;
  for (const t of v) if (typeof t !== 'string') return false;
  return true;
}

/** Each field named, not looped over by key: V8 keeps these reads monomorphic (2–3× faster once optimised). */
export function isCatalogRow(v: unknown): v is CatalogEntry {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const r = v as Record<string, unknown>;
  return (
    isArticleId(r.id) &&
    typeof r.title === 'string' &&
    typeof r.importedAt === 'string' &&
    typeof r.updatedAt === 'string' &&
    typeof r.fingerprint === 'string' &&
    Number.isFinite(r.wordCount) &&
    Number.isFinite(r.annotationCount) &&
    Number.isFinite(r.analysisVersion) &&
    isNullableString(r.outlet) &&
    isNullableString(r.publishedAt) &&
    isNullableString(r.language) &&
    isNullableString(r.author) &&
    isNullableString(r.url) &&
    isNullableString(r.dateline) &&
    isNullableString(r.file) &&
    isStringList(r.tags) &&
    (r.outletUpdates === undefined || isStringList(r.outletUpdates))
  );
}

/** What is wrong with a catalog shard read from `catalog/<shard>.json`, or null when it is sound. */
export function shardProblem(data: unknown, shard: string): string | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'it is not a catalog shard';
  const entries = (data as { entries?: unknown }).entries;
  if (typeof entries !== 'object' || entries === null || Array.isArray(entries)) return 'its "entries" is not a table of rows';
  const rows = entries as Record<string, unknown>;
  for (const id in rows) {
    const row = rows[id];
    if (!isCatalogRow(row)) return `its entry ${JSON.stringify(id.slice(0, 40))} is not a catalog row`;
    if (row.id !== id || shardOf(id) !== shard) return `its entry ${JSON.stringify(id.slice(0, 40))} is filed under the wrong id or shard`;
  }
  return null;
}

/** The first thing zod found wrong, in one short line ("analysis.blocks: expected array, received null"). */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'it has the wrong shape';
  const at = issue.path.map(String).join('.').slice(0, 80);
  return `${at ? `${at}: ` : ''}${issue.message.slice(0, 120)}`;
}

/** What is wrong with the record read from article `id`'s file, or null when it is sound. */
export function articleProblem(v: unknown, id: string): string | null {
  const r = StoredArticle.safeParse(v);
  if (!r.success) return `it is not an article record (${firstIssue(r.error)})`;
  if ((v as ArticleRecord).id !== id) return `it holds another article (${(v as ArticleRecord).id})`;
  return null;
}

/** stories.json; built when first read, as the stories' contract module is only loaded by what uses stories. */
export async function storiesFileShape(): Promise<z.ZodType> {
  const { Story } = await import('../../contract/compare');
  return z.object({ version: z.number(), stories: z.array(Story) });
}

/** saved-searches.json; built when first read, like the stories' shape. */
export async function savedSearchesFileShape(): Promise<z.ZodType> {
  const { SavedSearch } = await import('../../contract/search');
  return z.object({ version: z.number(), searches: z.array(SavedSearch) });
}
