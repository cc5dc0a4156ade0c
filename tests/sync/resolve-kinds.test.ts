/**
 * Every kind of conflict a sync records can be settled both ways: a story's name, a tag's colour, a saved
 * search and an annotation's note, between two notebooks on a real PostgreSQL (a throwaway cluster). Keeping
 * the side that was not kept sets it here, the next syncs carry it out, both copies agree with no new
 * conflict, and the undo puts the value and the conflict back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncConflict } from '../../src-main/contract';
import type { Backend } from '../../src-main/services/backend';
import { callOrThrow, useTeamDatabases } from '../helpers/team-databases';

const team = useTeamDatabases('kinds');
const call = callOrThrow;
const tick = () => new Promise((r) => setTimeout(r, 15));

describe('settling each kind of conflict, both ways', () => {
  let ada: Backend;
  let ben: Backend;
  let ids: string[];

  beforeAll(async () => {
    const remote = await team.database();
    ada = await team.notebook();
    ben = await team.notebook();
    await call(ada, 'notebook.importSample', {});
    ids = [...ada.store.entries()].map((e) => e.id).sort();
    await call(ada, 'notebook.sync', { remote, user: 'Ada' });
    await call(ben, 'notebook.sync', { remote, user: 'Ben' });
  });
  afterAll(async () => {
    await ada?.close();
    await ben?.close();
  });

  /** Ada edits first, Ben later; Ada syncs, then Ben: Ben's later edit is kept in his copy, Ada's is the other. */
  async function conflictOnBen(adaEdit: () => Promise<unknown>, benEdit: () => Promise<unknown>): Promise<SyncConflict> {
    await adaEdit();
    await tick();
    await benEdit();
    await call(ada, 'notebook.sync', {});
    const report = await call(ben, 'notebook.sync', {});
    expect(report.conflicts).toHaveLength(1);
    expect(report.conflicts[0]).toMatchObject({ keptSide: 'mine', otherAuthor: 'Ada' });
    return report.conflicts[0]!;
  }

  /** Keep theirs on Ben's copy, undo it, keep theirs again; then both copies agree on `read`, with no conflict left. */
  async function keepTheirs<T>(c: SyncConflict, read: (b: Backend) => Promise<T>, adas: T, bens: T) {
    const r = await call(ben, 'notebook.resolveConflict', { id: c.id, keep: 'theirs' });
    expect(r).toMatchObject({ applied: true, status: { conflicts: [] } });
    expect(await read(ben)).toEqual(adas);
    const back = await call(ben, 'notebook.restoreConflict', { conflict: r.resolved, applied: r.applied });
    expect(back.conflicts.map((x) => x.id)).toEqual([c.id]);
    expect(await read(ben)).toEqual(bens);
    await call(ben, 'notebook.resolveConflict', { id: c.id, keep: 'theirs' });
    await call(ben, 'notebook.sync', {});
    const adaReport = await call(ada, 'notebook.sync', {});
    expect(adaReport.conflicts).toEqual([]);
    for (const b of [ada, ben]) expect(await read(b)).toEqual(adas);
    expect((await call(ada, 'notebook.syncStatus', {})).conflicts).toEqual([]);
  }

  it("a story's name", async () => {
    const story = await call(ada, 'stories.create', { name: 'Border talks', articleIds: [ids[0]!] });
    await call(ada, 'notebook.sync', {});
    await call(ben, 'notebook.sync', {});
    const c = await conflictOnBen(
      () => call(ada, 'stories.rename', { id: story.id, name: 'Border talks (Ada)' }),
      () => call(ben, 'stories.rename', { id: story.id, name: 'Border talks (Ben)' }),
    );
    const name = async (b: Backend) => (await call(b, 'stories.list', {})).stories.find((s) => s.id === story.id)?.name;
    await keepTheirs(c, name, 'Border talks (Ada)', 'Border talks (Ben)');
  });

  it("a tag's colour", async () => {
    const c = await conflictOnBen(
      () => call(ada, 'tags.recolour', { tag: 'security', color: '#00aa00' }),
      () => call(ben, 'tags.recolour', { tag: 'security', color: '#0000aa' }),
    );
    const colour = async (b: Backend) => (await call(b, 'tags.list', {})).tags.find((t) => t.name === 'security')?.color ?? null;
    await keepTheirs(c, colour, '#00aa00', '#0000aa');
  });

  it('a saved search', async () => {
    await call(ada, 'search.saved.save', { name: 'Talks', query: 'security talks' });
    await call(ada, 'notebook.sync', {});
    await call(ben, 'notebook.sync', {});
    const c = await conflictOnBen(
      () => call(ada, 'search.saved.save', { name: 'Talks', query: 'security talks Ankara' }),
      () => call(ben, 'search.saved.save', { name: 'Talks', query: 'security talks Damascus' }),
    );
    const query = async (b: Backend) => (await call(b, 'search.saved.list', {})).find((s) => s.name === 'Talks')?.query;
    await keepTheirs(c, query, 'security talks Ankara', 'security talks Damascus');
  });

  it("an annotation's note", async () => {
    const body = (await call(ada, 'articles.get', { id: ids[1]! })).body;
    const note = await call(ada, 'annotations.create', { articleId: ids[1]!, target: { start: 0, end: Math.min(30, body.length) }, note: 'First reading' });
    await call(ada, 'notebook.sync', {});
    await call(ben, 'notebook.sync', {});
    const c = await conflictOnBen(
      () => call(ada, 'annotations.update', { id: note.id, patch: { note: 'Ada: confirmed by the ministry' } }),
      () => call(ben, 'annotations.update', { id: note.id, patch: { note: 'Ben: not confirmed' } }),
    );
    const text = async (b: Backend) => {
      const a = (await call(b, 'annotations.list', { articleId: ids[1]! })).items.find((x) => x.id === note.id);
      return a && { note: a.note, anchor: a.anchor.status };
    };
    await keepTheirs(c, text, { note: 'Ada: confirmed by the ministry', anchor: 'ok' }, { note: 'Ben: not confirmed', anchor: 'ok' });
  });

  it('an undo whose conflict was altered is refused, and the notebook is unchanged', async () => {
    const forged: SyncConflict = {
      id: 'f0f0f0f0f0f0',
      at: '2026-12-02T10:00:00.000Z',
      kind: 'tag-colour',
      articleId: null,
      detail: 'security',
      kept: 'red',
      other: '#123456',
      otherAuthor: 'Mallory',
      theirsAt: '2026-12-02T10:00:00.000Z',
      keptSide: 'mine',
    };
    const before = (await call(ben, 'tags.list', {})).tags.find((t) => t.name === 'security')?.color;
    await expect(call(ben, 'notebook.restoreConflict', { conflict: forged, applied: true })).rejects.toMatchObject({ message: expect.stringMatching(/#rrggbb; the notebook is unchanged/) });
    expect((await call(ben, 'tags.list', {})).tags.find((t) => t.name === 'security')?.color).toBe(before);
    expect((await call(ben, 'notebook.syncStatus', {})).conflicts.map((x) => x.id)).not.toContain(forged.id);
  });
});
