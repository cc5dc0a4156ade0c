import { AppError } from '../../contract/errors';
import { readSnapshot } from '../store/snapshot-files';
import type { NotebookStore } from '../store/notebook-store';

/**
 * The bytes of an article's original for a Markdown bundle, checked against the SHA-256 they were saved
 * with: a damaged original is never exported as if it were the one collected.
 */
export async function originalBytes(store: NotebookStore, articleId: string): Promise<Buffer> {
  const snap = await readSnapshot(store, articleId);
  if (!snap) throw new AppError('NOT_FOUND', `The original of article ${articleId} is no longer in the notebook; nothing was exported`);
  return snap.bytes;
}
