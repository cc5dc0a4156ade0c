import { availableParallelism } from 'node:os';
import { WorkerDied, WorkerPool } from '../workers/worker-pool';
import { findWorkerEntry, startWorker } from '../workers/worker-entry';
import type { AnalysedSource, AnalysisJob } from './analyse-job';
import { loadAnalysis } from './load-analysis';

export type Analyser = (job: AnalysisJob) => Promise<AnalysedSource>;

/** Below this many files an import analyses in-process: starting workers (~0.3 s) would cost more than it saves. */
export const POOL_THRESHOLD = 200;
const IDLE_MS = 5_000;

export const inlineAnalyser: Analyser = async (job) => (await loadAnalysis()).analyseJob(job);

/**
 * Workers to use: PARALLAX_ANALYSIS_WORKERS if set (0 = none), else one per core beyond the first, at most 4,
 * so the main thread keeps a core for reading, writing and serialising. On 2 cores that is none: measured on
 * the 2-core machine (docs/BENCHMARKS.md), importing the BBC set in-process beat one or two workers (3.4 s
 * against 3.7 and 4.7 s at best) once analysis took ~0.6 ms an article; the workers' start (each loads the
 * analysers) and the copies to and from them cost more than they saved.
 */
export function poolSize(env: NodeJS.ProcessEnv = process.env, cores = availableParallelism()): number {
  const set = env.PARALLAX_ANALYSIS_WORKERS;
  if (set !== undefined && /^\d+$/.test(set)) return Math.min(16, Number(set));
  return cores >= 4 ? Math.min(4, cores - 1) : 0;
}

let shared: WorkerPool<AnalysisJob, AnalysedSource> | null = null;

/**
 * The analyser for an import of `count` files: the process's shared worker pool for large imports (when the
 * worker's code is found), otherwise in-process. A task whose worker died is analysed again in-process, so
 * a pool that cannot start never fails an import.
 */
export function analyserFor(count: number): Analyser {
  const size = poolSize();
  if (count < POOL_THRESHOLD || size === 0) return inlineAnalyser;
  if (!shared) {
    const entry = findWorkerEntry('analysis-worker', import.meta.url);
    if (!entry) return inlineAnalyser;
    shared = new WorkerPool({ spawn: () => startWorker(entry, null), size, idleMs: IDLE_MS });
  }
  return poolAnalyser(shared);
}

/** Analyse in the pool; a job whose worker died is analysed in-process instead (what happened before the pool). */
export function poolAnalyser(pool: Pick<WorkerPool<AnalysisJob, AnalysedSource>, 'run'>): Analyser {
  return (job) =>
    pool.run(job).catch((e: unknown) => {
      if (e instanceof WorkerDied) return inlineAnalyser(job);
      throw e;
    });
}
