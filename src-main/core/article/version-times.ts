import type { ArticleFormat } from './article-record';

/**
 * One kept version of an article's text: what the outlet published at one time. The raw source is kept so
 * the article can show that version again (analysed as it was at import); the clean text and headline are
 * kept so two versions can be compared without analysing either.
 */
export type ArticleVersion = {
  /** When this text was fetched (the first version: when the article was fetched or imported). */
  fetchedAt: string;
  /** The validators the server sent with this text, as sent. */
  etag: string | null;
  lastModified: string | null;
  url: string | null;
  /** The outlet's headline (what the page said, not the user's correction). */
  title: string;
  format: ArticleFormat;
  raw: string;
  body: string;
  wordCount: number;
  fingerprint: string;
};

/**
 * A version's Last-Modified as ISO 8601, when it is believable: a real date after the version before was
 * fetched (the change happened since) and no later than this fetch. Servers that stamp every answer "now"
 * or send a date from before the last fetch fall back to the time the check found the change.
 */
function lastModifiedIso(v: ArticleVersion, before: ArticleVersion): string | null {
  if (!v.lastModified) return null;
  const t = Date.parse(v.lastModified);
  if (!Number.isFinite(t) || t > Date.parse(v.fetchedAt) || t <= Date.parse(before.fetchedAt)) return null;
  return new Date(t).toISOString();
}

/**
 * When the outlet changed the text, oldest first: for each version after the first, its Last-Modified, or
 * the time the check found it. What the library marks and a story's timeline lists.
 */
export function outletUpdatesOf(versions: readonly ArticleVersion[] | undefined): string[] {
  const all = versions ?? [];
  return all
    .slice(1)
    .map((v, i) => lastModifiedIso(v, all[i]!) ?? v.fetchedAt)
    .sort();
}

