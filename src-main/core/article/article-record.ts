import type { Annotation, ArticleDetail, ArticleMeta, ArticleSummary, MetaKey } from '../../contract';
import { metaKeys } from '../../contract/articles';
import { reanchorAll } from '../anchoring/anchor';
import type { Analysis } from './analyse-article';
import type { ArticleVersion } from './version-times';
import { outletUpdatesOf } from './version-times';
import type { StoredTagCredit } from '../tags/tag-credits';
import { tagCreditsOf } from '../tags/tag-credits';

/** User corrections, kept apart from what the analyser found so re-analysis never overwrites them. */
export type UserMeta = Partial<Record<MetaKey, string | null>>;

/** How an article's raw source is read: plain text, a saved web page (stored sanitised), Markdown, or the text read from a PDF (core/pdf/pdf-source.ts). */
export const articleFormats = ['text', 'html', 'markdown', 'pdf'] as const;
export type ArticleFormat = (typeof articleFormats)[number];

/** One article as stored: its own document in the notebook, holding everything about it. */
export type ArticleRecord = {
  id: string;
  /** Absent in records saved before formats existed: those are 'text'. */
  format?: ArticleFormat;
  file: string | null;
  encoding: string | null;
  importedAt: string;
  updatedAt: string;
  /** Exactly what was imported (NFC, `\n`), so analysis can be re-run when it improves. */
  raw: string;
  /** Hash of the normalised clean text: the duplicate check. */
  fingerprint: string;
  analysis: Analysis;
  userMeta: UserMeta;
  tags: string[];
  /** Who put each tag on and when (core/tags/tag-credits.ts); absent in records saved before tags said so. */
  tagCredits?: StoredTagCredit[];
  /** The article's annotations live in its own document: saving one rewrites this file only. */
  annotations: Annotation[];
  /**
   * The texts the outlet published at its address, oldest first (core/article/versions.ts). Absent until a
   * check for updates found the text changed; then the first is the text the article had before.
   */
  versions?: ArticleVersion[];
  /** The number (1-based) of the version the article shows; absent: the latest. */
  shownVersion?: number;
  /** The last check for updates and the validators for the next one; absent when never checked. */
  lastCheck?: { checkedAt: string; etag: string | null; lastModified: string | null };
};

/** What the library list needs, kept in the sharded catalog so listing never opens article files. */
export type CatalogEntry = ArticleSummary & { fingerprint: string; analysisVersion: number };

export function effectiveMeta(record: Pick<ArticleRecord, 'analysis' | 'userMeta'>): ArticleMeta {
  const meta = { ...record.analysis.meta };
  for (const k of metaKeys) {
    if (k in record.userMeta) meta[k] = { value: record.userMeta[k] ?? null, confidence: 1, source: 'user', cue: null };
  }
  return meta;
}

/** The title to show: the text's, the user's, or as a last resort the file name. */
export function displayTitle(meta: ArticleMeta, file: string | null): string {
  const t = meta.title.value?.trim();
  if (t) return t;
  if (file) return file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  return 'Untitled article';
}

export function toCatalogEntry(r: ArticleRecord): CatalogEntry {
  const meta = effectiveMeta(r);
  return {
    id: r.id,
    title: displayTitle(meta, r.file),
    outlet: meta.outlet.value,
    publishedAt: meta.publishedAt.value,
    language: meta.language.value,
    author: meta.author.value,
    url: meta.url.value,
    dateline: meta.dateline.value,
    tags: [...r.tags],
    wordCount: r.analysis.wordCount,
    file: r.file,
    importedAt: r.importedAt,
    updatedAt: r.updatedAt,
    annotationCount: r.annotations.length,
    ...(r.versions && r.versions.length > 1 ? { outletUpdates: outletUpdatesOf(r.versions) } : {}),
    fingerprint: r.fingerprint,
    analysisVersion: r.analysis.version,
  };
}

export function toSummary(e: CatalogEntry): ArticleSummary {
  const { fingerprint: _f, analysisVersion: _v, ...summary } = e;
  return summary;
}

/** The list row of an article: what every view of an article (compare, export, the API) starts from. */
export function summaryOf(r: ArticleRecord): ArticleSummary {
  return toSummary(toCatalogEntry(r));
}

export function toDetail(r: ArticleRecord): ArticleDetail {
  return {
    ...summaryOf(r),
    tagCredits: tagCreditsOf(r.tags, r.tagCredits),
    body: r.analysis.body,
    boilerplate: r.analysis.boilerplate,
    raw: r.raw,
    blocks: r.analysis.blocks,
    meta: effectiveMeta(r),
    encoding: r.encoding,
  };
}

/**
 * Give an article a new analysis (a re-run, an edited text, a re-import). Its clean text may have changed,
 * so every annotation is found again: ok, drifted or orphaned, never dropped.
 */
export function setAnalysis(r: ArticleRecord, analysis: Analysis, fingerprint: string): void {
  r.analysis = analysis;
  r.fingerprint = fingerprint;
  r.annotations = reanchorAll(r.annotations, analysis.body).annotations;
}
