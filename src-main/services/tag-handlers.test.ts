import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MethodName, MethodOutput } from '../contract';
import type { Backend } from './backend';
import { openBackend } from './backend';
import { callHandler } from '../../tests/helpers/api';

let dir: string;
let backend: Backend;
let ids: string[];

async function api<M extends MethodName>(method: M, payload: unknown, b: Backend = backend): Promise<MethodOutput<M>> {
  const r = await callHandler(b.handlers, method, payload);
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
  return r.value;
}
const failure = async (method: MethodName, payload: unknown) => {
  const r = await callHandler(backend.handlers, method, payload);
  if (r.ok) throw new Error(`${method} unexpectedly succeeded`);
  return r.error;
};
const tagsOf = (id: string) => backend.store.entry(id)!.tags;
const tagInfo = async (name: string) => (await api('tags.list', {})).tags.find((t) => t.name === name);

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-tags-'));
  backend = await openBackend(dir, { create: true, durability: 'none' });
  await backend.handlers['notebook.importSample']({});
  ids = [...backend.store.entries()].map((e) => e.id).sort();
});
afterEach(async () => {
  await backend.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('article tags', () => {
  it('adds and removes, canonicalising and de-duplicating', async () => {
    const s = await api('articles.tag', { id: ids[0], add: ['  #topic / security ', 'topic/security', 'actor/türkiye'] });
    expect(s.tags).toEqual(['topic/security', 'actor/türkiye']);
    expect((await api('articles.tag', { id: ids[0], remove: ['topic/security'] })).tags).toEqual(['actor/türkiye']);
    expect((await failure('articles.tag', { id: ids[0] })).message).toMatch(/give tags/);
    expect((await failure('articles.tag', { id: ids[0], add: ['bad,tag'] })).message).toMatch(/comma/);
    expect(tagsOf(ids[0]!)).toEqual(['actor/türkiye']);
  });

  it('filters the library by a parent tag including its children', async () => {
    await api('articles.tag', { id: ids[0], add: ['topic/security'] });
    await api('articles.tag', { id: ids[1], add: ['topic'] });
    await api('articles.tag', { id: ids[2], add: ['topical'] });
    const listed = await api('articles.list', { tag: 'topic' });
    expect(listed.items.map((i) => i.id).sort()).toEqual([ids[0], ids[1]].sort());
  });

  it('tagging an article reads only that article, not every annotated one (the tag list does read them)', async () => {
    await api('annotations.create', { articleId: ids[2], target: { start: 0, end: 10 }, tags: ['x'] });
    await backend.close();
    backend = await openBackend(dir, { durability: 'none' });
    const reads = vi.spyOn(backend.store, 'readArticle');
    await api('articles.tag', { id: ids[0], add: ['topic/security'] });
    expect(reads.mock.calls.map(([id]) => id)).toEqual([ids[0]]);
    expect((await api('tags.list', {})).tags.map((t) => t.name)).toContain('x');
    expect(reads.mock.calls.map(([id]) => id)).toContain(ids[2]);
  });
});

describe('tag manager', () => {
  beforeEach(async () => {
    await api('articles.tag', { id: ids[0], add: ['claim', 'claim/attribution'] });
    await api('articles.tag', { id: ids[1], add: ['claim/attribution', 'other'] });
    await api('annotations.create', { articleId: ids[2], target: { start: 0, end: 10 }, tags: ['claim/attribution', 'x'] });
    await api('tags.recolour', { tag: 'claim', color: '#AA0000' });
  });

  it('lists tags with own and total counts and colours', async () => {
    expect(await tagInfo('claim')).toMatchObject({ color: '#aa0000', articles: 1, totalArticles: 2, passages: 0, totalPassages: 1 });
    expect(await tagInfo('claim/attribution')).toMatchObject({ articles: 2, passages: 1 });
  });

  it('renames a tag with its children on articles, passages and colours, and undoes it', async () => {
    const change = await api('tags.rename', { from: 'claim', to: 'assertion' });
    expect(change).toMatchObject({ articles: 2, passages: 1 });
    expect(tagsOf(ids[0]!)).toEqual(['assertion', 'assertion/attribution']);
    expect(tagsOf(ids[1]!)).toEqual(['assertion/attribution', 'other']);
    expect((await api('annotations.list', {})).items[0]!.tags).toEqual(['assertion/attribution', 'x']);
    expect(await tagInfo('assertion')).toMatchObject({ color: '#aa0000' });
    expect(await tagInfo('claim')).toBeUndefined();

    await api('tags.restore', { snapshot: change.snapshot });
    expect(tagsOf(ids[0]!)).toEqual(['claim', 'claim/attribution']);
    expect((await api('annotations.list', {})).items[0]!.tags).toEqual(['claim/attribution', 'x']);
    expect(await tagInfo('claim')).toMatchObject({ color: '#aa0000' });
    expect(await tagInfo('assertion')).toBeUndefined();
  });

  it('refuses a rename onto an existing tag, into its own child, or of nothing', async () => {
    expect((await failure('tags.rename', { from: 'claim', to: 'other' })).code).toBe('CONFLICT');
    expect((await failure('tags.rename', { from: 'claim', to: 'claim/sub' })).message).toMatch(/own child/);
    expect((await failure('tags.rename', { from: 'nothing', to: 'else' })).code).toBe('NOT_FOUND');
    expect(tagsOf(ids[0]!)).toEqual(['claim', 'claim/attribution']);
  });

  it('merges tags into one, keeping the target colour, and undoes it', async () => {
    await api('tags.recolour', { tag: 'other', color: '#00aa00' });
    const change = await api('tags.merge', { from: ['claim', 'x'], into: 'other' });
    expect(tagsOf(ids[1]!)).toEqual(['other/attribution', 'other']);
    expect((await api('annotations.list', {})).items[0]!.tags).toEqual(['other/attribution', 'other']);
    expect(await tagInfo('other')).toMatchObject({ color: '#00aa00' });
    await api('tags.restore', { snapshot: change.snapshot });
    expect(tagsOf(ids[1]!)).toEqual(['claim/attribution', 'other']);
    expect(await tagInfo('claim')).toMatchObject({ color: '#aa0000' });
  });

  it('deletes a tag with its children everywhere, and undoes it', async () => {
    const change = await api('tags.delete', { tag: 'claim' });
    expect(tagsOf(ids[0]!)).toEqual([]);
    expect((await api('annotations.list', {})).items[0]!.tags).toEqual(['x']);
    expect(await tagInfo('claim')).toBeUndefined();
    await api('tags.restore', { snapshot: change.snapshot });
    expect(tagsOf(ids[0]!)).toEqual(['claim', 'claim/attribution']);
    expect(await tagInfo('claim')).toMatchObject({ color: '#aa0000', totalPassages: 1 });
  });

  it('finishes a rename that a crash interrupted, on the next start', async () => {
    await backend.close();
    // As if the process died after renaming nothing: the journal says a rename was under way.
    const file = join(dir, 'tags.json');
    const data = JSON.parse(await readFile(file, 'utf8'));
    data.pending = { op: 'rename', from: ['claim'], to: 'assertion', startedAt: new Date().toISOString() };
    writeFileSync(file, JSON.stringify(data));
    backend = await openBackend(dir, { durability: 'none' });
    const names = (await api('tags.list', {})).tags.map((t) => t.name);
    expect(names).toContain('assertion/attribution');
    expect(names).not.toContain('claim');
    expect(JSON.parse(await readFile(file, 'utf8')).pending).toBeNull();
  });

  it('rejects a bad colour and a damaged tag file without touching it', async () => {
    expect((await failure('tags.recolour', { tag: 'claim', color: 'red' })).message).toMatch(/#rrggbb/);
    await backend.close();
    writeFileSync(join(dir, 'tags.json'), '{"broken":');
    backend = await openBackend(dir, { durability: 'none' });
    expect((await failure('tags.list', {})).code).toBe('CORRUPT');
    expect(await readFile(join(dir, 'tags.json'), 'utf8')).toBe('{"broken":');
  });
});
