import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { SyncStateFile } from './sync-state';

const tempDir = useTempDirs();

/** A conflict as Parallax recorded it before conflicts could be settled: no id, no time, no side. */
const old = { at: '2026-01-02T00:00:00.000Z', kind: 'article-meta', articleId: 'a1', detail: 'outlet', kept: 'AP', other: 'Reuters', otherAuthor: 'Ada' };

function notebookWith(conflicts: unknown[]): string {
  const root = tempDir();
  mkdirSync(join(root, 'sync'));
  writeFileSync(join(root, 'sync', 'state.json'), JSON.stringify({ version: 1, remote: null, user: null, device: 'd', lastSeq: 0, lastScanAt: null, shadows: {}, pushed: {}, conflicts, showOthers: true }));
  return root;
}

describe('conflicts in the sync state', () => {
  it('an older conflict gets an id from its content, the same at every open, so it can be settled', async () => {
    const root = notebookWith([old, { ...old, detail: 'title' }]);
    const first = (await SyncStateFile.open(root, root)).state.conflicts;
    const again = (await SyncStateFile.open(root, root)).state.conflicts;
    expect(first.map((c) => c.id)).toEqual(again.map((c) => c.id));
    expect(new Set(first.map((c) => c.id)).size).toBe(2);
    expect(first[0]).toMatchObject({ ...old, theirsAt: old.at, keptSide: 'mine' });
  });

  it('a settled conflict leaves the list and stays gone after a reopen; one put back in the same line returns', async () => {
    const root = notebookWith([{ ...old, id: 'c1', theirsAt: old.at, keptSide: 'mine' }]);
    const file = await SyncStateFile.open(root, root);
    await file.append({ resolved: ['c1'] });
    expect((await SyncStateFile.open(root, root)).state.conflicts).toEqual([]);
    const c = { ...old, id: 'c1', theirsAt: old.at, keptSide: 'mine' as const, kind: 'article-meta' as const };
    await file.append({ resolved: ['c1'], conflicts: [c] });
    expect((await SyncStateFile.open(root, root)).state.conflicts.map((x) => x.id)).toEqual(['c1']);
  });
});
