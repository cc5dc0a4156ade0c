import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError, isAppError } from '../../contract';
import { WorkerDied, WorkerPool } from './worker-pool';

/**
 * A worker written inline (plain JS, so no tsx): doubles numbers, throws for "bad", answers with an
 * AppError-shaped error for "app", exits for "die", and reports its thread id for "who".
 */
const source = `
const { parentPort, threadId } = require('node:worker_threads');
parentPort.on('message', ({ id, input }) => {
  if (input === 'die') process.exit(3);
  if (input === 'bad') return parentPort.postMessage({ id, ok: false, message: 'bad input' });
  if (input === 'app') return parentPort.postMessage({ id, ok: false, code: 'TOO_LARGE', message: 'too big' });
  if (input === 'who') return setTimeout(() => parentPort.postMessage({ id, ok: true, value: threadId }), 20);
  if (input === 'spin') { parentPort.postMessage({ id, progress: 'spinning' }); for (;;); }
  if (input === 'steps') { for (let i = 1; i <= 3; i++) parentPort.postMessage({ id, progress: i }); return parentPort.postMessage({ id, ok: true, value: 'done' }); }
  parentPort.postMessage({ id, ok: true, value: input * 2 });
});`;

let spawned = 0;
const spawn = () => {
  spawned++;
  return new Worker(source, { eval: true });
};
let pool: WorkerPool<unknown, unknown>;
afterEach(async () => {
  await pool?.close();
  spawned = 0;
});

describe('WorkerPool', () => {
  it('answers every task, in order of the promises, with at most `size` workers', async () => {
    pool = new WorkerPool({ spawn, size: 2, idleMs: 10_000 });
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => pool.run(i)));
    expect(results).toEqual(Array.from({ length: 50 }, (_, i) => i * 2));
    expect(spawned).toBe(2);
    expect(pool.workers).toBe(2);
  });

  it('spreads concurrent tasks over several workers', async () => {
    pool = new WorkerPool({ spawn, size: 3, idleMs: 10_000 });
    const threads = await Promise.all(Array.from({ length: 6 }, () => pool.run('who')));
    expect(new Set(threads).size).toBe(3);
  });

  it('reports a task error as an error, keeping an AppError code, and goes on working', async () => {
    pool = new WorkerPool({ spawn, size: 1, idleMs: 10_000 });
    await expect(pool.run('bad')).rejects.toThrow('bad input');
    const app = await pool.run('app').catch((e: unknown) => e);
    expect(isAppError(app)).toBe(true);
    expect(app).toBeInstanceOf(AppError);
    expect((app as AppError).code).toBe('TOO_LARGE');
    expect(await pool.run(21)).toBe(42);
    expect(spawned).toBe(1);
  });

  it('fails the task of a worker that dies with WorkerDied and replaces the worker', async () => {
    pool = new WorkerPool({ spawn, size: 1, idleMs: 10_000 });
    const [died, after] = await Promise.allSettled([pool.run('die'), pool.run(5)]);
    expect(died.status).toBe('rejected');
    expect((died as PromiseRejectedResult).reason).toBeInstanceOf(WorkerDied);
    expect(after).toEqual({ status: 'fulfilled', value: 10 });
    expect(spawned).toBe(2);
  });

  it('stops idle workers after idleMs and starts new ones on demand', async () => {
    pool = new WorkerPool({ spawn, size: 2, idleMs: 50 });
    await Promise.all([pool.run(1), pool.run(2)]);
    expect(pool.workers).toBe(2);
    await new Promise((r) => setTimeout(r, 300));
    expect(pool.workers).toBe(0);
    expect(await pool.run(4)).toBe(8);
    expect(spawned).toBe(3);
  });

  it('passes a task the reports its worker sends while it works', async () => {
    pool = new WorkerPool({ spawn, size: 1, idleMs: 10_000 });
    const seen: unknown[] = [];
    expect(await pool.run('steps', { onProgress: (p) => seen.push(p) })).toBe('done');
    expect(seen).toEqual([1, 2, 3]);
  });

  it('aborts a running task by terminating its worker (even one that never yields), then goes on with a new one', async () => {
    pool = new WorkerPool({ spawn, size: 1, idleMs: 10_000 });
    const controller = new AbortController();
    const spinning = pool.run('spin', { signal: controller.signal, onProgress: () => controller.abort(new Error('stop it')) });
    const queued = pool.run(21);
    await expect(spinning).rejects.toThrow('stop it');
    expect(await queued).toBe(42);
    expect(spawned).toBe(2);
    expect(pool.workers).toBe(1);
  });

  it('drops an aborted task that was still queued, without touching the running one', async () => {
    pool = new WorkerPool({ spawn, size: 1, idleMs: 10_000 });
    const controller = new AbortController();
    const running = pool.run('who');
    const queued = pool.run(1, { signal: controller.signal });
    controller.abort(new Error('not wanted'));
    await expect(queued).rejects.toThrow('not wanted');
    expect(typeof (await running)).toBe('number');
    expect(spawned).toBe(1);
    await expect(pool.run(2, { signal: controller.signal })).rejects.toThrow('not wanted');
  });

  it('starts a worker ahead of work with warm(), and uses it for the next task', async () => {
    pool = new WorkerPool({ spawn, size: 1, idleMs: 10_000 });
    pool.warm();
    expect(pool.workers).toBe(1);
    const [warmed] = pool.threadIds;
    expect(await pool.run('who')).toBe(warmed);
    pool.warm();
    expect(spawned).toBe(1);
  });

  it('refuses work once closed and fails what was queued', async () => {
    pool = new WorkerPool({ spawn, size: 1, idleMs: 10_000 });
    const settled = Promise.allSettled([pool.run('who'), pool.run(1), pool.run(2)]);
    await pool.close();
    expect((await settled).every((s) => s.status === 'rejected')).toBe(true);
    await expect(pool.run(1)).rejects.toThrow('closed');
  });
});
