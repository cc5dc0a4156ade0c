import { z } from 'zod';
import { ArticleId, HttpUrl, IsoDate, LanguageTag, ShortText } from './primitives';

export const metaKeys = ['title', 'outlet', 'publishedAt', 'author', 'dateline', 'language', 'url'] as const;
export type MetaKey = (typeof metaKeys)[number];

/** Where a metadata value came from: a cue in the text, the user, a guess from the lead, the file name (or Markdown front matter), a manifest, a web page's metadata (OpenGraph, JSON-LD, meta tags). */
export const FieldSource = z.enum(['text', 'user', 'derived', 'file', 'manifest', 'page', 'none']);
export type FieldSource = z.infer<typeof FieldSource>;

export const MetaField = z.object({
  value: z.string().nullable(),
  /** 0..1; 1 means the user set it or the text states it unambiguously. */
  confidence: z.number().min(0).max(1),
  source: FieldSource,
  /** The text the value was read from, shown to the user as evidence. */
  cue: z.string().nullable(),
});
export type MetaField = z.infer<typeof MetaField>;
export const ArticleMeta = z.object(Object.fromEntries(metaKeys.map((k) => [k, MetaField])) as Record<MetaKey, typeof MetaField>);
export type ArticleMeta = Record<MetaKey, MetaField>;

export const blockKinds = ['paragraph', 'heading', 'standfirst', 'post', 'meta', 'boilerplate'] as const;
export const BlockKind = z.enum(blockKinds);
export type BlockKind = z.infer<typeof BlockKind>;

export const EmbeddedPost = z.object({
  text: z.string(),
  author: z.string().nullable(),
  handle: z.string().nullable(),
  date: z.string().nullable(),
  url: z.string().nullable(),
});
export type EmbeddedPost = z.infer<typeof EmbeddedPost>;

export const Block = z.object({
  kind: BlockKind,
  text: z.string(),
  /** Why a block was classified as boilerplate or meta, in words a user understands. */
  reason: z.string().nullable(),
  lang: z.string().nullable(),
  post: EmbeddedPost.nullable(),
  /** Code-unit offsets of this block inside `body`, or null when it is not part of the clean text. */
  start: z.number().int().nullable(),
  end: z.number().int().nullable(),
});
export type Block = z.infer<typeof Block>;

export const ArticleSummary = z.object({
  id: ArticleId,
  title: z.string(),
  outlet: z.string().nullable(),
  publishedAt: IsoDate.nullable(),
  language: z.string().nullable(),
  author: z.string().nullable(),
  url: z.string().nullable(),
  dateline: z.string().nullable(),
  tags: z.array(z.string()),
  wordCount: z.number().int().nonnegative(),
  file: z.string().nullable(),
  importedAt: z.string(),
  updatedAt: z.string(),
  annotationCount: z.number().int().nonnegative(),
  /**
   * When the outlet changed the text after it was first kept, oldest first (ISO 8601): each later version's
   * Last-Modified, or the time a check found it. Absent for an article never found changed.
   */
  outletUpdates: z.array(z.string()).optional(),
});
export type ArticleSummary = z.infer<typeof ArticleSummary>;

/**
 * Who put a tag on an article and when: the notebook's user name in its team (null for a tag put on before
 * the notebook had one, or before tags said who added them) and the time (null for such an older tag).
 */
export const TagCredit = z.object({ tag: z.string(), by: z.string().nullable(), at: z.string().nullable() });
export type TagCredit = z.infer<typeof TagCredit>;

export const ArticleDetail = ArticleSummary.extend({
  /** One per tag, in the order of `tags`. */
  tagCredits: z.array(TagCredit),
  body: z.string(),
  boilerplate: z.array(z.string()),
  raw: z.string(),
  blocks: z.array(Block),
  meta: ArticleMeta,
  encoding: z.string().nullable(),
});
export type ArticleDetail = z.infer<typeof ArticleDetail>;

export const sortKeys = ['date', 'outlet', 'title', 'imported'] as const;
export const ListQuery = z
  .object({
    filter: z.string().max(500).optional(),
    tag: z.string().max(200).optional(),
    sort: z.enum(sortKeys).default('date'),
    direction: z.enum(['asc', 'desc']).optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(200_000).default(200_000),
  })
  .strict();
export type ListQuery = z.input<typeof ListQuery>;

/**
 * A library row. With a tag filter, `passagesTagged` counts the article's passages that carry the tag (an
 * article is listed when it carries the tag itself or on any passage), so the row can say which.
 */
export const ListedArticle = ArticleSummary.extend({ passagesTagged: z.number().int().positive().optional() });
export type ListedArticle = z.infer<typeof ListedArticle>;
export const ListResult = z.object({ total: z.number().int(), items: z.array(ListedArticle) });
export type ListResult = z.infer<typeof ListResult>;

/** A metadata correction. `null` clears a field; absent keys are left alone. */
export const MetadataPatch = z
  .object({
    title: ShortText(1000).refine((s) => s.trim().length > 0, 'a title cannot be empty'),
    outlet: ShortText(300).nullable(),
    publishedAt: IsoDate.nullable(),
    author: ShortText(300).nullable(),
    dateline: ShortText(200).nullable(),
    language: LanguageTag.nullable(),
    url: HttpUrl.nullable(),
  })
  .partial()
  .strict()
  .refine((p) => Object.keys(p).length > 0, 'the patch changes nothing');
export type MetadataPatch = z.infer<typeof MetadataPatch>;

export const ImportReport = z.object({
  imported: z.array(z.object({ id: ArticleId, file: z.string(), title: z.string() })),
  duplicates: z.array(z.object({ file: z.string(), id: ArticleId })),
  errors: z.array(z.object({ file: z.string(), code: z.string(), message: z.string() })),
  /** Annotations read from W3C JSON-LD files and backups (absent when none were imported). */
  annotations: z.object({ added: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }).optional(),
  /** Stories merged from a backup, by name: new ones created, existing ones given the backup's articles. */
  stories: z.object({ created: z.number().int(), extended: z.number().int() }).optional(),
  /** Tag colours from a backup: those added, and the clashes, where the notebook kept its own colour. */
  tagColours: z
    .object({
      added: z.number().int(),
      kept: z.array(z.object({ tag: z.string(), color: z.string(), backup: z.string() })),
    })
    .optional(),
});
export type ImportReport = z.infer<typeof ImportReport>;

/** Files sent by value (drag and drop, file dialog in web mode). Base64 keeps the bytes intact for encoding detection. */
export const UploadedFile = z
  .object({
    name: ShortText(1024).refine((s) => s.trim().length > 0, 'a file needs a name'),
    contentBase64: z
      .string()
      .max(28_000_000, 'a file may be at most 20 MB')
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'content must be base64'),
  })
  .strict();
