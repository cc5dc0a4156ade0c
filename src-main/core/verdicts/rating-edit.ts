import type { Rating } from '../../contract';
import { AppError } from '../../contract/errors';
import { droppedInUse } from './ratings';

export type RatingMove = { from: string; to: string };
export type Reassignment = { id: string; rating: string };
/** A verdict as a ratings edit sees it: where it is and which rating it has. */
export type PlacedVerdict = { id: string; articleId: string; rating: string };

/** Per article, the new rating of each of its verdicts that changes. */
export type RatingEditPlan = Map<string, Map<string, string>>;

const quoted = (s: string) => JSON.stringify(s);

/**
 * Check an edit of the list of ratings against the notebook's verdicts and say which verdicts change
 * rating. A move takes every verdict of a rating the new list drops to one it keeps; a reassignment puts one
 * verdict on a rating of the new list (and wins over a move). Throws, before anything is written, when a
 * move or reassignment names a rating the new list lacks, a move names a rating the list keeps, or a
 * dropped rating would still have verdicts.
 */
export function planRatingEdit(
  next: readonly Rating[],
  moves: readonly RatingMove[],
  reassign: readonly Reassignment[],
  verdicts: Iterable<PlacedVerdict>,
): RatingEditPlan {
  const kept = new Set(next.map((r) => r.id));
  const target = new Map<string, string>();
  for (const m of moves) {
    if (kept.has(m.from)) {
      throw new AppError('BAD_INPUT', `The rating ${quoted(m.from)} stays in the list, so its verdicts are not moved; only a removed rating's verdicts move`);
    }
    if (!kept.has(m.to)) {
      throw new AppError('BAD_INPUT', `The verdicts of ${quoted(m.from)} cannot move to ${quoted(m.to)}: the new list has no such rating`);
    }
    if (target.has(m.from) && target.get(m.from) !== m.to) {
      throw new AppError('BAD_INPUT', `The verdicts of ${quoted(m.from)} are moved twice, to ${quoted(target.get(m.from)!)} and ${quoted(m.to)}`);
    }
    target.set(m.from, m.to);
  }
  const single = new Map<string, string>();
  for (const r of reassign) {
    if (!kept.has(r.rating)) throw new AppError('BAD_INPUT', `A verdict cannot be put on ${quoted(r.rating)}: the new list has no such rating`);
    single.set(r.id, r.rating);
  }

  const plan: RatingEditPlan = new Map();
  const used = new Map<string, number>();
  for (const v of verdicts) {
    const rating = single.get(v.id) ?? target.get(v.rating) ?? v.rating;
    single.delete(v.id);
    used.set(rating, (used.get(rating) ?? 0) + 1);
    if (rating === v.rating) continue;
    const changes = plan.get(v.articleId) ?? new Map<string, string>();
    changes.set(v.id, rating);
    plan.set(v.articleId, changes);
  }
  const missing = [...single.keys()];
  if (missing.length) throw new AppError('NOT_FOUND', `No verdict on the annotation${missing.length === 1 ? '' : 's'} ${missing.slice(0, 5).join(', ')}`);
  const dropped = droppedInUse(next, used);
  if (dropped.length) {
    throw new AppError(
      'CONFLICT',
      `These ratings are still used by verdicts: ${dropped.join(', ')}; say which rating their verdicts move to, or change those verdicts first`,
    );
  }
  return plan;
}

/**
 * The list to save before any verdict moves: the current one plus the ratings verdicts are about to take, so
 * an edit stopped half-way (a crash between article writes) never leaves a verdict on a rating the notebook
 * lacks. Null when the current list already has them all.
 */
export function interimRatings(current: readonly Rating[], next: readonly Rating[], plan: RatingEditPlan): Rating[] | null {
  const have = new Set(current.map((r) => r.id));
  const wanted = new Set<string>();
  for (const changes of plan.values()) for (const rating of changes.values()) if (!have.has(rating)) wanted.add(rating);
  return wanted.size ? [...current, ...next.filter((r) => wanted.has(r.id))] : null;
}
