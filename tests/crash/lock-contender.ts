/**
 * One process that tries to take a notebook's lock when told, for tests/crash/stale-lock.test.ts. It talks
 * over the IPC channel: `ready` once loaded; `race` → waits for the shared start time, calls `acquireLock`,
 * answers `result`; `release` → lets go; `exit` → exits normally without releasing (the exit handler's case).
 * Bundled into one plain script by the test, so a dozen of them start in a fraction of a second.
 */
import type { NotebookLock } from '../../src-main/services/store/notebook-lock';
import { acquireLock } from '../../src-main/services/store/notebook-lock';

export type ToContender = { kind: 'race'; root: string; at: number; hardLinks?: boolean } | { kind: 'release' } | { kind: 'exit' };
export type FromContender =
  { kind: 'ready'; pid: number } | { kind: 'result'; pid: number; won: boolean; code?: string; message?: string } | { kind: 'released' };

const send = (m: FromContender) => process.send!(m);
let lock: NotebookLock | null = null;

/** Sleep until shortly before `at`, then spin, so every contender calls acquireLock within a millisecond or so. */
async function waitUntil(at: number): Promise<void> {
  const early = at - Date.now() - 15;
  if (early > 0) await new Promise((r) => setTimeout(r, early));
  while (Date.now() < at) {
    /* spin */
  }
}

process.on('message', async (m: ToContender) => {
  if (m.kind === 'race') {
    await waitUntil(m.at);
    try {
      lock = await acquireLock(m.root, 'a lock contender', { hardLinks: m.hardLinks });
      send({ kind: 'result', pid: process.pid, won: true });
    } catch (e) {
      const err = e as { code?: string; message?: string };
      send({ kind: 'result', pid: process.pid, won: false, code: err.code, message: err.message });
    }
  } else if (m.kind === 'release') {
    await lock?.release();
    lock = null;
    send({ kind: 'released' });
  } else {
    process.exit(0);
  }
});
send({ kind: 'ready', pid: process.pid });
