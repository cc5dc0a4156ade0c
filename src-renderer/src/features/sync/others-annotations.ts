/**
 * Another team member's annotation: it names someone other than this notebook's user. One with no name
 * was made here before the notebook joined a team, so it is this user's.
 */
export const isOthers = (a: { author?: string }, user: string | null): boolean => a.author !== undefined && a.author !== user;

/** The annotations the reader shows: all, or only this user's when others' are hidden. */
export function visibleAnnotations<T extends { author?: string }>(list: T[], user: string | null, showOthers: boolean): T[] {
  return showOthers ? list : list.filter((a) => !isOthers(a, user));
}
