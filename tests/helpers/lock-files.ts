import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { layout } from '../../src-main/services/store/notebook-layout';
import type { LockInfo } from '../../src-main/services/store/notebook-lock';

/** Generation `n` of a notebook's lock as another process would have left it (see notebook-lock.ts). */
export function writeLockGeneration(root: string, n: number, info: Partial<LockInfo> & { pid: number }): string {
  const dir = layout(root).lock;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, String(n));
  const full: LockInfo = { hostname: hostname(), startedAt: '2026-11-22T00:00:00Z', holder: 'parallax import', ...info };
  writeFileSync(file, JSON.stringify(full), { mode: 0o600 });
  return file;
}

/** A process id that is certainly not running: a child that has already exited. */
export async function deadPid(): Promise<number> {
  const child = spawn('true');
  await new Promise((r) => child.once('exit', r));
  return child.pid!;
}
