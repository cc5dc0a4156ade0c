import type { Worker } from 'node:worker_threads';
import { AppError, isAppError } from '../../contract/errors';
import type { ErrorCode } from '../../contract/errors';

/** What a pool worker sends back for one task (see `serveTasks`). */
export type TaskReply<O> = { id: number; ok: true; value: O } | { id: number; ok: false; code?: ErrorCode; message: string };
/** A report a worker sends while it works on a task (see `serveTasks`'s `progress`). */
export type TaskProgress = { id: number; progress: unknown };

/** The worker running a task stopped (crashed, ran out of memory, failed to load): the task may be retried elsewhere. */
export class WorkerDied extends Error {
  constructor(
    message: string,
    /** Why, when the worker said: 'ERR_WORKER_OUT_OF_MEMORY' when it reached its resource limits. */
    readonly code?: string,
  ) {
    super(message);
  }
}

export type RunOptions = {
  /**
   * Aborting it drops the task: a queued one never starts, a running one's worker is terminated (work in a
   * thread cannot be interrupted otherwise) and replaced on the next task. The task fails with the signal's reason.
   */
  signal?: AbortSignal;
  /** Called with each report the worker sends while it works on this task. */
  onProgress?: (progress: unknown) => void;
};

type Task<I, O> = {
  id: number;
  input: I;
  resolve: (v: O) => void;
  reject: (e: Error) => void;
  opts: RunOptions;
};

const reasonOf = (signal: AbortSignal): Error =>
  signal.reason instanceof Error ? signal.reason : new Error(String(signal.reason ?? 'the task was aborted'));

export type PoolOptions = {
  /** Start a worker that answers tasks with `serveTasks`. */
  spawn: () => Worker;
  /** Most workers running at once. */
  size: number;
  /** Stop every worker once all have been idle this long (their memory is given back). */
  idleMs: number;
};

/**
 * A small pool of worker threads running one kind of task. Workers start on demand (up to `size`), take
 * tasks from one queue in order, and stop together after `idleMs` without work; an idle worker never keeps
 * the process alive. A worker that dies fails its task with `WorkerDied` and is replaced on the next task.
 * Errors thrown by a task come back as errors (an AppError keeps its code).
 */
export class WorkerPool<I, O> {
  private readonly idle: Worker[] = [];
  private readonly running = new Map<Worker, Task<I, O>>();
  private readonly queue: Task<I, O>[] = [];
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly opts: PoolOptions) {}

  /** Workers alive now (busy or idle). */
  get workers(): number {
    return this.idle.length + this.running.size;
  }

  /** The thread ids of the workers alive now. */
  get threadIds(): number[] {
    return [...this.idle, ...this.running.keys()].map((w) => w.threadId);
  }

  run(input: I, opts: RunOptions = {}): Promise<O> {
    if (this.closed) return Promise.reject(new Error('the worker pool is closed'));
    const { signal } = opts;
    if (signal?.aborted) return Promise.reject(reasonOf(signal));
    return new Promise<O>((resolve, reject) => {
      const onAbort = () => this.abort(task);
      const settle =
        <A>(fn: (a: A) => void) =>
        (a: A) => {
          signal?.removeEventListener('abort', onAbort);
          fn(a);
        };
      const task: Task<I, O> = { id: this.nextId++, input, resolve: settle(resolve), reject: settle(reject), opts };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(task);
      this.dispatch();
    });
  }

  /** Start a worker now, if none is alive, so the next task need not wait for one to start. */
  warm(): void {
    if (this.closed || this.workers > 0) return;
    const worker = this.start();
    worker.unref();
    this.idle.push(worker);
    this.dispatch();
  }

  private abort(task: Task<I, O>): void {
    const reason = reasonOf(task.opts.signal!);
    const queued = this.queue.indexOf(task);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      task.reject(reason);
      return;
    }
    for (const [worker, t] of this.running) {
      if (t !== task) continue;
      this.running.delete(worker);
      task.reject(reason);
      // Its 'exit' finds no task and lets the queue go on (with a new worker).
      void worker.terminate();
      return;
    }
  }

  private dispatch(): void {
    if (this.idleTimer) {
      clearTimeout(this.idleTimer);
      this.idleTimer = null;
    }
    while (this.queue.length) {
      const worker = this.idle.pop() ?? (this.workers < this.opts.size ? this.start() : null);
      if (!worker) return;
      const task = this.queue.shift()!;
      this.running.set(worker, task);
      worker.ref();
      worker.postMessage({ id: task.id, input: task.input });
    }
    if (this.running.size === 0 && this.idle.length) {
      this.idleTimer = setTimeout(() => void this.stopIdle(), this.opts.idleMs);
      this.idleTimer.unref();
    }
  }

  private start(): Worker {
    const worker = this.opts.spawn();
    const died = (why: string, code?: string) => {
      const i = this.idle.indexOf(worker);
      if (i >= 0) this.idle.splice(i, 1);
      const task = this.running.get(worker);
      this.running.delete(worker);
      task?.reject(new WorkerDied(`the worker stopped (${why})`, code));
      if (!this.closed) this.dispatch();
    };
    worker.on('message', (reply: TaskReply<O> | TaskProgress) => {
      const task = this.running.get(worker);
      if (!task || task.id !== reply.id) return;
      if ('progress' in reply) return task.opts.onProgress?.(reply.progress);
      this.running.delete(worker);
      if (reply.ok) task.resolve(reply.value);
      else task.reject(reply.code ? new AppError(reply.code, reply.message) : new Error(reply.message));
      this.idle.push(worker);
      worker.unref();
      this.dispatch();
    });
    worker.on('error', (e: Error & { code?: string }) => died(e.message, e.code));
    worker.on('exit', (code) => died(`exit code ${code}`));
    return worker;
  }

  private async stopIdle(): Promise<void> {
    const stopping = this.idle.splice(0);
    await Promise.all(stopping.map((w) => w.terminate()));
  }

  /** Stop every worker; tasks still queued or running fail. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    for (const t of this.queue.splice(0)) t.reject(new Error('the worker pool is closed'));
    const all = [...this.idle.splice(0), ...this.running.keys()];
    await Promise.all(all.map((w) => w.terminate()));
  }
}

/**
 * The worker's side: answer each task with `fn`, reporting errors (with an AppError's code) instead of dying.
 * `progress` sends a report to the task's `onProgress` (RunOptions).
 */
export function serveTasks<I, O>(
  port: { on: (e: 'message', l: (m: { id: number; input: I }) => void) => void; postMessage: (m: TaskReply<O> | TaskProgress) => void },
  fn: (input: I, task: { progress: (p: unknown) => void }) => O | Promise<O>,
): void {
  port.on('message', async ({ id, input }) => {
    try {
      port.postMessage({ id, ok: true, value: await fn(input, { progress: (progress) => port.postMessage({ id, progress }) }) });
    } catch (e) {
      port.postMessage({ id, ok: false, code: isAppError(e) ? e.code : undefined, message: (e as Error)?.message ?? String(e) });
    }
  });
}
