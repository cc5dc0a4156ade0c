import { z } from 'zod';

/** A change two copies made to the same thing, where the later one was kept: shown so the user can decide. */
export const SyncConflict = z.object({
  /** Names the conflict to resolve it (notebook.resolveConflict). */
  id: z.string(),
  at: z.string(),
  kind: z.enum(['article', 'article-meta', 'article-tags', 'annotation', 'story', 'story-articles', 'tag-colour', 'saved-search']),
  /** Null for what belongs to the notebook (a story, a tag colour, a saved search). */
  articleId: z.string().nullable(),
  /** The annotation's id, the metadata field, the story's id, the tag, or the saved search's id. */
  detail: z.string().nullable(),
  /** What stays, and what the other copy had (as short text). */
  kept: z.string().nullable(),
  other: z.string().nullable(),
  /**
   * Each side whole, as exchanged (JSON), where `kept`/`other` are a summary: an annotation, a saved search.
   * Absent in conflicts recorded before, which can then only be settled to the kept side.
   */
  keptValue: z.string().max(2_000_000).nullable().optional(),
  otherValue: z.string().max(2_000_000).nullable().optional(),
  /**
   * A text conflict whose two texts (with their headlines) are kept in a private file beside the sync state,
   * not here (a text may be megabytes), so either can be kept. Absent in text conflicts recorded before.
   */
  textsKept: z.boolean().optional(),
  /** Who made the other copy's edit (the one pulled), and when they made it. */
  otherAuthor: z.string(),
  theirsAt: z.string(),
  /** Whose edit `kept` is: this copy's ('mine') or the other copy's ('theirs'). */
  keptSide: z.enum(['mine', 'theirs']),
});
export type SyncConflict = z.infer<typeof SyncConflict>;

const Counts = z.object({
  articles: z.number().int(),
  annotations: z.number().int(),
  tags: z.number().int(),
  metadata: z.number().int(),
  /** Story names, deletions and article lists. */
  stories: z.number().int(),
  tagColours: z.number().int(),
  savedSearches: z.number().int(),
});

export const SyncInput = z
  .object({
    /** postgres://user@host:port/database; remembered per notebook, so later syncs may leave it out. */
    remote: z.string().min(1).max(2000).optional(),
    /** Who this notebook's changes are by (a per-notebook user name). */
    user: z
      .string()
      .trim()
      .min(1, 'the user name is empty')
      .max(100, 'a user name may be at most 100 characters')
      .optional(),
    /** Typed at a prompt; never stored. */
    password: z.string().max(1000).optional(),
  })
  .strict();
export type SyncInput = z.infer<typeof SyncInput>;

export const SyncReport = z.object({
  remote: z.string(),
  user: z.string(),
  created: z.boolean(),
  pushed: Counts,
  pulled: Counts,
  /** Changes of others merged with changes made here. */
  merged: z.number().int(),
  conflicts: z.array(SyncConflict),
  lastSeq: z.number().int(),
});
export type SyncReport = z.infer<typeof SyncReport>;

export const SyncStatus = z.object({
  /** The team database this notebook meets, without a password; null before the first sync. */
  remote: z.string().nullable(),
  user: z.string().nullable(),
  lastSeq: z.number().int(),
  conflicts: z.array(SyncConflict),
  /** Whether the reader shows other members' annotations (kept by the notebook; shown unless turned off). */
  showOthers: z.boolean(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

/** Settle a conflict: keep this copy's value or the other copy's; either way it leaves the list. */
export const ResolveConflictInput = z
  .object({
    id: z.string().min(1, 'name the conflict').max(100),
    keep: z.enum(['mine', 'theirs'], { message: "keep 'mine' or 'theirs'" }),
  })
  .strict();
export type ResolveConflictInput = z.infer<typeof ResolveConflictInput>;

export const ResolveConflictResult = z.object({
  /** The conflict as it was, so it can be put back (undo). */
  resolved: SyncConflict,
  /** Whether a value changed here (a new local edit that syncs out next time) or the conflict was only dismissed. */
  applied: z.boolean(),
  status: SyncStatus,
});
export type ResolveConflictResult = z.infer<typeof ResolveConflictResult>;

/** Undo of a resolution: the value from before it comes back, and so does the conflict. */
export const RestoreConflictInput = z.object({ conflict: SyncConflict, applied: z.boolean() }).strict();
