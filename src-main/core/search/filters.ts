import { normalise, terms } from './normalise';
import { ANY_VERDICT } from '../../../src-shared/verdicts';
import type { Filters } from './query-ast';

/** What filters look at, per indexed document (a note carries its article's outlet, language and date). */
export type FilterMeta = {
  kind: 'article' | 'note';
  outletTerms: string[];
  /** Folded tags: the document's own (an article's, or a note's). */
  tags: string[];
  lang: string | null;
  date: string | null;
  /** Ratings of verdicts: a note's own, or every one on an article's passages. Absent when there is none. */
  verdicts?: string[];
};

export const outletTermsOf = (outlet: string | null): string[] => (outlet ? terms(outlet) : []);
/** The ratings of a document's verdicts, as FilterMeta keeps them (absent when there is none, to stay small). */
export const verdictsOf = (notes: ReadonlyArray<{ verdict?: string }>): { verdicts?: string[] } => {
  const ratings = [...new Set(notes.flatMap((n) => (n.verdict ? [n.verdict] : [])))];
  return ratings.length ? { verdicts: ratings } : {};
};
export const foldTags = (tags: string[]): string[] => tags.map((t) => normalise(t).trim());

/**
 * Filter semantics: several `outlet:` or `lang:` filters mean any of them (an article has one outlet);
 * several `tag:` filters mean all of them; `tag:actor` also matches `actor/turkiye`; `outlet:trt`
 * matches "TRT World" (each word of the filter begins a word of the outlet). Date filters exclude
 * undated articles. Several `verdict:` filters mean any of them (a passage has one verdict).
 */
export function matchesFilters(m: FilterMeta, f: Filters): boolean {
  if (f.in === 'notes' && m.kind !== 'note') return false;
  if (f.in === 'articles' && m.kind !== 'article') return false;
  if (f.lang.length && !(m.lang && f.lang.some((l) => m.lang === l || m.lang!.startsWith(`${l}-`)))) return false;
  if (f.before !== null && !(m.date && m.date < f.before)) return false;
  if (f.after !== null && !(m.date && m.date > f.after)) return false;
  if (f.outlet.length && !f.outlet.some((want) => want.every((w) => m.outletTerms.some((o) => o.startsWith(w))))) return false;
  if (f.tag.length && !f.tag.every((want) => m.tags.some((t) => t === want || t.startsWith(`${want}/`)))) return false;
  if (f.verdict.length && !(m.verdicts && f.verdict.some((v) => (v === ANY_VERDICT ? true : m.verdicts!.includes(v))))) return false;
  return true;
}
