/**
 * `BASELINE=<dir> npm run check:compare-identical`: does this build of the comparison give exactly the result
 * another checkout gives (JSON byte for byte)? A speed-up of the comparison must change nothing it finds. The
 * articles: bench:compare's cases, the five seeds in every pair and all together, every AllSides development
 * story, 100 random triples of articles from different AllSides stories, every ECB+ event and every
 * NewsWCL50 event. Each is compared by this build cold (nothing remembered) and again warm (what the first
 * run remembered is used), and both must equal the baseline's.
 */
import { resolve } from 'node:path';
import { loadavg } from 'node:os';
import type { CompareInput } from '../src-main/core/compare/sentences';
import { rng } from './bench-utils';
import { loadBuild } from './compare-build';
import { compareCases } from './compare-cases';
import { loadAllSides, loadEcb, loadNewsWcl } from './compare-eval/corpora';
import { seedInputs } from '../tests/unit/seed-articles';

if (!process.env.BASELINE) throw new Error('Set BASELINE to the checkout to compare with (a directory holding src-main and src-shared).');
const mine = await loadBuild('this build', resolve(import.meta.dirname, '..'));
const base = await loadBuild('baseline', process.env.BASELINE);

const sets: Array<{ name: string; inputs: CompareInput[] }> = [];
for (const c of compareCases().cases) sets.push({ name: c.name, inputs: c.inputs });
const seeds = seedInputs();
sets.push({ name: 'five seeds', inputs: seeds });
for (let i = 0; i < seeds.length; i++)
  for (let j = i + 1; j < seeds.length; j++) sets.push({ name: `seeds ${i}+${j}`, inputs: [seeds[i]!, seeds[j]!] });
const allSides = loadAllSides() ?? [];
for (const s of allSides) sets.push({ name: `AllSides ${s.id}`, inputs: s.articles });
const pool = allSides.flatMap((s) => s.articles.map((a) => ({ story: s.id, a })));
const random = rng(14);
for (let k = 0; pool.length && k < 100; k++) {
  const picked: typeof pool = [];
  while (picked.length < 3) {
    const x = pool[Math.floor(random() * pool.length)]!;
    if (!picked.some((p) => p.story === x.story)) picked.push(x);
  }
  sets.push({ name: `AllSides triple ${k}`, inputs: picked.map((p) => p.a) });
}
const ecb = loadEcb();
for (const name of new Set((ecb?.docs ?? []).map((d) => `${d.topic}/${d.event}`)))
  sets.push({ name: `ECB+ ${name}`, inputs: ecb!.docs.filter((d) => `${d.topic}/${d.event}` === name) });
for (const e of loadNewsWcl()?.events ?? []) sets.push({ name: `NewsWCL50 ${e.event}`, inputs: e.docs });

/** Where two JSON texts first differ, with some context. */
const firstDifference = (a: string, b: string) => {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i}: baseline …${a.slice(Math.max(0, i - 80), i + 80)}… / this build …${b.slice(Math.max(0, i - 80), i + 80)}…`;
};

let same = 0;
const differ: string[] = [];
for (const s of sets) {
  base.forget();
  const expected = JSON.stringify(base.compare(s.inputs));
  mine.forget();
  const cold = JSON.stringify(mine.compare(s.inputs));
  const warm = JSON.stringify(mine.compare(s.inputs));
  if (cold === expected && warm === expected) same++;
  else differ.push(`${s.name} (${cold !== expected ? 'cold' : 'warm'}) ${firstDifference(expected, cold !== expected ? cold : warm)}`);
}
console.log(
  `${same} of ${sets.length} comparisons identical to the baseline, cold and warm (load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')})`,
);
for (const d of differ.slice(0, 10)) console.log(`  differs: ${d}`);
if (differ.length) process.exitCode = 1;
