import { z } from 'zod';
import { ArticleDetail } from './articles';
import { ArticleId } from './primitives';
import { AnchorCounts } from './replace-text';

/** A version number: 1 is the text first kept, each change the outlet made since adds one. */
export const VersionNumber = z.number().int().min(1).max(100_000);

/** One kept version of an article's text, as the versions view lists it. */
export const VersionInfo = z.object({
  n: VersionNumber,
  /** When Parallax fetched (or, for the first version, imported) this text. */
  fetchedAt: z.string(),
  /** The outlet's own Last-Modified for this text, when its server sent one. */
  lastModified: z.string().nullable(),
  title: z.string(),
  wordCount: z.number().int().nonnegative(),
  url: z.string().nullable(),
  /** The version the article shows (the latest, unless the user went back to an earlier one). */
  shown: z.boolean(),
});
export type VersionInfo = z.infer<typeof VersionInfo>;

export const VersionList = z.object({
  id: ArticleId,
  /** Oldest first; empty for an article no check has found changed. */
  versions: z.array(VersionInfo),
  /** The last check for updates, whatever it found; null when none was made. */
  lastCheckedAt: z.string().nullable(),
});
export type VersionList = z.infer<typeof VersionList>;

export const CheckUpdatesResult = z.object({
  id: ArticleId,
  url: z.string(),
  /** True when the outlet changed the text or the headline: a new version was kept and is shown. */
  changed: z.boolean(),
  /** Why nothing was kept: the server said "not modified" (304), or the page's text is the same. */
  unchanged: z.enum(['not-modified', 'same-text']).nullable(),
  /** "No change since 2 Dec 2026, 03:40 UTC" when unchanged; null when changed. */
  message: z.string().nullable(),
  /** When the text last changed (the latest version's fetch, or the import): the "since" of the message. */
  since: z.string(),
  checkedAt: z.string(),
  versionCount: z.number().int().nonnegative(),
  titleChanged: z.boolean(),
  /** The version shown before the check (what an undo goes back to) and the one shown now. */
  previousVersion: VersionNumber,
  shownVersion: VersionNumber,
  /** How the annotations fared on the new text (all of them, counted by status; unchanged: as they were). */
  annotations: AnchorCounts,
});
export type CheckUpdatesResult = z.infer<typeof CheckUpdatesResult>;

/** A run of words in a diff: in both versions, only in the newer one (inserted) or only in the older one (deleted). */
export const DiffSegment = z.object({ op: z.enum(['same', 'inserted', 'deleted']), text: z.string() });
export type DiffSegment = z.infer<typeof DiffSegment>;

export const VersionDiffQuery = z
  .object({
    id: ArticleId,
    /** The older version; by default the one before `to`. */
    from: VersionNumber.optional(),
    /** The newer version; by default the latest. */
    to: VersionNumber.optional(),
  })
  .strict();
export type VersionDiffQuery = z.input<typeof VersionDiffQuery>;

export const VersionDiff = z.object({
  id: ArticleId,
  from: VersionNumber,
  to: VersionNumber,
  title: z.array(DiffSegment),
  body: z.array(DiffSegment),
  /** Words inserted and deleted in the headline and the text together. */
  inserted: z.number().int().nonnegative(),
  deleted: z.number().int().nonnegative(),
});
export type VersionDiff = z.infer<typeof VersionDiff>;

export const ShowVersionInput = z.object({ id: ArticleId, version: VersionNumber }).strict();

/** `articles.showVersion`: the article shows a kept version again (a revert, or an undo of a check); its annotations re-anchor. */
export const ShowVersionResult = z.object({
  article: ArticleDetail,
  previousVersion: VersionNumber,
  shownVersion: VersionNumber,
  annotations: AnchorCounts,
});
export type ShowVersionResult = z.infer<typeof ShowVersionResult>;
