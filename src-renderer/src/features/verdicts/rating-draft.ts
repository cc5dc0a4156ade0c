import type { Rating, SetRatingsInput } from '@contract';
import { fold } from '@shared/fold';
import { ANY_VERDICT } from '@shared/verdicts';

/** A row of the ratings editor: a rating of the list, or one being added (no id yet). */
export type DraftRow = { key: string; id: string | null; label: string; value: string };
/** A rating taken off the list, and the row (by key) its verdicts move to. */
export type RemovedRating = { rating: Rating; moveTo: string };
export type RatingsDraft = { rows: DraftRow[]; removed: RemovedRating[] };

export const draftOf = (ratings: readonly Rating[]): RatingsDraft => ({
  rows: ratings.map((r) => ({ key: r.id, id: r.id, label: r.label, value: r.value === null ? '' : String(r.value) })),
  removed: [],
});

/**
 * The id a new rating gets from its label: folded (accents and case ignored, as search ignores them), words
 * joined by hyphens, and made unique, so `verdict:` in search reads it as it is shown. Renaming a rating
 * later keeps its id, so verdicts and saved searches keep working.
 */
export function ratingIdFor(label: string, taken: ReadonlySet<string>): string {
  const base =
    fold(label)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 36)
      .replace(/-+$/, '') || 'rating';
  let id = base;
  for (let n = 2; taken.has(id) || id === ANY_VERDICT; n++) id = `${base}-${n}`;
  return id;
}

/** Move the row at `from` by `by` places (±1); the same draft when it cannot move. */
export function moveRow(draft: RatingsDraft, from: number, by: number): RatingsDraft {
  const to = from + by;
  if (to < 0 || to >= draft.rows.length) return draft;
  const rows = [...draft.rows];
  const [row] = rows.splice(from, 1);
  rows.splice(to, 0, row!);
  return { ...draft, rows };
}

/** Take a row off the list; a rating of the list is kept aside, so its verdicts can be moved. */
export function removeRow(draft: RatingsDraft, key: string, original: readonly Rating[]): RatingsDraft {
  const row = draft.rows.find((r) => r.key === key);
  const rows = draft.rows.filter((r) => r.key !== key);
  const rating = row?.id ? original.find((r) => r.id === row.id) : undefined;
  const removed = draft.removed.map((x) => (x.moveTo === key ? { ...x, moveTo: '' } : x));
  return { rows, removed: rating ? [...removed, { rating, moveTo: '' }] : removed };
}

/** Put a removed rating back at the end of the list. */
export function keepRating(draft: RatingsDraft, id: string): RatingsDraft {
  const back = draft.removed.find((x) => x.rating.id === id);
  if (!back) return draft;
  const r = back.rating;
  return {
    rows: [...draft.rows, { key: r.id, id: r.id, label: r.label, value: r.value === null ? '' : String(r.value) }],
    removed: draft.removed.filter((x) => x !== back),
  };
}

/**
 * What `verdicts.setRatings` is sent: the rows in order (new ones with an id made from their label), and a
 * move for each removed rating that verdicts use. Values are checked by the back end, which says what is wrong.
 */
export function ratingsEdit(draft: RatingsDraft, counts: Readonly<Record<string, number>>): Pick<SetRatingsInput, 'ratings' | 'moves'> {
  const taken = new Set([...draft.rows.flatMap((r) => (r.id ? [r.id] : [])), ...draft.removed.map((x) => x.rating.id)]);
  const idOf = new Map<string, string>();
  for (const row of draft.rows) {
    const id = row.id ?? ratingIdFor(row.label, taken);
    taken.add(id);
    idOf.set(row.key, id);
  }
  const ratings = draft.rows.map((row) => ({
    id: idOf.get(row.key)!,
    label: row.label,
    value: row.value.trim() === '' ? null : Number(row.value),
  }));
  const moves = draft.removed
    .filter((x) => (counts[x.rating.id] ?? 0) > 0 && idOf.has(x.moveTo))
    .map((x) => ({ from: x.rating.id, to: idOf.get(x.moveTo)! }));
  return { ratings, moves };
}
