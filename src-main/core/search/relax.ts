import type { Clause, QueryAst } from './query-ast';
import { isStopWord } from './stop-words';

/**
 * The query "most of the words" ranks, when no article has every word of it: the groups the user asked for
 * explicitly (quoted phrases, OR) stay as they are and stay required (`strict`); the plain words become
 * optional, each on its own (a hyphenated "heat-transfer" counts as "heat" and "transfer", as a person
 * typing a question means), and function words are left out, as long as a plain word remains.
 */
export function relaxQuery(ast: QueryAst): QueryAst {
  const groups: Clause[][] = [];
  const strict: boolean[] = [];
  const plain: Clause[][] = [];
  ast.groups.forEach((g, i) => {
    if (ast.strict[i]) {
      groups.push(g);
      strict.push(true);
    } else plain.push(...splitWords(g));
  });
  const telling = plain.filter((g) => !isStopGroup(g));
  for (const g of telling.length ? telling : plain) {
    groups.push(g);
    strict.push(false);
  }
  return { ...ast, groups, strict };
}

/** A plain word's group as groups of one word each: its phrase variants (one per stemmer) split by position. */
function splitWords(g: Clause[]): Clause[][] {
  if (!g.every((c) => c.kind === 'phrase')) return [g];
  const phrases = g as Extract<Clause, { kind: 'phrase' }>[];
  const out: Clause[][] = [];
  for (let k = 0; k < phrases[0]!.terms.length; k++) {
    const seen = new Set<string>();
    const words: Clause[] = [];
    for (const p of phrases) {
      const term = p.terms[k];
      if (term === undefined || seen.has(term)) continue;
      seen.add(term);
      words.push({ kind: 'term', term, raw: p.raw });
    }
    if (words.length) out.push(words);
  }
  return out;
}

/** The first clause of a group is the word as typed (the stemmed forms follow it): is it a function word? */
const isStopGroup = (g: Clause[]) => g[0]?.kind === 'term' && isStopWord(g[0].term);
