import type { Annotation, Block } from '../../contract';
import type { ArticleRecord } from '../article/article-record';
import { summaryOf } from '../article/article-record';

/** One article as every exporter sees it: the effective metadata (user corrections applied) and its notes. */
export type ExportArticle = {
  id: string;
  title: string;
  outlet: string | null;
  publishedAt: string | null;
  author: string | null;
  url: string | null;
  language: string | null;
  dateline: string | null;
  tags: string[];
  file: string | null;
  importedAt: string;
  updatedAt: string;
  /** The duplicate check's hash of the text (services/importer/analyse-job.ts): the same file gives the same one in any notebook. */
  fingerprint: string;
  /** The clean text the annotations' offsets refer to. */
  body: string;
  /** The body's blocks (paragraphs, headings, embedded posts with who posted them), with their offsets in `body`. */
  blocks: ExportBlock[];
  /** In reading order. */
  annotations: Annotation[];
  /**
   * The original kept for provenance (a PDF, a saved page): its address and when it was fetched, for
   * citations; its kind names the file a Markdown bundle carries it in (originals/<article>.pdf|.html).
   */
  snapshot?: { kind: 'pdf' | 'html'; url: string | null; fetchedAt: string };
};

export type ExportBlock = Pick<Block, 'kind' | 'post'> & { start: number; end: number };

export function toExportArticle(r: ArticleRecord): ExportArticle {
  const { id, title, outlet, publishedAt, author, url, language, dateline, tags, file, importedAt, updatedAt } = summaryOf(r);
  const body = r.analysis.body;
  return {
    id,
    title,
    outlet,
    publishedAt,
    author,
    url,
    language,
    dateline,
    tags,
    file,
    importedAt,
    updatedAt,
    fingerprint: r.fingerprint,
    body,
    blocks: r.analysis.blocks
      .filter((b): b is Block & { start: number; end: number } => b.start !== null && b.end !== null)
      .map((b) => ({ kind: b.kind, post: b.post, start: b.start, end: b.end })),
    annotations: [...r.annotations].sort(byPosition),
  };
}

function byPosition(a: Annotation, b: Annotation): number {
  const lost = Number(a.anchor.status === 'orphaned') - Number(b.anchor.status === 'orphaned');
  return lost || a.position.start - b.position.start || a.position.end - b.position.end || a.createdAt.localeCompare(b.createdAt);
}

/** Export order: oldest story first, undated last, then by outlet and title, so exports are stable. */
export function compareForExport(a: { publishedAt: string | null; outlet: string | null; title: string; id: string }, b: typeof a): number {
  const da = a.publishedAt ?? '9999';
  const db = b.publishedAt ?? '9999';
  return (
    da.localeCompare(db) || (a.outlet ?? '').localeCompare(b.outlet ?? '') || a.title.localeCompare(b.title) || a.id.localeCompare(b.id)
  );
}

export const annotationCount = (articles: ExportArticle[]) => articles.reduce((n, a) => n + a.annotations.length, 0);

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "12 October 2025" — unambiguous in every locale, unlike 10/12/2025. */
export function longDate(iso: string | null): string | null {
  const m = iso?.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (!m) return null;
  return `${Number(m[3])} ${months[Number(m[2]) - 1]} ${m[1]}`;
}

/** A short in-text citation for a passage: (Outlet, 12 October 2025). */
export function shortCitation(a: Pick<ExportArticle, 'outlet' | 'title' | 'publishedAt'>): string {
  const who = a.outlet ?? `“${a.title}”`;
  const when = longDate(a.publishedAt) ?? 'n.d.';
  return `${who}, ${when}`;
}

/** Tags as Obsidian accepts them: no spaces, no leading #, nested with `/`. */
export function obsidianTag(tag: string): string {
  return tag
    .trim()
    .replace(/^#+/, '')
    .replace(/\s+/g, '-')
    .replace(/[^\p{L}\p{N}_/-]/gu, '');
}
