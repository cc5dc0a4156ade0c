import { z } from 'zod';
import { ArticleDetail } from './articles';
import { ArticleId, ShortText } from './primitives';

/** How the new text is read; by default the file's extension (re-import) or the article's current format (edit). */
export const TextFormat = z.enum(['text', 'html', 'markdown', 'pdf']);

/**
 * Replace an article's source text: an edit in the app, or a corrected copy re-imported from a file. The
 * text arrives either as a string (`raw`: the editor, the CLI after decoding the file) or as the file's
 * bytes (`contentBase64`: a file chosen in the browser, decoded on the server like any import). Limits are
 * the importer's: 20 MB, 50,000 lines, no binary data.
 */
export const ReplaceTextInput = z
  .object({
    id: ArticleId,
    source: z.enum(['edit', 'reimport']),
    raw: z.string().max(20_000_000, 'the text may be at most 20 MB').optional(),
    contentBase64: z
      .string()
      .max(28_000_000, 'a file may be at most 20 MB')
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'content must be base64')
      .optional(),
    /** The re-imported file (its name or path); it becomes the article's file. */
    file: ShortText(4096).nullable().optional(),
    /** The encoding the CLI decoded the file from (reported by `show`); bytes sent by value are decoded here. */
    encoding: ShortText(100).nullable().optional(),
    format: TextFormat.optional(),
  })
  .strict()
  .refine((p) => (p.raw === undefined) !== (p.contentBase64 === undefined), 'send the new text as raw or as contentBase64 (one of them)')
  .refine((p) => p.contentBase64 === undefined || p.source === 'reimport', 'file content (contentBase64) is only for a re-import');
export type ReplaceTextInput = z.input<typeof ReplaceTextInput>;

/** How many annotations are still in place, found elsewhere (drifted: worth a look), or lost (orphaned, kept). */
export const AnchorCounts = z.object({
  ok: z.number().int().nonnegative(),
  drifted: z.number().int().nonnegative(),
  orphaned: z.number().int().nonnegative(),
});
export type AnchorCounts = z.infer<typeof AnchorCounts>;

export const ReplaceTextResult = z.object({
  id: ArticleId,
  source: z.enum(['edit', 'reimport']),
  /** False when the new text is the same as the old (after normalising line ends and Unicode). */
  changed: z.boolean(),
  annotations: AnchorCounts,
  article: ArticleDetail,
  /** What the text was read as before, so an undo can put the old text back exactly (the old raw is in the caller's hands). */
  previous: z.object({ format: TextFormat, file: z.string().nullable(), encoding: z.string().nullable() }),
});
export type ReplaceTextResult = z.infer<typeof ReplaceTextResult>;
