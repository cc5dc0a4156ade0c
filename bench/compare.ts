/**
 * `npm run bench:compare`: the comparison's speed against the targets in DESIGN.md §4 —
 * two 1,000-word articles aligned ≤ 20 ms, the five seeds' full comparison ≤ 50 ms, 20 articles of
 * 2,000 words ≤ 1 s; five 1,000-word outlets of one story, whose result includes reading in columns (N-way rows).
 * Articles for the larger cases are built from BBC stories when the corpus is present
 * (same-story pairs made by rewording), else from the seeds repeated.
 */
import { compareArticles } from '../src-main/core/compare/compare-articles';
import type { CompareInput } from '../src-main/core/compare/sentences';
import { forgetParaphraseIds } from '../src-main/core/compare/paraphrase';
import { forgetTokenCaches } from '../src-main/core/compare/tokens';
import { bbcArticles, inputFromText, seedInputs } from '../tests/unit/seed-articles';

const seeds = seedInputs();
const bbc = bbcArticles(60);
const pool: string[] = bbc ? Object.values(bbc).flatMap((list) => list.map((a) => a.body)) : seeds.map((s) => s.body);

/** An article of about `words` words, paragraphs taken from the pool starting at `offset`. */
function article(id: string, words: number, offset: number): CompareInput {
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

/** Each run is a first comparison: the tokens, word keys and numbered n-grams remembered from the last run are forgotten. */
function time(fn: () => void, runs: number): { median: number; p95: number } {
  fn(); // warm-up: JIT and the country gazetteer
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    forgetTokenCaches();
    forgetParaphraseIds();
    const s = performance.now();
    fn();
    t.push(performance.now() - s);
  }
  t.sort((x, y) => x - y);
  return { median: t[Math.floor(t.length / 2)]!, p95: t[Math.min(t.length - 1, Math.floor(t.length * 0.95))]! };
}

const a1 = article('bencha001', 1000, 0);
const b1 = reworded(a1, 'benchb001');
const twenty = Array.from({ length: 20 }, (_, i) =>
  i % 2
    ? reworded(article(`bench${i - 1}x`, 2000, (i - 1) * 7), `bench${String(i).padStart(5, '0')}`)
    : article(`bench${String(i).padStart(5, '0')}`, 2000, i * 7),
);
/**
 * Outlet k's version of one story: its own verb for "said", some paragraphs left out (a different set per
 * outlet) and one paragraph of its own, so rows are shared by some of the columns and not others.
 */
function outletVersion(a: CompareInput, id: string, k: number): CompareInput {
  const verb = ['stated', 'told reporters', 'added', 'noted'][k % 4]!;
  const paras = a.body.split('\n\n').filter((_, i) => i % (k + 2) !== 1);
  const own = pool[(k * 11 + 5) % pool.length]!.split(/\n\n+/)[0]!;
  paras.splice(Math.floor(paras.length / 2), 0, own);
  return inputFromText(id, paras.join('\n\n').replace(/\bsaid\b/g, verb));
}
const fiveColumns = [a1, ...[1, 2, 3, 4].map((k) => outletVersion(a1, `benchcol${k}`, k))];
const fifty = Array.from({ length: 50 }, (_, i) => article(`fifty${String(i).padStart(5, '0')}`, 1000, i * 3));

const rows: Array<[string, { median: number; p95: number }, number]> = [
  ['two 1,000-word articles', time(() => compareArticles([a1, b1]), 30), 20],
  ['five seeds, full comparison', time(() => compareArticles(seeds), 30), 50],
  ['5 × 1,000 words, in columns', time(() => compareArticles(fiveColumns), 20), NaN],
  ['20 articles × 2,000 words', time(() => compareArticles(twenty), 5), 1000],
  ['50 articles × 1,000 words', time(() => compareArticles(fifty), 3), NaN],
];
console.log(`Parallax compare benchmark (Node ${process.version}, corpus: ${bbc ? 'BBC News' : 'seeds only (BBC absent)'})\n`);
for (const [name, t, target] of rows) {
  const verdict = Number.isNaN(target) ? '' : t.median <= target ? `  ✓ target ≤ ${target} ms` : `  ✗ target ≤ ${target} ms`;
  console.log(`${name.padEnd(30)} median ${t.median.toFixed(1).padStart(7)} ms   p95 ${t.p95.toFixed(1).padStart(7)} ms${verdict}`);
}
