import type { SyncConflict } from '../../contract';

/** What settling a conflict does to the notebook: nothing (the value here stays), or one value set here. */
export type Resolution =
  | { kind: 'dismiss' }
  /** A metadata correction (a value, or null: "none"). */
  | { kind: 'apply'; articleId: string; field: string; value: string | null }
  | { kind: 'story-name'; storyId: string; name: string }
  /** null takes the colour off. */
  | { kind: 'tag-colour'; tag: string; color: string | null }
  /** `body`: the saved search as exchanged (JSON: name, query). */
  | { kind: 'saved-search'; searchId: string; body: string }
  /** `body`: the annotation as exchanged (JSON). */
  | { kind: 'annotation'; articleId: string; annotationId: string; body: string }
  /** One of the two texts kept beside text conflict `conflictId` becomes the article's text. */
  | { kind: 'text'; articleId: string; conflictId: string; side: 'kept' | 'other' };

type Problem = { problem: string };

/**
 * The rules for settling a conflict (ADR 007), pure so each case is a unit test. Keeping the side that was
 * already kept only dismisses the conflict: the value here is that side's. Keeping the other side sets its
 * value here as a new edit, so the next sync sends it out and every copy agrees. A metadata field, a
 * story's name and a tag's colour are recorded whole in `kept`/`other`; an annotation and a saved search in
 * `keptValue`/`otherValue`. An article's text is listed in summary (a word count: the text itself may be
 * megabytes), its two texts kept in a file beside the conflict (`textsKept`); a text conflict recorded before
 * that, like any recorded in summary only, can only be settled to the kept side. Returns a message when it cannot.
 */
export function resolution(c: SyncConflict, keep: 'mine' | 'theirs'): Resolution | Problem {
  if (keep === c.keptSide) return { kind: 'dismiss' };
  const r = settingTo(c, 'other');
  if (!('problem' in r)) return r;
  const kept = c.keptSide === 'mine' ? 'your' : `${c.otherAuthor}'s`;
  return { problem: `Only ${kept} version can be kept for this conflict (${r.problem}); edit it by hand to change it` };
}

/** The undo of an applied resolution: the value kept before comes back (a dismissal when there is none). */
export function undoResolution(c: SyncConflict): Resolution {
  const r = settingTo(c, 'kept');
  return 'problem' in r ? { kind: 'dismiss' } : r;
}

/** Setting one side's value of the conflict here. */
function settingTo(c: SyncConflict, side: 'kept' | 'other'): Resolution | Problem {
  const value = c[side];
  const whole = side === 'kept' ? c.keptValue : c.otherValue;
  const { articleId, detail } = c;
  switch (c.kind) {
    case 'article-meta':
      return articleId && detail ? { kind: 'apply', articleId, field: detail, value } : { problem: 'it does not name the field' };
    case 'story':
      return detail && value ? { kind: 'story-name', storyId: detail, name: value } : { problem: 'it does not name the story' };
    case 'tag-colour':
      return detail ? { kind: 'tag-colour', tag: detail, color: value } : { problem: 'it does not name the tag' };
    case 'saved-search':
      return detail && whole ? { kind: 'saved-search', searchId: detail, body: whole } : { problem: 'it was recorded before conflicts kept the whole saved search' };
    case 'annotation':
      return articleId && detail && whole
        ? { kind: 'annotation', articleId, annotationId: detail, body: whole }
        : { problem: 'it was recorded before conflicts kept the whole annotation' };
    case 'article':
      return articleId && detail === 'text' && c.textsKept
        ? { kind: 'text', articleId, conflictId: c.id, side }
        : { problem: 'it was recorded before conflicts kept both texts' };
    default:
      return { problem: `a ${c.kind} conflict records the other version only in summary` };
  }
}
