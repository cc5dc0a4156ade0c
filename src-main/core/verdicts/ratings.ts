import type { Rating } from '../../contract';
import { AppError } from '../../contract/errors';

/** The scale ClaimReview needs: the truest and least true values of the ratings that have one. */
export function ratingScale(ratings: readonly Rating[]): { best: number; worst: number } | null {
  const values = ratings.map((r) => r.value).filter((v): v is number => v !== null);
  return values.length ? { best: Math.max(...values), worst: Math.min(...values) } : null;
}

export function findRating(ratings: readonly Rating[], id: string): Rating | undefined {
  return ratings.find((r) => r.id === id);
}

/** A rating a verdict names must be in the notebook's list; the message lists what is. */
export function requireRating(ratings: readonly Rating[], id: string): Rating {
  const found = findRating(ratings, id);
  if (!found) {
    throw new AppError('BAD_INPUT', `Unknown rating ${JSON.stringify(id)}; this notebook's ratings are ${ratings.map((r) => r.id).join(', ')}`);
  }
  return found;
}

/** Truest first; ratings off the scale last, in the list's own order. */
export function ratingRank(ratings: readonly Rating[]): (id: string) => number {
  const order = new Map(
    [...ratings]
      .map((r, i) => ({ r, i }))
      .sort((a, b) => (b.r.value ?? -Infinity) - (a.r.value ?? -Infinity) || a.i - b.i)
      .map(({ r }, rank) => [r.id, rank]),
  );
  return (id) => order.get(id) ?? Number.MAX_SAFE_INTEGER;
}

/** The ratings still in use that a new list would drop: a list may not strand a verdict. */
export function droppedInUse(next: readonly Rating[], used: ReadonlyMap<string, number>): string[] {
  const kept = new Set(next.map((r) => r.id));
  return [...used.entries()].filter(([id, n]) => n > 0 && !kept.has(id)).map(([id, n]) => `${id} (${n} verdict${n === 1 ? '' : 's'})`);
}
