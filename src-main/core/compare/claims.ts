import type { Claim, CompareSentence } from '../../contract';
import type { Edge } from './features';

/**
 * Claims for the coverage matrix: sentences joined across articles through their pairwise matches, strongest
 * first, never two sentences of the same article in one claim (so a chain of loose matches cannot sweep up
 * half an article). Every sentence no other article matches is a claim of its own, marked unique.
 */
export function clusterClaims(sentences: CompareSentence[], owner: number[], matches: Edge[], articleIds: string[]): Claim[] {
  const parent = sentences.map((_, i) => i);
  const members = sentences.map((_, i) => [i]);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const sorted = [...matches].sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);
  for (const e of sorted) {
    const a = find(e.i);
    const b = find(e.j);
    if (a === b) continue;
    const articlesA = new Set(members[a]!.map((s) => owner[s]));
    if (members[b]!.some((s) => articlesA.has(owner[s]!))) continue;
    const [keep, drop] = a < b ? [a, b] : [b, a];
    parent[drop] = keep;
    members[keep]!.push(...members[drop]!);
    members[drop] = [];
  }
  const score = new Map<string, number>();
  for (const e of matches) score.set(`${Math.min(e.i, e.j)}:${Math.max(e.i, e.j)}`, e.score);
  const claims = sentences
    .map((_, i) => i)
    .filter((i) => find(i) === i)
    .map((root) => {
      const ids = [...members[root]!].sort((x, y) => owner[x]! - owner[y]! || x - y);
      // The label is the member closest to all the others.
      const centrality = (s: number) => ids.reduce((sum, o) => sum + (score.get(`${Math.min(s, o)}:${Math.max(s, o)}`) ?? 0), 0);
      const label = ids.reduce((best, s) => (centrality(s) > centrality(best) ? s : best), ids[0]!);
      return {
        first: Math.min(...ids),
        claim: {
          id: '',
          label: sentences[label]!.text,
          count: new Set(ids.map((s) => owner[s])).size,
          unique: ids.length === 1,
          passages: ids.map((s) => ({
            article: articleIds[owner[s]!]!,
            sentence: sentences[s]!.index,
            start: sentences[s]!.start,
            end: sentences[s]!.end,
            text: sentences[s]!.text,
          })),
        },
      };
    })
    .sort((x, y) => y.claim.count - x.claim.count || x.first - y.first);
  return claims.map((c, k) => ({ ...c.claim, id: `c${k + 1}` }));
}
