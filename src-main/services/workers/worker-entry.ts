import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ResourceLimits } from 'node:worker_threads';
import { Worker } from 'node:worker_threads';

/**
 * Where a worker's code is: `out/main/<name>.js` in a build (this module then sits in out/main/chunks/ or
 * out/main/), or the TypeScript source when running from source (tests, benchmarks), which the worker
 * loads through tsx. `sourceDir` is the folder of the worker's .ts file (its caller's `import.meta.url`).
 */
export function findWorkerEntry(name: string, sourceUrl: string): URL | null {
  const candidates = [
    new URL(`./${name}.js`, import.meta.url),
    new URL(`../${name}.js`, import.meta.url),
    new URL(`./${name}.ts`, sourceUrl),
  ];
  for (const url of candidates) {
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return url;
  }
  return null;
}

/**
 * Start a worker from a built .js entry, or from TypeScript source through tsx. `resourceLimits` caps its
 * heap: a worker that reaches it stops with ERR_WORKER_OUT_OF_MEMORY, and the process goes on.
 */
export function startWorker(entry: URL, workerData: unknown, opts: { resourceLimits?: ResourceLimits } = {}): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData, ...opts });
  const tsxDir = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsx = pathToFileURL(join(tsxDir, 'dist/esm/api/index.mjs')).href;
  const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(boot, { eval: true, workerData, ...opts });
}
