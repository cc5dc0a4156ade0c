/**
 * Two notebooks meeting in a real PostgreSQL (a throwaway cluster): what one does, the other sees after a
 * sync, and concurrent edits merge by the rules of ADR 007.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../src-main/services/backend';
import { callOrThrow, useTeamDatabases } from '../helpers/team-databases';
import { callHandler } from '../helpers/api';

const team = useTeamDatabases('team');
const newDatabase = team.database;

const notebook = (dir?: string) => team.notebook(dir);
const call = callOrThrow;

const articleIds = (b: Backend) => [...b.store.entries()].map((e) => e.id).sort();

/** Every article file of a notebook, byte for byte: "the notebook is unchanged" checked as such. */
function filesOf(b: Backend): Map<string, string> {
  const root = b.store.layout.root;
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(p.slice(root.length), readFileSync(p, 'utf8'));
    }
  };
  walk(join(root, 'articles'));
  return out;
}

describe('two notebooks, one team database', () => {
  let remote: string;
  let ada: Backend;
  let ben: Backend;
  let first: string;
  let second: string;
  let noteId: string;

  beforeAll(async () => {
    remote = await newDatabase();
    ada = await notebook();
    ben = await notebook();
    await call(ada, 'notebook.importSample', {});
    [first, second] = articleIds(ada) as [string, string];
    const body = (await call(ada, 'articles.get', { id: first })).body;
    const note = await call(ada, 'annotations.create', { articleId: first, target: { start: 0, end: Math.min(40, body.length) }, color: 'yellow', note: 'Check this', tags: ['claim'] });
    noteId = note.id;
    await call(ada, 'articles.tag', { id: first, add: ['ankara'], remove: [] });
    await call(ada, 'articles.update', { id: second, patch: { author: 'Staff reporter' } });
  });
  afterAll(async () => {
    await ada?.close();
    await ben?.close();
  });

  it('the first sync of an empty notebook pulls the whole notebook, with the same ids', async () => {
    const pushed = await call(ada, 'notebook.sync', { remote, user: 'Ada' });
    expect(pushed).toMatchObject({ created: true, user: 'Ada', pushed: { articles: 5, annotations: 1, tags: 1, metadata: 1 } });
    const pulled = await call(ben, 'notebook.sync', { remote, user: 'Ben' });
    expect(pulled).toMatchObject({ created: false, pulled: { articles: 5, annotations: 1, tags: 1, metadata: 1 }, pushed: { articles: 0, annotations: 0, tags: 0, metadata: 0 } });
    expect(articleIds(ben)).toEqual(articleIds(ada));
    const got = await call(ben, 'articles.get', { id: first });
    expect(got.tags).toContain('ankara');
    const notes = await call(ben, 'annotations.list', { articleId: first });
    expect(notes.items.map((a) => [a.id, a.note, a.tags, a.anchor.status])).toEqual([[noteId, 'Check this', ['claim'], 'ok']]);
    expect((await call(ben, 'articles.get', { id: second })).author).toBe('Staff reporter');
    // The copy searches what arrived: its index is rebuilt locally.
    const hits = await call(ben, 'search.query', { query: 'Ankara' });
    expect(hits.total).toBeGreaterThan(0);
  });

  it('a sync with nothing new moves nothing', async () => {
    const again = await call(ben, 'notebook.sync', {});
    expect(again.pushed).toEqual({ articles: 0, annotations: 0, tags: 0, metadata: 0, stories: 0, tagColours: 0, savedSearches: 0 });
    expect(again.pulled).toEqual({ articles: 0, annotations: 0, tags: 0, metadata: 0, stories: 0, tagColours: 0, savedSearches: 0 });
  });

  it('tags added on two laptops both stay', async () => {
    await call(ada, 'articles.tag', { id: second, add: ['from-ada'], remove: [] });
    await call(ben, 'articles.tag', { id: second, add: ['from-ben'], remove: [] });
    await call(ada, 'notebook.sync', {});
    await call(ben, 'notebook.sync', {});
    await call(ada, 'notebook.sync', {});
    for (const b of [ada, ben]) expect((await call(b, 'articles.get', { id: second })).tags).toEqual(expect.arrayContaining(['from-ada', 'from-ben']));
  });

  it('every tag on an article says who put it on, in both copies, and keeps it through a rename', async () => {
    for (const b of [ada, ben]) {
      const got = await call(b, 'articles.get', { id: second });
      const byTag = new Map(got.tagCredits.map((c) => [c.tag, c]));
      expect(byTag.get('from-ada')).toMatchObject({ by: 'Ada', at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
      expect(byTag.get('from-ben')).toMatchObject({ by: 'Ben', at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    }
    // Put on before Ada's notebook had a user name: it reaches Ben as hers.
    expect((await call(ben, 'articles.get', { id: first })).tagCredits).toContainEqual(expect.objectContaining({ tag: 'ankara', by: 'Ada' }));
    const adaAt = (await call(ada, 'articles.get', { id: second })).tagCredits.find((c) => c.tag === 'from-ada')!.at;
    await call(ben, 'tags.rename', { from: 'from-ada', to: 'ada-found' });
    await call(ben, 'notebook.sync', {});
    await call(ada, 'notebook.sync', {});
    for (const b of [ada, ben]) {
      const got = await call(b, 'articles.get', { id: second });
      expect(got.tags).not.toContain('from-ada');
      // Renamed on Ben's copy, the tag is still the one Ada put on, in both copies.
      expect(got.tagCredits.find((c) => c.tag === 'ada-found')).toEqual({ tag: 'ada-found', by: 'Ada', at: adaAt });
    }
  });

  it('a field edited in two places keeps the later edit and records the other as a conflict', async () => {
    await call(ada, 'articles.update', { id: first, patch: { outlet: 'Reuters' } });
    await new Promise((r) => setTimeout(r, 20));
    await call(ben, 'articles.update', { id: first, patch: { outlet: 'AP' } });
    await call(ada, 'notebook.sync', {});
    const benReport = await call(ben, 'notebook.sync', {});
    expect(benReport.conflicts).toEqual([expect.objectContaining({ kind: 'article-meta', articleId: first, detail: 'outlet', kept: 'AP', other: 'Reuters', otherAuthor: 'Ada' })]);
    await call(ada, 'notebook.sync', {});
    for (const b of [ada, ben]) expect((await call(b, 'articles.get', { id: first })).outlet).toBe('AP');
    expect((await call(ben, 'notebook.syncStatus', {})).conflicts.map((c) => c.detail)).toContain('outlet');
  });

  it('keeping theirs sets the other edit here, it syncs out, and both copies agree with no new conflict', async () => {
    const before = filesOf(ben);
    const missing = await callHandler(ben.handlers, 'notebook.resolveConflict', { id: 'no-such-conflict', keep: 'theirs' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(filesOf(ben)).toEqual(before);
    const open = (await call(ben, 'notebook.syncStatus', {})).conflicts.find((c) => c.detail === 'outlet')!;
    expect(open).toMatchObject({ keptSide: 'mine', kept: 'AP', other: 'Reuters', otherAuthor: 'Ada' });
    const r = await call(ben, 'notebook.resolveConflict', { id: open.id, keep: 'theirs' });
    expect(r.applied).toBe(true);
    expect(r.status.conflicts.map((c) => c.id)).not.toContain(open.id);
    expect((await call(ben, 'articles.get', { id: first })).outlet).toBe('Reuters');
    const benSync = await call(ben, 'notebook.sync', {});
    expect(benSync.pushed.metadata).toBe(1);
    const adaSync = await call(ada, 'notebook.sync', {});
    expect(adaSync.conflicts).toEqual([]);
    expect((await call(ben, 'notebook.sync', {})).conflicts).toEqual([]);
    for (const b of [ada, ben]) expect((await call(b, 'articles.get', { id: first })).outlet).toBe('Reuters');
    expect((await call(ben, 'notebook.syncStatus', {})).conflicts.map((c) => c.id)).not.toContain(open.id);
  });

  it('keeping mine dismisses the conflict and leaves the value here', async () => {
    await call(ben, 'articles.update', { id: second, patch: { title: 'Ben title' } });
    await new Promise((r) => setTimeout(r, 20));
    await call(ada, 'articles.update', { id: second, patch: { title: 'Ada title' } });
    await call(ben, 'notebook.sync', {});
    const report = await call(ada, 'notebook.sync', {});
    const c = report.conflicts.find((x) => x.detail === 'title')!;
    expect(c).toMatchObject({ keptSide: 'mine', kept: 'Ada title', other: 'Ben title', otherAuthor: 'Ben' });
    const r = await call(ada, 'notebook.resolveConflict', { id: c.id, keep: 'mine' });
    expect(r.applied).toBe(false);
    expect((await call(ada, 'articles.get', { id: second })).title).toBe('Ada title');
    expect((await call(ada, 'notebook.sync', {})).pushed.metadata).toBe(0);
    // An undo sets only a metadata field Parallax has: anything else is refused, changing nothing.
    const before = filesOf(ada);
    const forged = await callHandler(ada.handlers, 'notebook.restoreConflict', { conflict: { ...r.resolved, detail: '__proto__' }, applied: true });
    expect(forged).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(filesOf(ada)).toEqual(before);
    expect((await call(ada, 'notebook.syncStatus', {})).conflicts.map((x) => x.id)).not.toContain(c.id);
    // The undo puts the conflict back.
    const back = await call(ada, 'notebook.restoreConflict', { conflict: r.resolved, applied: r.applied });
    expect(back.conflicts.map((x) => x.id)).toContain(c.id);
  });

  it("when the other copy's edit was the later one, keeping mine brings this copy's value back everywhere", async () => {
    await call(ada, 'articles.update', { id: second, patch: { author: 'Ada byline' } });
    await new Promise((r) => setTimeout(r, 20));
    await call(ben, 'articles.update', { id: second, patch: { author: 'Ben byline' } });
    await call(ben, 'notebook.sync', {});
    const report = await call(ada, 'notebook.sync', {});
    const c = report.conflicts.find((x) => x.detail === 'author')!;
    expect(c).toMatchObject({ keptSide: 'theirs', kept: 'Ben byline', other: 'Ada byline', otherAuthor: 'Ben' });
    expect((await call(ada, 'articles.get', { id: second })).author).toBe('Ben byline');
    expect((await call(ada, 'notebook.resolveConflict', { id: c.id, keep: 'mine' })).applied).toBe(true);
    expect((await call(ada, 'notebook.sync', {})).conflicts).toEqual([]);
    expect((await call(ben, 'notebook.sync', {})).conflicts).toEqual([]);
    for (const b of [ada, ben]) expect((await call(b, 'articles.get', { id: second })).author).toBe('Ada byline');
  });

  it('an annotation edited on one side and deleted on the other comes back with its edit', async () => {
    await call(ada, 'annotations.update', { id: noteId, patch: { note: 'Checked: the figure is wrong' } });
    await call(ben, 'annotations.delete', { id: noteId });
    await call(ben, 'notebook.sync', {}); // the deletion reaches the server first
    await call(ada, 'notebook.sync', {});
    await call(ben, 'notebook.sync', {});
    for (const b of [ada, ben]) {
      const notes = await call(b, 'annotations.list', { articleId: first });
      expect(notes.items.map((a) => a.note)).toEqual(['Checked: the figure is wrong']);
    }
  });

  it('a deletion on one side with no edit on the other deletes it everywhere', async () => {
    await call(ada, 'annotations.delete', { id: noteId });
    await call(ada, 'notebook.sync', {});
    await call(ben, 'notebook.sync', {});
    expect((await call(ben, 'annotations.list', { articleId: first })).items).toEqual([]);
  });

  it('remembers the remote and keeps no password in the notebook; the sync folder is private', async () => {
    const status = await call(ada, 'notebook.syncStatus', {});
    expect(status.remote).toBe(remote);
    const state = readFileSync(join(ada.store.layout.root, 'sync', 'state.json'), 'utf8');
    expect(state).not.toMatch(/password/i);
    expect(statSync(join(ada.store.layout.root, 'sync', 'state.json')).mode & 0o077).toBe(0);
  });
});

describe('a sync that cannot happen changes nothing', () => {
  let nb: Backend;
  beforeAll(async () => {
    nb = await notebook();
    await call(nb, 'notebook.importSample', {});
  });
  afterAll(async () => nb?.close());

  async function refused(input: Record<string, unknown>, code: string, message: RegExp) {
    const before = filesOf(nb);
    await expect(call(nb, 'notebook.sync', input)).rejects.toMatchObject({ code, message: expect.stringMatching(message) });
    expect(filesOf(nb)).toEqual(before);
    expect((await call(nb, 'notebook.syncStatus', {})).lastSeq).toBe(0);
  }

  it('an unreachable server', async () => {
    const port = team.cluster().port === 1 ? 2 : 1;
    await refused({ remote: `postgres://someone@127.0.0.1:${port}/team` }, 'UNREACHABLE', /cannot be reached \(ECONNREFUSED\); the notebook is unchanged/);
  });

  it('a user the server does not know', async () => {
    await refused({ remote: `postgres://nobody_here@127.0.0.1:${team.cluster().port}/postgres` }, 'UNAUTHORIZED', /refused user nobody_here/);
  });

  it('a database that does not exist', async () => {
    await refused({ remote: team.cluster().url('no_such_db') }, 'NOT_FOUND', /There is no database no_such_db .*createdb no_such_db/);
  });

  it("a database of another program", async () => {
    const url = await newDatabase();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('CREATE TABLE invoices (id int)');
    await client.end();
    await refused({ remote: url }, 'CONFLICT', /holds 1 table of another program/);
  });

  it('a password written into the address', async () => {
    await refused({ remote: `postgres://ada:secret@127.0.0.1:${team.cluster().port}/team1` }, 'BAD_INPUT', /Leave the password out of the address/);
  });

  it('no address given', async () => {
    await refused({}, 'BAD_INPUT', /Name the team database once/);
  });
});
