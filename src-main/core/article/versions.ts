import type { AnchorCounts, VersionInfo } from '../../contract';
import { countAnchors } from '../anchoring/anchor';
import type { Analysis } from './analyse-article';
import type { ArticleFormat, ArticleRecord } from './article-record';
import type { ArticleVersion } from './version-times';

export type { ArticleVersion };
import { displayTitle, effectiveMeta, setAnalysis } from './article-record';

/** The last check for updates, whatever it found, and the validators for the next conditional request. */
export type UpdateCheck = NonNullable<ArticleRecord['lastCheck']>;

/** What a fetch of the article's address turned into: an analysed source, with where and when it came from. */
export type FetchedVersion = {
  raw: string;
  format: ArticleFormat;
  analysis: Analysis;
  fingerprint: string;
  url: string;
  fetchedAt: string;
  etag: string | null;
  lastModified: string | null;
};

/** The headline the outlet gave the text: the analysed title, else what the article is called. */
export function headlineOf(analysis: Analysis, file: string | null): string {
  return analysis.meta.title.value?.trim() || displayTitle(analysis.meta, file);
}

export const keptVersions = (r: Pick<ArticleRecord, 'versions'>): ArticleVersion[] => r.versions ?? [];

/** The number of the version the article shows: the latest unless the user went back; 1 when none is kept. */
export function shownVersionOf(r: Pick<ArticleRecord, 'versions' | 'shownVersion'>): number {
  const count = keptVersions(r).length;
  return count === 0 ? 1 : Math.min(Math.max(1, r.shownVersion ?? count), count);
}

/** The text a check compares the page with: the latest the outlet published, whichever version is shown. */
export function latestFingerprint(r: Pick<ArticleRecord, 'versions' | 'fingerprint'>): string {
  return keptVersions(r).at(-1)?.fingerprint ?? r.fingerprint;
}

/** When the current text was first seen: the latest version's fetch, or `firstSeen` (the import or its fetch). */
export function unchangedSince(r: Pick<ArticleRecord, 'versions'>, firstSeen: string): string {
  return keptVersions(r).at(-1)?.fetchedAt ?? firstSeen;
}

/** The article as it is now, as its first kept version. */
export function versionOfRecord(r: ArticleRecord, fetchedAt: string, validators: Pick<UpdateCheck, 'etag' | 'lastModified'>): ArticleVersion {
  return {
    fetchedAt,
    etag: validators.etag,
    lastModified: validators.lastModified,
    url: effectiveMeta(r).url.value,
    title: headlineOf(r.analysis, r.file),
    format: r.format ?? 'text',
    raw: r.raw,
    body: r.analysis.body,
    wordCount: r.analysis.wordCount,
    fingerprint: r.fingerprint,
  };
}

export function versionList(r: ArticleRecord): VersionInfo[] {
  const shown = shownVersionOf(r);
  return keptVersions(r).map((v, i) => ({
    n: i + 1,
    fetchedAt: v.fetchedAt,
    lastModified: v.lastModified,
    title: v.title,
    wordCount: v.wordCount,
    url: v.url,
    shown: i + 1 === shown,
  }));
}

/**
 * Keep a changed text from the outlet as a new version and show it. The first time, the text the article
 * had is kept first, as version 1. The annotations are found again in the new text (ok, drifted or
 * orphaned; never dropped), with the selectors the user made, so showing an older version anchors them
 * there again.
 */
export function addFetchedVersion(r: ArticleRecord, next: FetchedVersion, firstFetchedAt: string): AnchorCounts {
  const kept = keptVersions(r);
  if (kept.length === 0) kept.push(versionOfRecord(r, firstFetchedAt, { etag: r.lastCheck?.etag ?? null, lastModified: r.lastCheck?.lastModified ?? null }));
  kept.push({
    fetchedAt: next.fetchedAt,
    etag: next.etag,
    lastModified: next.lastModified,
    url: next.url,
    title: headlineOf(next.analysis, r.file),
    format: next.format,
    raw: next.raw,
    body: next.analysis.body,
    wordCount: next.analysis.wordCount,
    fingerprint: next.fingerprint,
  });
  r.versions = kept;
  return showAnalysedVersion(r, kept.length, next.raw, next.format, next.analysis, next.fingerprint);
}

/** The article shows kept version `n` (analysed by the caller from the version's raw source); annotations re-anchor. */
export function showAnalysedVersion(r: ArticleRecord, n: number, raw: string, format: ArticleFormat, analysis: Analysis, fingerprint: string): AnchorCounts {
  r.raw = raw;
  r.format = format;
  setAnalysis(r, analysis, fingerprint);
  r.shownVersion = n;
  return countAnchors(r.annotations);
}
