/**
 * Crash harness: a real `parallax serve` process on a notebook, a stream of writes through its HTTP API,
 * and SIGKILL at a random moment, or (the store's fault point) right after an article file is written and
 * before its catalog row. After each kill the notebook is reopened and checked. Operations are pluggable
 * so every kind of write (imports, metadata edits, annotation edits, tag renames) is exercised.
 */
import { existsSync } from 'node:fs';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Api } from '../helpers/serve-process';
import { spawnServe } from '../helpers/serve-process';

const built = fileURLToPath(new URL('../../out/main/cli.js', import.meta.url));
const sourceLauncher = fileURLToPath(new URL('../helpers/parallax-from-source.mjs', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/parallax.mjs', import.meta.url));
/** The built CLI when there is one (npm test builds first; it starts in a third of a second), else the sources via tsx. */
const command = existsSync(built) ? [bin] : ['--import', 'tsx', sourceLauncher];

export type { Api };

export type Server = { child: ChildProcessWithoutNullStreams; api: Api };

/** `env` is added to the server's (the harness's fault point: PARALLAX_CRASH_TEST_KILL_AFTER_ARTICLE_WRITE). */
export async function startServe(notebook: string, env?: NodeJS.ProcessEnv): Promise<Server> {
  const { child, api } = await spawnServe(command, notebook, [], undefined, env);
  return { child, api };
}

export function killHard(child: ChildProcessWithoutNullStreams): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/** Deterministic pseudo-random numbers, so a failing run can be replayed with the same seed. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * One kind of write. `step` performs one write and records what was acknowledged; `check` verifies, on
 * the reopened notebook, that every acknowledged write is there.
 */
export type Operation<State> = {
  name: string;
  step: (api: Api, state: State, n: number) => Promise<void>;
};

/** The server answered but refused a write the harness expected to succeed: a real failure, not a kill. */
export class Refused extends Error {}

/** Run `op` steps against the server until it is killed (the kill comes from outside, at a random time). */
export async function streamUntilKilled<State>(
  api: Api,
  ops: Array<Operation<State>>,
  state: State,
  pick: () => number,
  /** Called once, after the first write the server acknowledged (kill timers start here, not at spawn). */
  onFirstAck: () => void = () => {},
): Promise<number> {
  let n = 0;
  for (;;) {
    const op = ops[Math.floor(pick() * ops.length)]!;
    try {
      await op.step(api, state, n++);
      if (n === 1) onFirstAck();
    } catch (e) {
      if (e instanceof Refused) throw e;
      return n; // the connection died with the server: stop, nothing after this was acknowledged
    }
  }
}
