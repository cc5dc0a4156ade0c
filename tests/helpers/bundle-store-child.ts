import { spawnSync } from 'node:child_process';
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { ChildOutcome, ChildTask } from './store-child';

export type { ChildOutcome, ChildTask };

/**
 * Bundle tests/helpers/store-child.ts into one readable file in `dir` (esbuild, which tsx already brings),
 * so the child runs as any user from a folder that user can read. Returns its path.
 */
export async function bundleStoreChild(dir: string): Promise<string> {
  const outfile = join(dir, 'store-child.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./store-child.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'silent',
    // Bundled CommonJS dependencies call require(); an ES module has none of its own.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  chmodSync(outfile, 0o644);
  return outfile;
}

export type ChildRun = { outcome: ChildOutcome | null; signal: NodeJS.Signals | null; stderr: string };

/** Run the bundled child with `prefix` before node (setpriv, a shell that lowers a limit) and extra env. */
export function runStoreChild(
  child: string,
  task: ChildTask,
  opts: { prefix?: string[]; node?: string; env?: NodeJS.ProcessEnv } = {},
): ChildRun {
  const [cmd, ...args] = [...(opts.prefix ?? []), opts.node ?? process.execPath, child, JSON.stringify(task)];
  const r = spawnSync(cmd!, args, { encoding: 'utf8', env: { ...process.env, ...opts.env }, timeout: 60_000 });
  const line = r.stdout.trim().split('\n').pop();
  return { outcome: line ? (JSON.parse(line) as ChildOutcome) : null, signal: r.signal, stderr: r.stderr };
}
