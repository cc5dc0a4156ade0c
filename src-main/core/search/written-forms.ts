import { tokensWithOffsets } from './normalise';

/**
 * How stored terms (folded, stemmed) are written in these texts: for each term, its first occurrence,
 * lower-cased ("aerodynam" → "aerodynamic"), so a label can show words rather than stems. Terms found in
 * none of the texts are left out; the order of `terms` is kept.
 */
export function writtenForms(terms: string[], texts: { text: string; lang: string | null }[]): string[] {
  const found = new Map<string, string>();
  const wanted = new Set(terms);
  for (const { text, lang } of texts) {
    if (found.size === wanted.size) break;
    for (const t of tokensWithOffsets(text, lang)) {
      if (wanted.has(t.term) && !found.has(t.term)) found.set(t.term, text.slice(t.start, t.end).toLowerCase());
    }
  }
  return terms.flatMap((t) => (found.has(t) ? [found.get(t)!] : []));
}
