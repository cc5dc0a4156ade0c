/**
 * A sync cut off by the server (a restart, a dropped connection) loses nothing and duplicates nothing; two
 * laptops syncing at the same moment both succeed; the CLI prints what moved and remembers the remote.
 */
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../src-main/services/backend';
import { openBackend } from '../../src-main/services/backend';
import { syncNotebook } from '../../src-main/services/sync/sync-notebook';
import { cli } from '../helpers/run-cli';
import { useTeamDatabases } from '../helpers/team-databases';

const team = useTeamDatabases('faults');
const { tempDir, database } = team;
const open = (path: string): Promise<Backend> => openBackend(path, { create: true, durability: 'none' });
const ids = (b: Backend) => [...b.store.entries()].map((e) => e.id).sort();

async function changeCount(url: string): Promise<{ all: number; distinct: number }> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query<{ all: number; distinct: number }>(
      `SELECT count(*)::int AS all, count(DISTINCT (device, kind, key, body))::int AS distinct FROM parallax_changes`,
    );
    return r.rows[0]!;
  } finally {
    await c.end();
  }
}

/** A fresh team database, Ada's notebook holding the sample and Ben's empty one, both closed after `fn`. */
async function withTwoNotebooks(fn: (remote: string, ada: Backend, ben: Backend) => Promise<void>): Promise<void> {
  const remote = await database();
  const ada = await open(join(tempDir(), 'ada'));
  const ben = await open(join(tempDir(), 'ben'));
  try {
    await ada.handlers['notebook.importSample']({});
    await fn(remote, ada, ben);
  } finally {
    await ada.close();
    await ben.close();
  }
}

describe('the server goes away mid-sync', () => {
  it('a server restart mid-push: a clear error, and the next sync finishes without duplicates', () =>
    withTwoNotebooks(async (remote, ada, ben) => {
      let batches = 0;
      await expect(
        syncNotebook(
          ada.store,
          { remote, user: 'Ada' },
          { batch: 2, onBatch: async () => void (++batches === 2 && (await team.cluster().restart())) },
        ),
      ).rejects.toMatchObject({ code: 'UNREACHABLE', message: expect.stringMatching(/lost mid-sync; run the sync again/) });
      const report = await syncNotebook(ada.store, {}, { batch: 2 });
      expect(report.pushed.articles).toBeLessThan(5);
      await syncNotebook(ben.store, { remote, user: 'Ben' });
      expect(ids(ben)).toEqual(ids(ada));
      const counts = await changeCount(remote);
      expect(counts.all).toBe(counts.distinct);
    }));

  it('a connection dropped mid-pull: the next sync resumes where it stopped', () =>
    withTwoNotebooks(async (remote, ada, ben) => {
      await syncNotebook(ada.store, { remote, user: 'Ada' });
      const admin = new pg.Client({ connectionString: remote });
      await admin.connect();
      let batches = 0;
      await expect(
        syncNotebook(
          ben.store,
          { remote, user: 'Ben' },
          {
            batch: 2,
            onBatch: async () => {
              if (++batches === 1)
                await admin.query(
                  `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'parallax' AND pid <> pg_backend_pid()`,
                );
            },
          },
        ),
      ).rejects.toMatchObject({ code: 'UNREACHABLE' });
      await admin.end();
      const partial = ids(ben).length;
      expect(partial).toBeGreaterThan(0);
      expect(partial).toBeLessThan(5);
      const report = await syncNotebook(ben.store, {});
      expect(report.pulled.articles).toBe(5 - partial);
      expect(ids(ben)).toEqual(ids(ada));
    }));
});

it('two laptops syncing at the same moment both succeed, and converge', () =>
  withTwoNotebooks(async (remote, ada, ben) => {
    await syncNotebook(ada.store, { remote, user: 'Ada' });
    await syncNotebook(ben.store, { remote, user: 'Ben' });
    const [id] = ids(ada) as [string];
    await ada.handlers['articles.tag']({ id, add: ['ada-tag'], remove: [] });
    await ben.handlers['articles.tag']({ id, add: ['ben-tag'], remove: [] });
    const both = await Promise.all([syncNotebook(ada.store, {}), syncNotebook(ben.store, {})]);
    expect(both.map((r) => r.pushed.tags)).toEqual([1, 1]);
    await syncNotebook(ada.store, {});
    await syncNotebook(ben.store, {});
    for (const b of [ada, ben]) expect((await b.store.readArticle(id)).tags).toEqual(expect.arrayContaining(['ada-tag', 'ben-tag']));
  }));

describe('parallax sync', () => {
  it('prints what was pushed and pulled, as JSON too, and remembers the remote', async () => {
    const remote = await database();
    const notebook = join(tempDir(), 'nb');
    expect((await cli(['init', '--sample', '--notebook', notebook])).code).toBe(0);
    const first = await cli(['sync', '--remote', remote, '--user', 'Ada', '--notebook', notebook]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      /^Set up the team database and synced with postgres:\/\/parallax_test@127\.0\.0\.1:\d+\/faults\d+ as Ada\n {2}pushed: 5 article\(s\)/,
    );
    const again = await cli(['sync', '--json', '--notebook', notebook]);
    expect(again.code).toBe(0);
    expect(again.json()).toMatchObject({ remote, user: 'Ada', created: false, pushed: { articles: 0 }, pulled: { articles: 0 } });
  });

  it('exits non-zero with the reason when the server cannot be reached', async () => {
    const notebook = join(tempDir(), 'nb');
    await cli(['init', '--sample', '--notebook', notebook]);
    const r = await cli(['sync', '--remote', 'postgres://ada@127.0.0.1:1/team', '--notebook', notebook]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/cannot be reached \(ECONNREFUSED\); the notebook is unchanged/);
  });
});
