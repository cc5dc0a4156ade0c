import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodName, MethodOutput } from '../contract';
import type { Backend } from './backend';
import { openBackend } from './backend';
import { callHandler } from '../../tests/helpers/api';

let dir: string;
let backend: Backend;

async function api<M extends MethodName>(method: M, payload: unknown): Promise<MethodOutput<M>> {
  const r = await callHandler(backend.handlers, method, payload);
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
  return r.value;
}
const refused = async (method: MethodName, payload: unknown) => {
  const r = await callHandler(backend.handlers, method, payload);
  if (r.ok) throw new Error(`${method} unexpectedly succeeded`);
  return r.error.code;
};

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-library-'));
  backend = await openBackend(dir, { create: true, durability: 'none' });
  await backend.handlers['notebook.importSample']({});
});
afterEach(async () => {
  await backend.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('articles.locate', () => {
  it('gives the row an article has in the same ordering articles.list pages through', async () => {
    for (const sort of ['date', 'title', 'outlet', 'imported'] as const) {
      for (const direction of ['asc', 'desc'] as const) {
        const { items } = await api('articles.list', { sort, direction });
        for (const [i, a] of items.entries()) {
          expect(await api('articles.locate', { id: a.id, sort, direction })).toEqual({ index: i, total: items.length });
        }
      }
    }
  });

  it('answers null when the filter leaves the article out, with the filtered total', async () => {
    const { items } = await api('articles.list', {});
    const shafaq = items.find((a) => a.outlet === 'Shafaq News')!;
    const other = items.find((a) => a.outlet !== 'Shafaq News')!;
    expect(await api('articles.locate', { id: shafaq.id, filter: 'shafaq' })).toEqual({ index: 0, total: 1 });
    expect(await api('articles.locate', { id: other.id, filter: 'shafaq' })).toEqual({ index: null, total: 1 });
    expect(await api('articles.locate', { id: 'unknown00', sort: 'title' })).toEqual({ index: null, total: 5 });
  });

  it('refuses bad input', async () => {
    expect(await refused('articles.locate', {})).toBe('BAD_INPUT');
    expect(await refused('articles.locate', { id: 'x' })).toBe('BAD_INPUT');
    expect(await refused('articles.locate', { id: 'abcdefgh', offset: 3 })).toBe('BAD_INPUT');
  });
});

describe('articles.outlets', () => {
  it('lists each outlet once with its article count, A to Z', async () => {
    const { items } = await api('articles.list', {});
    const expected = new Map<string, number>();
    for (const a of items) if (a.outlet) expected.set(a.outlet, (expected.get(a.outlet) ?? 0) + 1);
    const { outlets } = await api('articles.outlets', {});
    expect(outlets.map((o) => o.outlet)).toEqual([...expected.keys()].sort((a, b) => a.localeCompare(b)));
    for (const o of outlets) expect(o.articles).toBe(expected.get(o.outlet));
  });
});

describe('articles.summaries', () => {
  it('returns the rows asked for, in that order, leaving unknown ids out', async () => {
    const { items } = await api('articles.list', { sort: 'title' });
    const ids = [items[3]!.id, 'unknown00', items[0]!.id];
    const { items: got } = await api('articles.summaries', { ids });
    expect(got).toEqual([items[3], items[0]]);
    expect(await refused('articles.summaries', { ids: ['../x'] })).toBe('BAD_INPUT');
  });
});

describe('articles.list by tag', () => {
  /** Tag a passage of an article (the first words of its body) and nothing on the article itself. */
  async function tagPassage(articleId: string, tags: string[]) {
    const { body } = await api('articles.get', { id: articleId });
    const exact = body.split(/\s+/).slice(0, 6).join(' ');
    return api('annotations.create', { articleId, target: { quote: { exact } }, tags });
  }

  it('lists articles that carry the tag on a passage as well as on the article, and says how many passages', async () => {
    const { items } = await api('articles.list', { sort: 'title' });
    const [passage, article, both] = [items[0]!, items[1]!, items[2]!];
    await tagPassage(passage.id, ['claims/casualties']);
    await api('articles.tag', { id: article.id, add: ['claims'], remove: [] });
    await api('articles.tag', { id: both.id, add: ['claims/casualties'], remove: [] });
    await tagPassage(both.id, ['claims']);

    const listed = await api('articles.list', { sort: 'title', tag: 'claims' });
    expect(listed.total).toBe(3);
    expect(listed.items.map((a) => [a.id, a.passagesTagged])).toEqual([
      [passage.id, 1],
      [article.id, undefined],
      [both.id, 1],
    ]);
    // A child tag finds only what is under it; locate agrees with the list.
    const child = await api('articles.list', { sort: 'title', tag: 'claims/casualties' });
    expect(child.items.map((a) => a.id)).toEqual([passage.id, both.id]);
    expect(await api('articles.locate', { id: both.id, sort: 'title', tag: 'claims/casualties' })).toEqual({ index: 1, total: 2 });
    // Without a tag filter, rows say nothing about passages.
    expect((await api('articles.list', { sort: 'title' })).items.every((a) => a.passagesTagged === undefined)).toBe(true);
  });

  it('follows passage tags as they change, on a notebook opened afresh too', async () => {
    const { items } = await api('articles.list', { sort: 'title' });
    const note = await tagPassage(items[3]!.id, ['checked']);
    expect((await api('articles.list', { tag: 'checked' })).total).toBe(1);
    await backend.close();
    backend = await openBackend(dir, { durability: 'none' });
    expect((await api('articles.list', { tag: 'checked' })).items.map((a) => a.id)).toEqual([items[3]!.id]);
    await api('annotations.update', { id: note.id, patch: { tags: [] } });
    expect((await api('articles.list', { tag: 'checked' })).total).toBe(0);
  });
});
