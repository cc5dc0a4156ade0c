import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
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
  return {
    cluster,
    database: async () => {
      const name = `${prefix}${++count}`;
      await cluster().createDatabase(name);
      return cluster().url(name);
    },
    tempDir: () => {
      const d = mkdtempSync(join(tmpdir(), `parallax-sync-${prefix}-`));
      dirs.push(d);
      return d;
    },
  };
}
