/**
 * CLI start-up (npm run bench:cli): the built CLI (bin/parallax.mjs, after `npm run build`) spawned N times
 * for `list`, `--help` and `search` on a fresh copy of the sample notebook, beside `node -e 0` (the floor:
 * what starting Node costs on this machine now) in the same run, interleaved so a busy machine slows all
 * alike. Prints median and p95 wall time per command and the load average before and after.
 * Target: `list` on the sample ≤ 300 ms (docs/BENCHMARKS.md).
 *   npm run bench:cli -- [runs=15] [another bin/parallax.mjs, e.g. an earlier version's, timed alike as the baseline]
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { machine, ms, percentile, table, withTempDir } from './bench-utils';

const repo = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');
const bin = join(repo, 'bin', 'parallax.mjs');
const runs = Number(process.argv[2] ?? 15);
const baseline = process.argv[3];

function timed(args: string[]): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const took = performance.now() - t;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return took;
}

await withTempDir(async (dir) => {
  if (!existsSync(join(repo, 'out', 'main', 'cli.js'))) throw new Error('build first: npm run build');
  const notebook = join(dir, 'notebook');
  timed([bin, 'init', '--sample', '--notebook', notebook]);
  const commands: Record<string, string[]> = {
    'node -e 0 (floor)': ['-e', '0'],
    'parallax --help': [bin, '--help'],
    'parallax list': [bin, 'list', '--notebook', notebook],
    'parallax search guler': [bin, 'search', 'guler', '--notebook', notebook],
    ...(baseline
      ? {
          'baseline --help': [baseline, '--help'],
          'baseline list': [baseline, 'list', '--notebook', notebook],
        }
      : {}),
  };
  // One warm-up each (file cache), not counted.
  for (const args of Object.values(commands)) timed(args);
  const loadBefore = loadavg();
  const times = new Map<string, number[]>(Object.keys(commands).map((k) => [k, []]));
  for (let i = 0; i < runs; i++) for (const [name, args] of Object.entries(commands)) times.get(name)!.push(timed(args));
  const loadAfter = loadavg();
  console.log(`CLI start-up, ${runs} runs each, ${machine()}`);
  console.log(`load average (1, 5, 15 min): before ${loadBefore.map((n) => n.toFixed(2)).join(' ')}, after ${loadAfter.map((n) => n.toFixed(2)).join(' ')}`);
  const floor = percentile(times.get('node -e 0 (floor)')!, 50);
  table(
    [...times].map(([command, t]) => ({
      command,
      median: ms(percentile(t, 50)),
      p95: ms(percentile(t, 95)),
      'median over floor': ms(percentile(t, 50) - floor),
    })),
  );
  const list = percentile(times.get('parallax list')!, 50);
  console.log(`list median ${ms(list)}: ${list <= 300 ? 'within' : 'over'} the 300 ms target`);
});
