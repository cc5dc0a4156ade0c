import { terms } from '../../src-main/core/search/normalise';
import type { SearchArticle } from '../../src-main/core/search/search-doc';

/** What a query asks every article for, as terms (stemmed as the query parser stems them). */
export type ScanQuery = { words: string[]; phrases: string[][]; prefixes: string[] };

const holdsRun = (seq: string[], phrase: string[]) => seq.some((_, i) => phrase.every((w, j) => seq[i + j] === w));

/**
 * The articles an exhaustive scan finds: every article's fields are tokenised with the one normaliser and
 * checked for every word, phrase (adjacent, within one field) and prefix. No index, no candidate lists:
 * what search results are compared with (recall property test, bench:recall).
 */
export function exhaustiveScan(articles: Iterable<SearchArticle>, q: ScanQuery): Set<string> {
  const out = new Set<string>();
  for (const a of articles) {
    const fields = [a.title, a.body, `${a.outlet ?? ''} ${a.byline}`, a.tags.join(' ')].map((t) => terms(t, a.language));
    const all = new Set(fields.flat());
    if (
      q.words.every((w) => all.has(w)) &&
      q.phrases.every((p) => fields.some((f) => holdsRun(f, p))) &&
      q.prefixes.every((p) => [...all].some((t) => t.startsWith(p)))
    )
      out.add(a.id);
  }
  return out;
}
