/** The comparison tables that can be exported, and their formats (the compare view's export menu offers them). */
export const compareTables = ['claims', 'quotes', 'entities', 'conflicts'] as const;
export const tableFormats = ['markdown', 'html', 'csv'] as const;

/**
 * What part two outlets give differently, by the kind of a conflict or a softer "differs" note: the compare
 * view, the exported tables and the command line all say it in these words.
 */
export const differingParts = {
  role: 'the person named for one role',
  name: 'the name',
  number: 'the figure',
  date: 'the date',
  place: 'the place',
} as const;

/** A type at or below this confidence was guessed from the words around a name only (core/compare/entities.ts). */
export const UNCERTAIN_TYPE_AT = 0.5;

/**
 * An entity's type as people read it: "person", or "person?" when it is a guess, with the reason. The
 * comparison gives a confidence of at most 0.5 when no title, organisation word or country says what the
 * name is; an entity without a confidence (an older result) reads as certain.
 */
export function entityTypeText(e: { type: string; typeConfidence?: number }): { text: string; uncertain: boolean; why: string } {
  const c = e.typeConfidence;
  if (e.type === 'other' || c === undefined || c > UNCERTAIN_TYPE_AT)
    return { text: e.type, uncertain: false, why: c === undefined ? '' : `Type confidence ${c.toFixed(2)}.` };
  return {
    text: `${e.type}?`,
    uncertain: true,
    why: `Probably a ${e.type}, guessed from the words around the name (type confidence ${c.toFixed(2)}): no title, organisation word or country says so.`,
  };
}
