import { AppError } from '../../contract/errors';
import { WorkerDied, WorkerPool } from '../workers/worker-pool';
import type { RunOptions } from '../workers/worker-pool';
import { findWorkerEntry, startWorker } from '../workers/worker-entry';
import type { CompareJob, CompareJobKind, CompareJobs, JobProgress } from './compare-jobs';
import type { ProfileCache } from './compare-jobs';

export type RunnerOptions = {
  /** false: run every job on the calling thread (what happens anyway when the worker's code is not found). */
  worker?: boolean;
  /** The worker's heap limit: a comparison that reaches it fails with TOO_LARGE and the app goes on. */
  heapMb?: number;
  /** The worker stops after this long without work (its profiles are then read again on the next related call). */
  idleMs?: number;
};

/** 1 GB: a comparison at the input limits peaks at a few hundred MB; the profiles of 100,000 articles take ~0.4 GB. */
const HEAP_MB = 1024;
const IDLE_MS = 10 * 60_000;

export type JobRunOptions = { signal?: AbortSignal; onProgress?: (p: JobProgress) => void };

/**
 * Where the compare feature's heavy work runs: one worker thread (comparisons and related coverage take
 * turns, so two cores keep one for requests), started on first use, kept warm between calls, capped in
 * memory. A job is cancelled through its signal (the worker is then terminated and a new one started for
 * the next job). Without the worker's code (or with `worker: false`) jobs run on the calling thread.
 */
export class CompareRunner {
  private pool: WorkerPool<CompareJob, unknown> | null = null;
  private inlineCache: ProfileCache | null = null;
  private readonly heapMb: number;

  constructor(private readonly opts: RunnerOptions = {}) {
    this.heapMb = opts.heapMb ?? HEAP_MB;
    const entry = opts.worker === false ? null : findWorkerEntry('compare-worker', import.meta.url);
    if (entry)
      this.pool = new WorkerPool({
        spawn: () => startWorker(entry, null, { resourceLimits: { maxOldGenerationSizeMb: this.heapMb } }),
        size: 1,
        idleMs: opts.idleMs ?? IDLE_MS,
      });
  }

  /** True when jobs run in a worker thread. */
  get threaded(): boolean {
    return this.pool !== null;
  }

  /** The thread ids of the workers alive now (none or one). */
  get threadIds(): number[] {
    return this.pool?.threadIds ?? [];
  }

  /** Start the worker now (it warms itself up), so the next comparison need not wait for it. */
  warm(): void {
    this.pool?.warm();
  }

  async run<K extends CompareJobKind>(
    kind: K,
    input: CompareJobs[K]['input'],
    opts: JobRunOptions = {},
  ): Promise<CompareJobs[K]['output']> {
    const job = { kind, input } as CompareJob;
    if (!this.pool) return (await this.runInline(job, opts)) as CompareJobs[K]['output'];
    const run: RunOptions = { signal: opts.signal, onProgress: opts.onProgress as RunOptions['onProgress'] };
    try {
      return (await this.pool.run(job, run)) as CompareJobs[K]['output'];
    } catch (e) {
      // A cancelled job took its worker with it: start the next one now, ready for the next comparison.
      if (opts.signal?.aborted) this.warm();
      if (e instanceof WorkerDied) {
        const what = kind === 'compare' ? 'The comparison' : 'Related coverage';
        const advice = kind === 'compare' ? ' Compare fewer articles, or shorter ones.' : '';
        if (e.code === 'ERR_WORKER_OUT_OF_MEMORY')
          throw new AppError('TOO_LARGE', `${what} needed more than the ${this.heapMb} MB of memory it may use, and was stopped.${advice}`);
        throw new AppError('INTERNAL', `${what} stopped unexpectedly (${e.message}); try again.`);
      }
      throw e;
    }
  }

  private async runInline(job: CompareJob, opts: JobRunOptions): Promise<unknown> {
    if (opts.signal?.aborted) throw opts.signal.reason;
    // Loaded on first use: the comparison's modules (diff, any-ascii…) are no part of a CLI start-up.
    const { ProfileCache, runJob } = await import('./compare-jobs');
    if (opts.signal?.aborted) throw opts.signal.reason;
    this.inlineCache ??= new ProfileCache();
    return runJob(job, this.inlineCache, (p) => opts.onProgress?.(p));
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }
}
