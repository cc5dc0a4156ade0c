/**
 * An incremental sync does only the work of what changed: a copy that pushed with nobody else pushing in
 * between does not pull its own changes back (at 100k articles that pull took a minute), and one that
 * was overtaken still pulls and merges everything after what it had applied.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../src-main/services/backend';
import { openBackend } from '../../src-main/services/backend';
import type { SyncOptions } from '../../src-main/services/sync/sync-notebook';
import { syncNotebook } from '../../src-main/services/sync/sync-notebook';
import { useTeamDatabases } from '../helpers/team-databases';

const team = useTeamDatabases('incr');
const open = (path: string): Promise<Backend> => openBackend(path, { create: true, durability: 'none' });

/** How many changes each phase moved, batch by batch. */
function counting(): { moved: { pull: number; push: number }; options: SyncOptions } {
  const moved = { pull: 0, push: 0 };
  return { moved, options: { batch: 2, onBatch: (phase, n) => void (moved[phase] += n) } };
}

describe('incremental sync', () => {
  it("a copy nobody overtook moves past its own pushed changes: the next syncs pull nothing back", async () => {
    const remote = await team.database();
    const ada = await open(join(team.tempDir(), 'ada'));
    try {
      await ada.handlers['notebook.importSample']({});
      const first = await syncNotebook(ada.store, { remote, user: 'Ada' }, { batch: 2 });
      expect(first.pushed.articles).toBe(5);
      // Caught up with everything it pushed, batch after batch.
      expect(first.lastSeq).toBeGreaterThanOrEqual(5);
      const again = counting();
      const second = await syncNotebook(ada.store, {}, again.options);
      expect(again.moved).toEqual({ pull: 0, push: 0 });
      expect(second.lastSeq).toBe(first.lastSeq);

      const id = [...ada.store.entries()][0]!.id;
      await ada.handlers['articles.update']({ id, patch: { author: 'Staff reporter' } });
      const one = counting();
      const third = await syncNotebook(ada.store, {}, one.options);
      expect(one.moved).toEqual({ pull: 0, push: 1 });
      expect(third.lastSeq).toBe(first.lastSeq + 1);
    } finally {
      await ada.close();
    }
  });

  it('a copy another pushed after still pulls everything after what it had, its own too, and both agree', async () => {
    const remote = await team.database();
    const ada = await open(join(team.tempDir(), 'ada'));
    const ben = await open(join(team.tempDir(), 'ben'));
    try {
      await ada.handlers['notebook.importSample']({});
      await syncNotebook(ada.store, { remote, user: 'Ada' });
      await syncNotebook(ben.store, { remote, user: 'Ben' });
      const id = [...ada.store.entries()][0]!.id;
      await ben.handlers['articles.tag']({ id, add: ['from-ben'], remove: [] });
      await syncNotebook(ben.store, {});
      await ada.handlers['articles.tag']({ id, add: ['from-ada'], remove: [] });
      // Ada pulls Ben's change first, so her push finds the server caught up again.
      const ada1 = counting();
      await syncNotebook(ada.store, {}, ada1.options);
      expect(ada1.moved).toEqual({ pull: 1, push: 1 });
      // Ben was overtaken by Ada's push: he pulls it and moves on.
      const ben1 = counting();
      await syncNotebook(ben.store, {}, ben1.options);
      expect(ben1.moved).toEqual({ pull: 1, push: 0 });
      for (const b of [ada, ben]) expect((await b.handlers['articles.get']({ id })).tags).toEqual(expect.arrayContaining(['from-ada', 'from-ben']));
      const ben2 = counting();
      await syncNotebook(ben.store, {}, ben2.options);
      expect(ben2.moved).toEqual({ pull: 0, push: 0 });
    } finally {
      await ada.close();
      await ben.close();
    }
  });
});
