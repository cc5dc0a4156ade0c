/**
 * The articles `npm run bench:compare` times, built from BBC stories when the corpus is present (same-story
 * pairs made by rewording), else from the seeds repeated. Shared with the check that two builds of the
 * comparison give the same results on them (bench/compare-identical.ts).
 */
import type { CompareInput } from '../src-main/core/compare/sentences';
import { bbcArticles, inputFromText, seedInputs } from '../tests/unit/seed-articles';

export type CompareCase = { name: string; inputs: CompareInput[]; runs: number; target: number };

/** An article of about `words` words, paragraphs taken from the pool starting at `offset`. */
function article(pool: string[], id: string, words: number, offset: number): CompareInput {
  const paras: string[] = [];
  let n = 0;
  for (let i = offset; n < words; i++) {
    const body = pool[i % pool.length]!;
    for (const p of body.split(/\n\n+/)) {
      paras.push(p);
      n += p.split(/\s+/).length;
      if (n >= words) break;
    }
  }
  return inputFromText(id, paras.join('\n\n'));
}

/** The same article reworded a little, so most sentences align with small differences. */
function reworded(a: CompareInput, id: string): CompareInput {
  return inputFromText(
    id,
    a.body
      .replace(/\bsaid\b/g, 'stated')
      .replace(/\bthe\b/g, 'a')
      .split('\n\n')
      .reverse()
      .join('\n\n'),
  );
}

/**
 * Outlet k's version of one story: its own verb for "said", some paragraphs left out (a different set per
 * outlet) and one paragraph of its own, so rows are shared by some of the columns and not others.
 */
function outletVersion(pool: string[], a: CompareInput, id: string, k: number): CompareInput {
  const verb = ['stated', 'told reporters', 'added', 'noted'][k % 4]!;
  const paras = a.body.split('\n\n').filter((_, i) => i % (k + 2) !== 1);
  const own = pool[(k * 11 + 5) % pool.length]!.split(/\n\n+/)[0]!;
  paras.splice(Math.floor(paras.length / 2), 0, own);
  return inputFromText(id, paras.join('\n\n').replace(/\bsaid\b/g, verb));
}

/**
 * The benchmark's cases with their run counts and targets (NaN: no target), and which corpus built them. A
 * case's articles are built when first asked for, so a run of one case (bench/compare-one.ts, counted under
 * callgrind) analyses only the articles it compares.
 */
export function compareCases(): { corpus: string; cases: CompareCase[] } {
  const seeds = seedInputs();
  const bbc = bbcArticles(60);
  const pool: string[] = bbc ? Object.values(bbc).flatMap((list) => list.map((a) => a.body)) : seeds.map((s) => s.body);
  let first: CompareInput | null = null;
  const a1 = () => (first ??= article(pool, 'bencha001', 1000, 0));
  const twenty = () =>
    Array.from({ length: 20 }, (_, i) =>
      i % 2
        ? reworded(article(pool, `bench${i - 1}x`, 2000, (i - 1) * 7), `bench${String(i).padStart(5, '0')}`)
        : article(pool, `bench${String(i).padStart(5, '0')}`, 2000, i * 7),
    );
  const fiveColumns = () => [a1(), ...[1, 2, 3, 4].map((k) => outletVersion(pool, a1(), `benchcol${k}`, k))];
  const fifty = () => Array.from({ length: 50 }, (_, i) => article(pool, `fifty${String(i).padStart(5, '0')}`, 1000, i * 3));
  const lazy = (name: string, build: () => CompareInput[], runs: number, target: number): CompareCase => {
    let inputs: CompareInput[] | null = null;
    return {
      name,
      runs,
      target,
      get inputs() {
        return (inputs ??= build());
      },
    };
  };
  return {
    corpus: bbc ? 'BBC News' : 'seeds only (BBC absent)',
    cases: [
      lazy('two 1,000-word articles', () => [a1(), reworded(a1(), 'benchb001')], 30, 20),
      lazy('five seeds, full comparison', () => seeds, 30, 50),
      lazy('5 × 1,000 words, in columns', fiveColumns, 20, NaN),
      lazy('20 articles × 2,000 words', twenty, 5, 1000),
      lazy('50 articles × 1,000 words', fifty, 3, NaN),
    ],
  };
}
