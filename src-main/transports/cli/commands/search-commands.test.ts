import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../shared/dispatch';
import { runCli } from '../cli-program';
import { openBackend } from '../../../services/backend';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function sample() {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-search-api-'));
  dirs.push(dir);
  const b = await openBackend(dir, { create: true, durability: 'none', search: { runIn: 'inline', waitForIndexMs: Infinity } });
  await b.handlers['notebook.importSample']({});
  return { dir, b };
}

describe('search API', () => {
  it('validates search.query input at the boundary', async () => {
    const { b } = await sample();
    for (const bad of [
      {},
      { query: 5 },
      { query: 'x', limit: 0 },
      { query: 'x', limit: 501 },
      { query: 'x', offset: -1 },
      { query: 'x', extra: 1 },
    ]) {
      const r = await dispatch(b.handlers, 'search.query', bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('BAD_INPUT');
    }
    const ok = await dispatch(b.handlers, 'search.query', { query: 'guler' });
    expect(ok.ok).toBe(true);
    await b.close();
  });

  it('gives the reader every hit in body offsets, marking the original (accented) text', async () => {
    const { b } = await sample();
    const { hits } = await b.handlers['search.query']({ query: 'Kalın', limit: 20, offset: 0 });
    for (const h of hits) {
      const body = (await b.handlers['articles.get']({ id: h.id })).body;
      const { hits: ranges } = await b.handlers['search.articleHits']({ id: h.id, query: 'kalin' });
      expect(ranges.length).toBeGreaterThan(0);
      for (const r of ranges) expect(body.slice(r.start, r.end)).toMatch(/^kal[iı]n$/i);
    }
    expect((await dispatch(b.handlers, 'search.articleHits', { id: 'ffffffffffffffff', query: 'x' })).ok).toBe(false);
    await b.close();
  });

  it('saves, lists, renames by name and deletes saved searches in their own file', async () => {
    const { dir, b } = await sample();
    const a = await b.handlers['search.saved.save']({ name: 'Güler', query: 'guler' });
    await b.handlers['search.saved.save']({ name: 'güler', query: 'guler -kalin' });
    const list = await b.handlers['search.saved.list']({});
    // Replacing the query keeps the search's id and creation time and stamps the edit (team sync keeps the later one).
    expect(list).toEqual([{ ...a, query: 'guler -kalin', updatedAt: expect.any(String) }]);
    expect(list[0]!.updatedAt! >= a.createdAt).toBe(true);
    const file = JSON.parse(await readFile(join(dir, 'saved-searches.json'), 'utf8'));
    expect(file.searches).toHaveLength(1);
    expect(await b.handlers['search.saved.delete']({ id: a.id })).toEqual([]);
    await b.close();
  });

  it('rejects bad saved searches and leaves the file unchanged', async () => {
    const { dir, b } = await sample();
    await b.handlers['search.saved.save']({ name: 'keep', query: 'kalin' });
    const before = await readFile(join(dir, 'saved-searches.json'), 'utf8');
    for (const bad of [
      { name: '', query: 'x' },
      { name: 'x', query: '  ' },
      { name: 'a\u0007b', query: 'x' },
      { name: 'x'.repeat(201), query: 'x' },
      { name: 'x' },
    ]) {
      const r = await dispatch(b.handlers, 'search.saved.save', bad);
      expect(r.ok).toBe(false);
    }
    const missing = await dispatch(b.handlers, 'search.saved.delete', { id: 'nope' });
    expect(missing.ok ? null : missing.error.code).toBe('NOT_FOUND');
    expect(await readFile(join(dir, 'saved-searches.json'), 'utf8')).toBe(before);
    await b.close();
  });

  it('sets a damaged saved-searches file aside (kept, never overwritten) and says so; saving still works', async () => {
    const { dir, b } = await sample();
    writeFileSync(join(dir, 'saved-searches.json'), '{oops');
    const r = await dispatch(b.handlers, 'search.saved.save', { name: 'x', query: 'y' });
    expect(r.ok).toBe(true);
    const kept = /moved to (\S+saved-searches\.json)/.exec(b.store.notice ?? '')?.[1];
    expect(kept, b.store.notice ?? '').toMatch(/damaged/);
    expect(await readFile(kept!, 'utf8')).toBe('{oops');
    expect(JSON.parse(await readFile(join(dir, 'saved-searches.json'), 'utf8')).searches).toHaveLength(1);
    await b.close();
  });
});

describe('parallax search (CLI)', () => {
  const run = async (...argv: string[]) => {
    let out = '';
    let err = '';
    const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t), env: {} });
    return { code, out, err };
  };

  it('prints [{id,title,outlet,score,snippets}] best first with hits in [[…]]', async () => {
    const { dir, b } = await sample();
    await b.close();
    const r = await run('search', 'guler', '--limit', '3', '--json', '--notebook', dir);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out) as { id: string; title: string; outlet: string | null; score: number; snippets: string[] }[];
    expect(rows).toHaveLength(3);
    expect(Object.keys(rows[0]!)).toEqual(['id', 'title', 'outlet', 'score', 'snippets']);
    expect([...rows.map((x) => x.score)].sort((x, y) => y - x)).toEqual(rows.map((x) => x.score));
    for (const row of rows) expect(row.snippets.join(' ')).toMatch(/\[\[G[uü]ler\]\]/);
  });

  it('prints hints on stderr, and rejects a bad --limit with a usage error', async () => {
    const { dir, b } = await sample();
    await b.close();
    const hinted = await run('search', '"kalin', '--notebook', dir);
    expect(hinted.code).toBe(0);
    expect(hinted.err).toMatch(/hint: .*not closed/);
    expect(hinted.out).toMatch(/\[\[Kal[iı]n\]\]/);
    const bad = await run('search', 'x', '--limit', 'lots', '--json', '--notebook', dir);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.out).error.code).toBe('BAD_INPUT');
  });
});
