import { normalise, terms } from './normalise';
import type { Filters } from './query-ast';

/** What filters look at, per indexed document (a note carries its article's outlet, language and date). */
export type FilterMeta = {
  kind: 'article' | 'note';
  outletTerms: string[];
  /** Folded tags: the document's own (an article's, or a note's). */
  tags: string[];
  lang: string | null;
  date: string | null;
};

export const outletTermsOf = (outlet: string | null): string[] => (outlet ? terms(outlet) : []);
export const foldTags = (tags: string[]): string[] => tags.map((t) => normalise(t).trim());

/**
 * Filter semantics: several `outlet:` or `lang:` filters mean any of them (an article has one outlet);
 * several `tag:` filters mean all of them; `tag:actor` also matches `actor/turkiye`; `outlet:trt`
 * matches "TRT World" (each word of the filter begins a word of the outlet). Date filters exclude
 * undated articles.
 */
export function matchesFilters(m: FilterMeta, f: Filters): boolean {
  if (f.in === 'notes' && m.kind !== 'note') return false;
  if (f.in === 'articles' && m.kind !== 'article') return false;
  if (f.lang.length && !(m.lang && f.lang.some((l) => m.lang === l || m.lang!.startsWith(`${l}-`)))) return false;
  if (f.before !== null && !(m.date && m.date < f.before)) return false;
  if (f.after !== null && !(m.date && m.date > f.after)) return false;
  if (f.outlet.length && !f.outlet.some((want) => want.every((w) => m.outletTerms.some((o) => o.startsWith(w))))) return false;
  if (f.tag.length && !f.tag.every((want) => m.tags.some((t) => t === want || t.startsWith(`${want}/`)))) return false;
  return true;
}
