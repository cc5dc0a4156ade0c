/**
 * Exactly one writer after a crash. A process holding a notebook's lock is SIGKILLed, and many processes
 * then try to take the stale lock at the same moment: one must win and every other must be told LOCKED,
 * naming the winner. Then the same with two real `parallax serve` processes started together, and a write
 * acknowledged by the one that serves must be in the notebook afterwards.
 *
 * STALE_LOCK_TRIALS (default 21; a third as many with folders) and STALE_SERVE_ROUNDS (default 3) change how many runs.
 */
import type { ChildProcess } from 'node:child_process';
import { fork } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../src-main/services/backend';
import { layout } from '../../src-main/services/store/notebook-layout';
import { cli } from '../helpers/run-cli';
import { useTempDirs } from '../helpers/temp-dir';
import type { Server } from './crash-harness';
import { killHard, startServe } from './crash-harness';
import type { FromContender, ToContender } from './lock-contender';

const tempDir = useTempDirs();
const CONTENDERS = 12;
const TRIALS = Number(process.env.STALE_LOCK_TRIALS ?? 21);
const SERVE_ROUNDS = Number(process.env.STALE_SERVE_ROUNDS ?? 3);

const contractErrors = fileURLToPath(new URL('../../src-main/contract/errors.ts', import.meta.url));
let script = '';
let bundleDir = '';
const all = new Set<ChildProcess>();

beforeAll(async () => {
  bundleDir = mkdtempSync(join(tmpdir(), 'parallax-contender-')); // kept for every test of the file
  script = join(bundleDir, 'lock-contender.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./lock-contender.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: script,
    logLevel: 'silent',
    // The lock needs only AppError from the contract. The contract's barrel would also load zod and every
    // schema (~0.3 s of CPU a process, and every trial starts a fresh one), so it resolves to errors.ts here;
    // a lock that used more of the contract would fail this build ("No matching export").
    plugins: [
      {
        name: 'contract-errors-only',
        setup(b) {
          b.onResolve({ filter: /\/contract$/ }, () => ({ path: contractErrors }));
        },
      },
    ],
  });
});
afterAll(() => {
  for (const c of all) c.kill('SIGKILL');
  rmSync(bundleDir, { recursive: true, force: true });
});

type Contender = { child: ChildProcess; pid: number; ask: (m: ToContender) => Promise<FromContender> };

/** A contender answers each message once, in order; `ask` sends one and waits for its answer. */
function startContender(): Promise<Contender> {
  const child = fork(script, [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  all.add(child);
  const waiting: Array<{ resolve: (m: FromContender) => void; reject: (e: Error) => void }> = [];
  child.on('message', (m: FromContender) => waiting.shift()?.resolve(m));
  child.once('exit', (code, signal) => {
    all.delete(child);
    for (const w of waiting.splice(0)) w.reject(new Error(`a contender ended (${code ?? signal}) before answering`));
  });
  const next = () => new Promise<FromContender>((resolve, reject) => waiting.push({ resolve, reject }));
  const ask = (m: ToContender) => {
    const answer = next();
    child.send(m);
    return answer;
  };
  return next().then((m) => {
    if (m.kind !== 'ready') throw new Error(`a contender said ${m.kind} first`);
    return { child, pid: m.pid, ask };
  });
}

function kill(c: Contender): Promise<void> {
  return new Promise((resolve) => {
    if (c.child.exitCode !== null || c.child.signalCode !== null) return resolve();
    c.child.once('exit', () => resolve());
    c.child.kill('SIGKILL');
  });
}

const race = (cs: Contender[], root: string, hardLinks = true) => {
  const at = Date.now() + 150; // the shared start: every contender is idle, so the message reaches it by then
  return Promise.all(cs.map((c) => c.ask({ kind: 'race', root, at, hardLinks }))) as Promise<
    Array<Extract<FromContender, { kind: 'result' }>>
  >;
};

describe('taking over a stale lock', () => {
  // Generations made by hard links, and (a third as many trials) as folders, the way without hard links.
  it.each([
    { how: 'hard links', hardLinks: true, trials: TRIALS },
    { how: 'folders renamed into place', hardLinks: false, trials: Math.ceil(TRIALS / 3) },
  ])(
    `${CONTENDERS} processes at once against the lock of a killed holder ($how): exactly one writer, $trials times`,
    async ({ hardLinks, trials }) => {
      const root = join(tempDir(), 'nb');
      mkdirSync(root);
      // The first holder takes the lock alone and is killed holding it.
      const first = await startContender();
      expect((await race([first], root, hardLinks))[0]).toMatchObject({ won: true });
      await kill(first);

      let pool = await Promise.all(Array.from({ length: CONTENDERS }, startContender));
      // Replacements start while a trial runs, so a trial rarely waits for one to load.
      const spares = [startContender(), startContender()];
      const replacement = () => {
        spares.push(startContender());
        return spares.shift()!;
      };
      const winnersPerTrial: number[] = [];
      for (let trial = 0; trial < trials; trial++) {
        const results = await race(pool, root, hardLinks);
        const winners = results.filter((r) => r.won);
        winnersPerTrial.push(winners.length);
        for (const loser of results.filter((r) => !r.won)) {
          expect(loser.code, loser.message).toBe('LOCKED');
          if (winners.length === 1) expect(loser.message).toContain(`in use by a lock contender (process ${winners[0]!.pid}`);
        }
        // The winners crash holding the lock, which the next trial takes over; fresh processes replace them.
        const won = pool.filter((c) => winners.some((w) => w.pid === c.pid));
        await Promise.all(won.map(kill));
        pool = [...pool.filter((c) => !won.includes(c)), ...(await Promise.all(won.map(replacement)))];
      }
      await Promise.all([...pool, ...(await Promise.all(spares))].map(kill));
      const bad = winnersPerTrial.filter((n) => n !== 1).length;
      expect(bad, `writers per trial: ${winnersPerTrial.join(' ')}`).toBe(0);
      // The clean-up kept the folder small: the newest generation and, at most, leftovers of the last race.
      expect(readdirSync(layout(root).lock).length).toBeLessThanOrEqual(CONTENDERS);
    },
    120_000,
  );

  it('a holder that exits without releasing leaves its generation marked free; a released one is taken next', async () => {
    const root = join(tempDir(), 'nb');
    mkdirSync(root);
    const [a, b] = await Promise.all([startContender(), startContender()]);
    expect((await race([a!], root))[0]).toMatchObject({ won: true });
    expect((await race([b!], root))[0]).toMatchObject({ won: false, code: 'LOCKED' });
    await new Promise<void>((resolve) => {
      a!.child.once('exit', () => resolve());
      a!.child.send({ kind: 'exit' });
    });
    const files = readdirSync(layout(root).lock);
    expect(files).toEqual(['1']);
    expect(JSON.parse(readFileSync(join(layout(root).lock, '1'), 'utf8'))).toMatchObject({ pid: a!.pid, releasedAt: expect.any(String) });
    expect((await race([b!], root))[0]).toMatchObject({ won: true });
    expect(await b!.ask({ kind: 'release' })).toEqual({ kind: 'released' });
    expect(readdirSync(layout(root).lock)).toEqual(['2']);
    await kill(b!);
  });

  it(`two real "parallax serve" started together on a stale lock: one serves, the other exits LOCKED, nothing acknowledged is lost (${SERVE_ROUNDS} rounds)`, async () => {
    const root = join(tempDir(), 'nb');
    expect((await cli(['init', '--notebook', root])).code).toBe(0);
    let holder: Server = await startServe(root);
    const acknowledged: string[] = [];
    try {
      for (let round = 0; round < SERVE_ROUNDS; round++) {
        await killHard(holder.child); // crashes holding the lock
        const started = await Promise.allSettled([startServe(root), startServe(root)]);
        const serving = started.filter((s): s is PromiseFulfilledResult<Server> => s.status === 'fulfilled').map((s) => s.value);
        const refused = started.filter((s): s is PromiseRejectedResult => s.status === 'rejected').map((s) => String(s.reason));
        if (serving.length !== 1) await Promise.all(serving.map((s) => killHard(s.child)));
        expect(serving.length, `round ${round}: ${refused.join(' | ')}`).toBe(1);
        expect(refused[0]).toMatch(/exited with 1: .*in use by web mode \(process \d+/s);
        holder = serving[0]!;
        const text = `Stale lock round ${round}\n\nA story acknowledged by the only writer, round ${round}, word staleround${round}.\n`;
        const r = (await holder.api('articles.importFiles', {
          files: [{ name: `round-${round}.txt`, contentBase64: Buffer.from(text).toString('base64') }],
        })) as { ok: boolean; value: { imported: Array<{ id: string }> } };
        expect(r.ok).toBe(true);
        acknowledged.push(r.value.imported[0]!.id);
      }
    } finally {
      await killHard(holder.child);
    }
    const reopened = await openBackend(root, { lockAs: 'the check', durability: 'none' });
    try {
      for (const id of acknowledged) expect(reopened.store.entry(id), id).toBeTruthy();
    } finally {
      await reopened.close();
    }
  }, 120_000);
});
