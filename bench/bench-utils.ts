import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

export const corporaDir = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', '..', 'shared', 'corpora');

export function corpusOrSkip(name: string): string | null {
  const dir = join(corporaDir, name);
  if (existsSync(dir)) return dir;
  console.log(`skipped: ${name} is not at ${dir} (see ../shared/corpora/README.md)`);
  return null;
}

export function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}

export const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;

export function machine(): string {
  return `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, ${process.platform}`;
}

export function withTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-bench-'));
  return fn(dir).finally(() => rmSync(dir, { recursive: true, force: true }));
}

export function table(rows: Array<Record<string, string | number>>): void {
  console.table(rows);
}

/** The 1-, 5- and 15-minute load averages, printed beside every figure: the machine is shared. */
export function loadAverage(): string {
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
}

/** Resident (VmRSS) or peak resident (VmHWM) megabytes of a process, from /proc (Linux). */
export function residentMb(pid: number, key: 'VmRSS' | 'VmHWM' = 'VmRSS'): number {
  return Number(new RegExp(`${key}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
}

/** Deterministic pseudo-random numbers (mulberry32), so every run draws the same samples and queries. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
