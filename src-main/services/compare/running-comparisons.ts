import { AppError } from '../../contract/errors';
import type { JobProgress } from './compare-jobs';

type Waiter<R> = {
  requestId?: string;
  resolve: (r: R) => void;
  reject: (e: Error) => void;
  progress: (p: JobProgress, requestId?: string) => void;
};
type Job<R> = { key: string; controller: AbortController; waiters: Set<Waiter<R>> };

export type Work<R> = (ids: string[], signal: AbortSignal, progress: (p: JobProgress) => void) => Promise<R>;

/**
 * The comparisons running now, one per set of articles (its key): callers asking for the same comparison
 * share one run; each caller that named its request (`requestId`) can cancel it, and the run stops once no
 * caller is left. A new named comparison of other articles replaces every named one still running (one
 * person reads one comparison at a time, and the old one would only hold the worker); comparisons asked
 * for without a name (the CLI, exports) are never replaced.
 */
export class RunningComparisons<R> {
  private readonly jobs = new Map<string, Job<R>>();

  constructor(private readonly work: Work<R>) {}

  /** Comparisons running now. */
  get size(): number {
    return this.jobs.size;
  }

  join(key: string, ids: string[], caller: { requestId?: string; progress: Waiter<R>['progress'] }): Promise<R> {
    if (caller.requestId) this.supersede(key);
    const job = this.jobs.get(key) ?? this.start(key, ids);
    return new Promise<R>((resolve, reject) => job.waiters.add({ ...caller, resolve, reject }));
  }

  /** Cancel the callers that named their request `requestId`; false when none is running. */
  cancel(requestId: string): boolean {
    let found = false;
    for (const job of [...this.jobs.values()])
      for (const w of [...job.waiters])
        if (w.requestId === requestId) {
          found = true;
          this.drop(job, w, new AppError('CANCELLED', 'The comparison was cancelled.'));
        }
    return found;
  }

  private start(key: string, ids: string[]): Job<R> {
    const job: Job<R> = { key, controller: new AbortController(), waiters: new Set() };
    this.jobs.set(key, job);
    void this.work(ids, job.controller.signal, (p) => {
      for (const w of job.waiters) w.progress(p, w.requestId);
    }).then(
      (r) => {
        this.forget(job);
        for (const w of job.waiters) w.resolve(r);
      },
      (e: Error) => {
        this.forget(job);
        for (const w of job.waiters) w.reject(e);
      },
    );
    return job;
  }

  private forget(job: Job<R>): void {
    if (this.jobs.get(job.key) === job) this.jobs.delete(job.key);
  }

  private drop(job: Job<R>, w: Waiter<R>, reason: AppError): void {
    job.waiters.delete(w);
    w.reject(reason);
    if (job.waiters.size > 0) return;
    this.forget(job);
    job.controller.abort(reason);
  }

  private supersede(key: string): void {
    for (const job of [...this.jobs.values()]) {
      if (job.key === key) continue;
      for (const w of [...job.waiters])
        if (w.requestId) this.drop(job, w, new AppError('CANCELLED', 'A newer comparison replaced this one.'));
    }
  }
}
