import { z } from 'zod';

export const NotebookInfo = z.object({
  path: z.string(),
  schemaVersion: z.number().int(),
  articleCount: z.number().int().nonnegative(),
  readOnly: z.boolean(),
  /** Why the notebook is read-only (a corrupt file, a lock held elsewhere), for the banner. */
  notice: z.string().nullable(),
});
export type NotebookInfo = z.infer<typeof NotebookInfo>;
