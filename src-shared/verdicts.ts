/**
 * The ratings a new notebook starts with (each notebook keeps its own, editable list). `value` places a
 * rating on the truthfulness scale that ClaimReview's `ratingValue` uses (higher is truer); a rating off
 * the scale ("unverified") has none.
 */
/** What a rating id looks like: the contract checks it, and search reads `verdict:` values with it. */
export const RATING_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;

export type RatingDefinition = { id: string; label: string; value: number | null };

export const defaultRatings: readonly RatingDefinition[] = [
  { id: 'true', label: 'True', value: 5 },
  { id: 'mostly-true', label: 'Mostly true', value: 4 },
  { id: 'mixed', label: 'Mixed', value: 3 },
  { id: 'misleading', label: 'Misleading', value: 2 },
  { id: 'false', label: 'False', value: 1 },
  { id: 'unverified', label: 'Unverified', value: null },
];

export const verdictSorts = ['rating', 'decided', 'article'] as const;

/** `verdict:any` in search means a verdict of any rating, so no rating may take this id. */
export const ANY_VERDICT = 'any';
