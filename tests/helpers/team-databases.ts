import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { MethodName, MethodOutput } from '../../src-main/contract';
import type { Backend } from '../../src-main/services/backend';
import { openBackend } from '../../src-main/services/backend';
import { callHandler } from './api';
import type { PgCluster } from './pg-cluster';
import { startPgCluster } from './pg-cluster';

/**
 * What a team-sync test file needs: one throwaway PostgreSQL cluster for the file, a fresh database on it
 * per test (`<prefix>1`, `<prefix>2`…), and temp folders for the notebooks that meet there; the cluster is
 * stopped and the folders removed after the file.
 */
export function useTeamDatabases(prefix: string): {
  cluster: () => PgCluster;
  database: () => Promise<string>;
  tempDir: () => string;
  notebook: (dir?: string) => Promise<Backend>;
} {
  let started: PgCluster | undefined;
  const dirs: string[] = [];
  let count = 0;
  beforeAll(async () => {
    started = await startPgCluster();
  });
  afterAll(async () => {
    await started?.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  const cluster = () => {
    if (!started) throw new Error('The test cluster has not started (useTeamDatabases registers it in beforeAll).');
    return started;
  };
  const tempDir = () => {
    const d = mkdtempSync(join(tmpdir(), `parallax-sync-${prefix}-`));
    dirs.push(d);
    return d;
  };
  return {
    cluster,
    database: async () => {
      const name = `${prefix}${++count}`;
      await cluster().createDatabase(name);
      return cluster().url(name);
    },
    tempDir,
    /** A notebook in a fresh temp folder (or `dir`'s, to open it again), indexed in this thread. */
    notebook: (dir = tempDir()) =>
      openBackend(join(dir, 'nb'), { create: true, durability: 'none', search: { runIn: 'inline', waitForIndexMs: Infinity } }),
  };
}

/** A method through the one dispatcher, as every transport calls it (validated, defaults given); a refusal throws with its code. */
export async function callOrThrow<M extends MethodName>(b: Backend, method: M, input: unknown): Promise<MethodOutput<M>> {
  const r = await callHandler(b.handlers, method, input);
  if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
  return r.value;
}
