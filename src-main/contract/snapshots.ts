import { z } from 'zod';
import { ArticleId } from './primitives';

/** The original an article was made from, kept for provenance (a PDF's bytes, a page's sanitised HTML). */
export const SnapshotInfo = z.object({
  kind: z.enum(['pdf', 'html']),
  /** The address it was fetched from; null for a file from disk. */
  url: z.string().nullable(),
  /** When it was fetched (for a file: when it was imported): a citation's access date. */
  fetchedAt: z.string(),
  savedAt: z.string(),
  size: z.number().int().nonnegative(),
  sha256: z.string(),
  /** The file it came from, as named at import. */
  file: z.string().nullable(),
});
export type SnapshotInfo = z.infer<typeof SnapshotInfo>;

export const SnapshotQuery = z.object({ id: ArticleId, content: z.boolean().default(false) }).strict();

/**
 * `articles.snapshot`: the description, and with `content` the original itself: a PDF as base64 (for the
 * reader to save or open in the system's viewer), a page as a self-contained HTML document whose own CSP
 * allows no script and no remote content (for a sandboxed frame).
 */
export const SnapshotAnswer = z.object({
  snapshot: SnapshotInfo.nullable(),
  content: z.union([z.object({ kind: z.literal('pdf'), base64: z.string() }), z.object({ kind: z.literal('html'), html: z.string() })]).nullable(),
});
export type SnapshotAnswer = z.infer<typeof SnapshotAnswer>;
