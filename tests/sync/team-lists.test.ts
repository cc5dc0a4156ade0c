/**
 * Stories, tag colours, saved searches and who made each annotation, between two notebooks meeting in a
 * real PostgreSQL (a throwaway cluster), by the merge rules of ADR 007; and a team database of schema 1
 * migrated to 2 by the first sync of this Parallax.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../src-main/services/backend';
import { callOrThrow, useTeamDatabases } from '../helpers/team-databases';

const team = useTeamDatabases('lists');
const newDatabase = team.database;

const notebook = (dir?: string) => team.notebook(dir);
const call = callOrThrow;

const articleIds = (b: Backend) => [...b.store.entries()].map((e) => e.id).sort();
const storyNamed = async (b: Backend, id: string) => (await call(b, 'stories.list', {})).stories.find((s) => s.id === id);
const colourOf = async (b: Backend, tag: string) => (await call(b, 'tags.list', {})).tags.find((t) => t.name === tag)?.color ?? null;
const tick = () => new Promise((r) => setTimeout(r, 15));
/** Ada, then Ben, then Ada again: after this round both have everything. */
const round = async (ada: Backend, ben: Backend) => {
  await call(ada, 'notebook.sync', {});
  await call(ben, 'notebook.sync', {});
  await call(ada, 'notebook.sync', {});
};

describe('stories, tag colours and saved searches in a team notebook', () => {
  let ada: Backend;
  let ben: Backend;
  let ids: string[];
  let storyId: string;

  beforeAll(async () => {
    const remote = await newDatabase();
    ada = await notebook();
    ben = await notebook();
    await call(ada, 'notebook.importSample', {});
    ids = articleIds(ada);
    const story = await call(ada, 'stories.create', { name: 'Border talks', articleIds: [ids[0], ids[1]] });
    storyId = story.id;
    await call(ada, 'articles.tag', { id: ids[0], add: ['security'], remove: [] });
    await call(ada, 'tags.recolour', { tag: 'security', color: '#aa0000' });
    await call(ada, 'search.saved.save', { name: 'Talks', query: 'security coordination' });
    await call(ada, 'notebook.sync', { remote, user: 'Ada' });
    const pulled = await call(ben, 'notebook.sync', { remote, user: 'Ben' });
    expect(pulled.pulled).toMatchObject({ articles: 5, tagColours: 1, savedSearches: 1 });
  });
  afterAll(async () => {
    await ada?.close();
    await ben?.close();
  });

  it('the first sync brings the stories, colours and saved searches, with the same ids', async () => {
    expect(await storyNamed(ben, storyId)).toMatchObject({ name: 'Border talks', articleIds: [ids[0], ids[1]].sort() });
    expect(await colourOf(ben, 'security')).toBe('#aa0000');
    const saved = await call(ben, 'search.saved.list', {});
    expect(saved.map((s) => [s.name, s.query])).toEqual([['Talks', 'security coordination']]);
    expect(saved[0]!.id).toBe((await call(ada, 'search.saved.list', {}))[0]!.id);
  });

  it("a story's articles merge as sets: added on two laptops, both stay; one removed on one side goes", async () => {
    await call(ada, 'stories.add', { id: storyId, articleIds: [ids[2]] });
    await call(ben, 'stories.add', { id: storyId, articleIds: [ids[3]] });
    await call(ben, 'stories.remove', { id: storyId, articleIds: [ids[0]] });
    await round(ada, ben);
    for (const b of [ada, ben]) expect((await storyNamed(b, storyId))?.articleIds.sort()).toEqual([ids[1], ids[2], ids[3]].sort());
  });

  it('a story renamed in two places keeps the later name and records the other as a conflict', async () => {
    await call(ada, 'stories.rename', { id: storyId, name: 'Border talks (Ada)' });
    await tick();
    await call(ben, 'stories.rename', { id: storyId, name: 'Border talks (Ben)' });
    await call(ada, 'notebook.sync', {});
    const benReport = await call(ben, 'notebook.sync', {});
    expect(benReport.conflicts).toEqual([expect.objectContaining({ kind: 'story', articleId: null, detail: storyId, kept: 'Border talks (Ben)', other: 'Border talks (Ada)', otherAuthor: 'Ada' })]);
    await call(ada, 'notebook.sync', {});
    for (const b of [ada, ben]) expect((await storyNamed(b, storyId))?.name).toBe('Border talks (Ben)');
  });

  it('a story deleted on one side and given an article on the other comes back with it', async () => {
    await call(ben, 'stories.delete', { id: storyId });
    await call(ben, 'notebook.sync', {}); // the deletion reaches the server first
    await call(ada, 'stories.add', { id: storyId, articleIds: [ids[4]] });
    await round(ada, ben);
    for (const b of [ada, ben]) expect((await storyNamed(b, storyId))?.articleIds).toContain(ids[4]);
  });

  it('a story deleted where nobody changed it is deleted everywhere', async () => {
    await call(ada, 'stories.delete', { id: storyId });
    await round(ada, ben);
    expect(await storyNamed(ben, storyId)).toBeUndefined();
  });

  it('a colour edited in two places keeps the later edit and records the other', async () => {
    await call(ben, 'tags.recolour', { tag: 'security', color: '#00aa00' });
    await tick();
    await call(ada, 'tags.recolour', { tag: 'security', color: '#0000aa' });
    await call(ben, 'notebook.sync', {});
    const adaReport = await call(ada, 'notebook.sync', {});
    expect(adaReport.conflicts).toEqual([expect.objectContaining({ kind: 'tag-colour', detail: 'security', kept: '#0000aa', other: '#00aa00', otherAuthor: 'Ben' })]);
    await call(ben, 'notebook.sync', {});
    for (const b of [ada, ben]) expect(await colourOf(b, 'security')).toBe('#0000aa');
  });

  it('a saved search deleted on one side and edited on the other comes back with its edit', async () => {
    const [talks] = await call(ada, 'search.saved.list', {});
    await call(ada, 'search.saved.delete', { id: talks!.id });
    await call(ada, 'notebook.sync', {});
    await call(ben, 'search.saved.save', { name: 'Talks', query: 'security talks Ankara' });
    await round(ada, ben);
    for (const b of [ada, ben]) expect((await call(b, 'search.saved.list', {})).map((s) => s.query)).toEqual(['security talks Ankara']);
  });

  it('every annotation says who made it; the notebook keeps whether to show the others', async () => {
    const body = (await call(ada, 'articles.get', { id: ids[1] })).body;
    const mine = await call(ada, 'annotations.create', { articleId: ids[1], target: { start: 0, end: Math.min(30, body.length) }, note: 'From Ada' });
    await round(ada, ben);
    const onBen = (await call(ben, 'annotations.list', { articleId: ids[1] })).items.find((a) => a.id === mine.id);
    expect(onBen?.author).toBe('Ada');
    // One made after the notebook joined the team carries its user's name from the start.
    const bens = await call(ben, 'annotations.create', { articleId: ids[1], target: { start: 0, end: 10 }, note: 'From Ben' });
    expect(bens.author).toBe('Ben');
    expect((await call(ben, 'notebook.syncStatus', {})).showOthers).toBe(true);
    expect((await call(ben, 'notebook.showOthers', { show: false })).showOthers).toBe(false);
    await call(ben, 'notebook.sync', {});
    expect((await call(ben, 'notebook.syncStatus', {})).showOthers).toBe(false);
  });
});

describe('a team database made by the first release (schema 1)', () => {
  it('is migrated to schema 2 by the first sync, keeping its changes, and then carries stories', async () => {
    const remote = await newDatabase();
    const client = new pg.Client({ connectionString: remote });
    await client.connect();
    try {
      // Exactly what schema 1 created.
      await client.query(`CREATE TABLE parallax_meta (key text PRIMARY KEY, value text NOT NULL)`);
      await client.query(`CREATE TABLE parallax_changes (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, change_id text NOT NULL UNIQUE,
        kind text NOT NULL CHECK (kind IN ('article', 'article-meta', 'article-tags', 'annotation')),
        key text NOT NULL, article_id text NOT NULL, author text NOT NULL, device text NOT NULL, edited_at text NOT NULL,
        deleted boolean NOT NULL DEFAULT false, body text, pushed_at timestamptz NOT NULL DEFAULT now())`);
      await client.query(`CREATE INDEX parallax_changes_by_key ON parallax_changes (kind, key, seq)`);
      await client.query(`INSERT INTO parallax_meta (key, value) VALUES ('format', 'parallax-team-notebook'), ('schema_version', '1'), ('created_at', now()::text)`);
      await expect(client.query(`INSERT INTO parallax_changes (change_id, kind, key, article_id, author, device, edited_at) VALUES ('x', 'story', 'k', '', 'a', 'd', 't')`)).rejects.toThrow(/check constraint/);

      const ada = await notebook();
      const ben = await notebook();
      try {
        await call(ada, 'notebook.importSample', {});
        const story = await call(ada, 'stories.create', { name: 'Quake', articleIds: articleIds(ada).slice(0, 2) });
        const report = await call(ada, 'notebook.sync', { remote, user: 'Ada' });
        expect(report.created).toBe(false);
        expect(report.pushed.stories).toBeGreaterThan(0);
        const meta = await client.query<{ value: string }>(`SELECT value FROM parallax_meta WHERE key = 'schema_version'`);
        expect(meta.rows[0]?.value).toBe('2');
        await call(ben, 'notebook.sync', { remote, user: 'Ben' });
        expect(await storyNamed(ben, story.id)).toMatchObject({ name: 'Quake' });
      } finally {
        await ada.close();
        await ben.close();
      }
    } finally {
      await client.end();
    }
  });
});
