/**
 * `npm run bench:compare`: the comparison's speed against the targets in DESIGN.md §4 —
 * two 1,000-word articles aligned ≤ 20 ms, the five seeds' full comparison ≤ 50 ms, 20 articles of
 * 2,000 words ≤ 1 s; five 1,000-word outlets of one story, whose result includes reading in columns (N-way rows).
 * Cases: bench/compare-cases.ts. Every timed run is a first, cold comparison (whatever the comparison
 * remembers between runs is forgotten first); the warm rows compare the same articles again without forgetting.
 *
 *   BASELINE=<dir>  another checkout (its src-main and src-shared; node_modules resolvable from it) timed in
 *                   the same process, the two taking turns in blocks of runs, so load hits both alike
 *   CASES=two,seeds… only the cases whose names start with these words
 */
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import type { CompareInput } from '../src-main/core/compare/sentences';
import type { Build } from './compare-build';
import { loadBuild } from './compare-build';
import { compareCases } from './compare-cases';

type Timing = { median: number; p95: number };
const summary = (t: number[]): Timing => {
  const s = [...t].sort((x, y) => x - y);
  return { median: s[Math.floor(s.length / 2)]!, p95: s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]! };
};

/**
 * Builds take turns in blocks of BLOCK runs, and the first run of each block is not counted: it pays for
 * collecting the garbage the other build left, which would tax whichever build allocates less. Cold runs
 * first (what the comparison remembers forgotten before each), then warm ones (nothing forgotten).
 */
const BLOCK = 6;
function time(builds: Build[], inputs: CompareInput[], runs: number): Array<{ cold: Timing; warm: Timing }> {
  for (const b of builds) b.compare(inputs); // warm-up: JIT and the country gazetteer
  const measure = (cold: boolean) => {
    const times = builds.map(() => [] as number[]);
    while (times[0]!.length < runs)
      builds.forEach((b, k) => {
        for (let i = 0; i < BLOCK && times[k]!.length < runs; i++) {
          if (cold) b.forget();
          const s = performance.now();
          b.compare(inputs);
          if (i > 0 || builds.length === 1) times[k]!.push(performance.now() - s);
        }
      });
    return times.map(summary);
  };
  const cold = measure(true);
  const warm = measure(false);
  return builds.map((_, k) => ({ cold: cold[k]!, warm: warm[k]! }));
}

const here = resolve(import.meta.dirname, '..');
const builds = [await loadBuild('this build', here)];
if (process.env.BASELINE) builds.push(await loadBuild(`baseline (${process.env.BASELINE})`, process.env.BASELINE));
const only = process.env.CASES?.split(',').filter(Boolean);
const { corpus, cases } = compareCases();
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

console.log(`Parallax compare benchmark (Node ${process.version}, corpus: ${corpus}); load average before: ${load()}\n`);
const fmt = (t: Timing) => `median ${t.median.toFixed(1).padStart(7)} ms   p95 ${t.p95.toFixed(1).padStart(7)} ms`;
for (const c of cases) {
  if (only && !only.some((w) => c.name.startsWith(w))) continue;
  const results = time(builds, c.inputs, c.runs);
  results.forEach((r, k) => {
    const target = Number.isNaN(c.target) ? '' : r.cold.median <= c.target ? `  ✓ target ≤ ${c.target} ms` : `  ✗ target ≤ ${c.target} ms`;
    const who = builds.length > 1 ? `  [${builds[k]!.name}]` : '';
    console.log(`${c.name.padEnd(30)} cold ${fmt(r.cold)}${target}${who}`);
    console.log(`${''.padEnd(30)} warm ${fmt(r.warm)}   (the same articles again)`);
  });
  console.log(`${''.padEnd(30)} load average ${load()}`);
}
