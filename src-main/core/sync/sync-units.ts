import type { Annotation } from '../../contract';
import type { ArticleRecord } from '../article/article-record';
import { setAnalysis } from '../article/article-record';

/**
 * What a team notebook exchanges (ADR 007), one unit per thing two people can change independently, so an
 * edit on one laptop never overwrites an unrelated edit on another:
 *  - `article`: the text and its analysis (an imported or re-imported text, a text edit);
 *  - `article-meta`: the user's metadata corrections, sent as a delta and merged field by field;
 *  - `article-tags`: the article's tags, sent as a delta (added, removed) and merged as a set;
 *  - `annotation`: one highlight or note, with its own tags and who made it;
 *  - `story`: a story's name (a deletion is a tombstone), and `story-articles`: its articles, as a set delta;
 *  - `tag-colour`: one tag's colour (a colour taken off is a tombstone);
 *  - `saved-search`: one saved search's name and query.
 * The last four belong to the notebook, not to an article (their article id on the server is empty).
 * The search index, the catalog and anchors' positions are not exchanged: each copy derives them.
 */
export const articleKinds = ['article', 'article-meta', 'article-tags', 'annotation'] as const;
export const notebookKinds = ['story', 'story-articles', 'tag-colour', 'saved-search'] as const;
export const syncKinds = [...articleKinds, ...notebookKinds] as const;
export type SyncKind = (typeof syncKinds)[number];
export type NotebookKind = (typeof notebookKinds)[number];
export const isNotebookKind = (k: SyncKind): k is NotebookKind => (notebookKinds as readonly string[]).includes(k);

export type ArticleText = Pick<ArticleRecord, 'format' | 'file' | 'encoding' | 'importedAt' | 'raw' | 'fingerprint' | 'analysis'>;
/** A unit's key is the article's id, or `<article id>/<annotation id>`: the same in every copy. */
export const unitKey = (kind: SyncKind, key: string) => `${kind}:${key}`;

export function articleText(r: ArticleRecord): ArticleText {
  return {
    ...(r.format ? { format: r.format } : {}),
    file: r.file,
    encoding: r.encoding,
    importedAt: r.importedAt,
    raw: r.raw,
    fingerprint: r.fingerprint,
    analysis: r.analysis,
  };
}

/**
 * `text` becomes the article's text (a pulled text, or the other side of a text conflict kept): its
 * annotations are found again in it the way a check for updates does (setAnalysis), never dropped.
 */
export function takeText(r: ArticleRecord, text: ArticleText): void {
  const { analysis, fingerprint, ...rest } = text;
  Object.assign(r, rest);
  setAnalysis(r, analysis, fingerprint);
}

/**
 * The annotation as exchanged: where it sits in this copy's text (`anchor`) is left for each copy to find.
 * One made before this notebook had a user name is this notebook's user's, so it travels under that name.
 */
export function sharedAnnotation(a: Annotation, user: string): Omit<Annotation, 'anchor'> {
  const { anchor: _anchor, ...rest } = a;
  return { ...rest, author: a.author ?? user };
}

/**
 * JSON with object keys in sorted order, so the same value always gives the same text (and hash) whatever
 * order its fields were written in on another laptop.
 */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : stableJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
}
