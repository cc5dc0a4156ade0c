import type { SyncConflict } from '../../contract';

/** What settling a conflict does to the notebook: nothing (the value here stays), or one field set here. */
export type Resolution = { kind: 'dismiss' } | { kind: 'apply'; articleId: string; field: string; value: string | null };

/**
 * The rules for settling a conflict (ADR 007), pure so each case is a unit test. Keeping the side that was
 * already kept only dismisses the conflict: the value here is that side's. Keeping the other side sets its
 * value here as a new edit, so the next sync sends it out and every copy agrees. Only a metadata field's
 * conflict records the other value whole; the others record a summary (a word count, a clipped note), so for
 * them only the kept side can be chosen and the other is edited by hand. Returns a message when it cannot.
 */
export function resolution(c: SyncConflict, keep: 'mine' | 'theirs'): Resolution | { problem: string } {
  if (keep === c.keptSide) return { kind: 'dismiss' };
  if (c.kind === 'article-meta' && c.articleId && c.detail) return { kind: 'apply', articleId: c.articleId, field: c.detail, value: c.other };
  const kept = c.keptSide === 'mine' ? 'your' : `${c.otherAuthor}'s`;
  return { problem: `Only ${kept} version can be kept for this conflict (a ${c.kind} conflict records the other version only in summary); edit it by hand to change it` };
}

/** The undo of an applied resolution: the field goes back to the value that was kept before. */
export function undoResolution(c: SyncConflict): Resolution {
  if (c.kind === 'article-meta' && c.articleId && c.detail) return { kind: 'apply', articleId: c.articleId, field: c.detail, value: c.kept };
  return { kind: 'dismiss' };
}
