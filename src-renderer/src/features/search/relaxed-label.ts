import { plural } from '../../lib/format';

/** The words as typed, shortened for a label. */
const quoted = (q: string) => {
  const t = q.trim().replace(/\s+/g, ' ');
  return `“${t.length > 80 ? `${t.slice(0, 79)}…` : t}”`;
};

/**
 * What the results are when not every word could be found: said above them, not hidden in a hint. With
 * `related` words, the ranking also weighed the words the best matches share, and the label names them.
 */
export function relaxedLabel(query: string, allWords: number, related: string[] = []): string {
  const base =
    allWords === 0
      ? `No article has all of ${quoted(query)}; showing articles with most of them`
      : `Only ${plural(allWords, 'article')} ${allWords === 1 ? 'has' : 'have'} all of ${quoted(query)}; ` +
        'they come first, then articles with most of them';
  return related.length ? `${base}, ranked also by words the best matches share: ${related.join(', ')}` : base;
}
