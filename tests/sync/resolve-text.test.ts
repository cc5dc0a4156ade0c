/**
 * A conflict over an article's text settles both ways, between two notebooks on a real PostgreSQL (a
 * throwaway cluster): the other copy's text is kept beside the conflict, Keep theirs makes it the article's
 * text with its annotations found again, the undo brings the text kept before back, and the next syncs
 * leave both copies with the same text and no conflict.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncConflict } from '../../src-main/contract';
import type { Backend } from '../../src-main/services/backend';
import { callOrThrow, useTeamDatabases } from '../helpers/team-databases';

const team = useTeamDatabases('text');
const call = callOrThrow;
const tick = () => new Promise((r) => setTimeout(r, 15));
const SENTENCE = 'Senior Syrian officials arrived in Turkey on Sunday for discussions about the security situation in Syria.';

describe("settling a conflict over an article's text", () => {
  let ada: Backend;
  let ben: Backend;
  let id: string;
  let raw: string;

  beforeAll(async () => {
    const remote = await team.database();
    ada = await team.notebook();
    ben = await team.notebook();
    await call(ada, 'notebook.importSample', {});
    id = [...ada.store.entries()].find((e) => e.title.startsWith('Syria FM leads security delegation'))!.id;
    await call(ada, 'annotations.create', { articleId: id, target: { quote: { exact: SENTENCE } }, note: 'Who went' });
    await call(ada, 'notebook.sync', { remote, user: 'Ada' });
    await call(ben, 'notebook.sync', { remote, user: 'Ben' });
    raw = (await call(ben, 'articles.get', { id })).raw;
  });
  afterAll(async () => {
    await ada?.close();
    await ben?.close();
  });

  const body = async (b: Backend) => (await call(b, 'articles.get', { id })).body;
  const anchors = async (b: Backend) => (await call(b, 'annotations.list', { articleId: id })).items.map((a) => [a.note, a.anchor.status]);

  it("keeps the later text, and Keep theirs (undoable) makes the other copy's the article's text", async () => {
    const adas = 'Ada added this paragraph before the officials arrived.\n\n';
    const bens = 'Ben added this paragraph before the officials arrived.\n\n';
    await call(ada, 'articles.replaceText', { id, source: 'edit', raw: raw.replace(SENTENCE, adas + SENTENCE) });
    await tick();
    await call(ben, 'articles.replaceText', { id, source: 'edit', raw: raw.replace(SENTENCE, bens + SENTENCE) });
    await call(ada, 'notebook.sync', {});
    const report = await call(ben, 'notebook.sync', {});
    expect(report.conflicts).toHaveLength(1);
    const c: SyncConflict = report.conflicts[0]!;
    expect(c).toMatchObject({ kind: 'article', articleId: id, detail: 'text', keptSide: 'mine', otherAuthor: 'Ada', textsKept: true });
    expect(c.kept).toMatch(/^\d+ words$/);
    // The texts are kept beside the conflict, not in it.
    expect(JSON.stringify(c).length).toBeLessThan(1000);
    expect(await body(ben)).toContain('Ben added this paragraph');

    const r = await call(ben, 'notebook.resolveConflict', { id: c.id, keep: 'theirs' });
    expect(r).toMatchObject({ applied: true, status: { conflicts: [] } });
    expect(await body(ben)).toContain('Ada added this paragraph');
    expect(await body(ben)).not.toContain('Ben added');
    expect(await anchors(ben)).toEqual([['Who went', 'ok']]);

    const back = await call(ben, 'notebook.restoreConflict', { conflict: r.resolved, applied: r.applied });
    expect(back.conflicts.map((x) => x.id)).toEqual([c.id]);
    expect(await body(ben)).toContain('Ben added this paragraph');
    expect(await anchors(ben)).toEqual([['Who went', 'ok']]);

    await call(ben, 'notebook.resolveConflict', { id: c.id, keep: 'theirs' });
    await call(ben, 'notebook.sync', {});
    expect((await call(ada, 'notebook.sync', {})).conflicts).toEqual([]);
    expect(await body(ada)).toBe(await body(ben));
    expect(await body(ada)).toContain('Ada added this paragraph');
    expect((await call(ada, 'notebook.syncStatus', {})).conflicts).toEqual([]);
  });

  it('a text conflict whose texts are not kept, or that names another file, is refused and the notebook is unchanged', async () => {
    const before = await body(ben);
    const forged: SyncConflict = {
      id: '0123456789ab',
      at: '2026-12-02T10:00:00.000Z',
      kind: 'article',
      articleId: id,
      detail: 'text',
      kept: '900 words',
      other: '910 words',
      otherAuthor: 'Mallory',
      theirsAt: '2026-12-02T10:00:00.000Z',
      keptSide: 'mine',
      textsKept: true,
    };
    const files = await readdir(join(ben.store.layout.root, 'sync'));
    for (const conflict of [forged, { ...forged, id: '../state' }])
      await expect(call(ben, 'notebook.restoreConflict', { conflict, applied: true })).rejects.toMatchObject({
        message: expect.stringMatching(/its texts are not kept in this notebook; the notebook is unchanged/),
      });
    expect(await body(ben)).toBe(before);
    expect((await call(ben, 'notebook.syncStatus', {})).conflicts).toEqual([]);
    expect(await readdir(join(ben.store.layout.root, 'sync'))).toEqual(files);
    // A kept text that is damaged (no analysis) is checked as a pulled text is, and changes nothing.
    await mkdir(join(ben.store.layout.root, 'sync', 'texts'), { recursive: true });
    await writeFile(join(ben.store.layout.root, 'sync', 'texts', 'abcdefabcdef.json'), JSON.stringify({ kept: { raw: 'x' }, other: { raw: 'y' } }));
    await expect(call(ben, 'notebook.restoreConflict', { conflict: { ...forged, id: 'abcdefabcdef' }, applied: true })).rejects.toMatchObject({
      message: expect.stringMatching(/its kept text is damaged .*; the notebook is unchanged/),
    });
    expect(await body(ben)).toBe(before);
    expect((await call(ben, 'notebook.syncStatus', {})).conflicts).toEqual([]);
  });
});
