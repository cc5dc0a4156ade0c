import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

describe('tags named like Object.prototype members', () => {
  // On a plain object these names reach the prototype: colors['constructor'] is a function, 'toString' in
  // colors is true, and colors['__proto__'] = '#…' changes nothing.
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    '"%s" is listed, filtered, recoloured, renamed, merged, deleted, restored and exported like any tag',
    async (name) => {
      await api('articles.tag', { id: ids[0], add: [name, `${name}/child`] });
      await api('annotations.create', { articleId: ids[1], target: { start: 0, end: 10 }, tags: [name] });
      expect(await tagInfo(name)).toEqual({
        name,
        color: null,
        articles: 1,
        passages: 1,
        totalArticles: 1,
        totalPassages: 1,
        implicit: false,
      });
      // The library's tag filter lists the article tagged and the one whose passage carries the tag.
      expect((await api('articles.list', { tag: name })).items.map((i) => i.id).sort()).toEqual([ids[0], ids[1]].sort());

      const recolour = await api('tags.recolour', { tag: name, color: '#AB00CD' });
      expect(recolour.snapshot.colors).toEqual([{ tag: name, color: null }]);
      expect((await tagInfo(name))?.color).toBe('#ab00cd');
      // The colour is on disk under its own name and comes back after a restart.
      expect(JSON.parse(await readFile(join(dir, 'tags.json'), 'utf8')).colors).toEqual(JSON.parse(`{"${name}":"#ab00cd"}`));
      await backend.close();
      backend = await openBackend(dir, { durability: 'none' });
      expect((await tagInfo(name))?.color).toBe('#ab00cd');
      expect((await tagInfo(`${name}/child`))?.color).toBeNull();

      const rename = await api('tags.rename', { from: name, to: 'plain' });
      expect(tagsOf(ids[0]!)).toEqual(['plain', 'plain/child']);
      expect(await tagInfo(name)).toBeUndefined();
      expect((await tagInfo('plain'))?.color).toBe('#ab00cd');
      await api('tags.restore', { snapshot: rename.snapshot });
      expect(tagsOf(ids[0]!)).toEqual([name, `${name}/child`]);
      expect((await tagInfo(name))?.color).toBe('#ab00cd');
      expect(await tagInfo('plain')).toBeUndefined();

      await api('articles.tag', { id: ids[2], add: ['other'] });
      await api('tags.merge', { from: ['other'], into: name });
      expect(tagsOf(ids[2]!)).toEqual([name]);
      expect(await tagInfo(name)).toMatchObject({ color: '#ab00cd', articles: 2 });

      const md = await api('export.run', { format: 'md', scope: { tag: name } });
      expect(md.articleCount).toBe(3);
      expect(Buffer.from(md.contentBase64, 'base64').toString('utf8')).toContain(name);

      const deletion = await api('tags.delete', { tag: name });
      expect(tagsOf(ids[0]!)).toEqual([]);
      expect(await tagInfo(name)).toBeUndefined();
      expect(JSON.parse(await readFile(join(dir, 'tags.json'), 'utf8')).colors).toEqual({});
      await api('tags.restore', { snapshot: deletion.snapshot });
      expect(tagsOf(ids[0]!)).toEqual([name, `${name}/child`]);
      expect(await tagInfo(name)).toMatchObject({ color: '#ab00cd', articles: 2, passages: 1 });
    },
  );
});

describe('bulk operations at once, and a crash in the middle of one', () => {
  /** Ten more articles, and every article carrying the tags s0…s5; some passages carry them too. */
  async function taggedNotebook(): Promise<string[]> {
    const files = Array.from({ length: 10 }, (_, i) => ({
      name: `extra-${i}.txt`,
      contentBase64: Buffer.from(`Extra article ${i}\n\nA paragraph about talks number ${i * 7919} in Ankara.\n`).toString('base64'),
    }));
    await api('articles.importFiles', { files });
    const all = [...backend.store.entries()].map((e) => e.id).sort();
    const tags = ['s0', 's1', 's2', 's3', 's4', 's5'];
    for (const id of all) await api('articles.tag', { id, add: tags });
    for (const id of all.slice(0, 3)) await api('annotations.create', { articleId: id, target: { start: 0, end: 8 }, tags });
    return all;
  }
  const operations = [
    ['tags.rename', { from: 's0', to: 'r0' }],
    ['tags.merge', { from: ['s1', 's2'], into: 'r1' }],
    ['tags.delete', { tag: 's3' }],
    ['tags.rename', { from: 's4', to: 'r4' }],
    ['tags.delete', { tag: 's5' }],
  ] as const;
  /** Each operation is either done on every article and passage, or on none: never half. */
  async function expectNoneHalfDone(b: Backend, all: string[]): Promise<string[]> {
    const passages = (await api('annotations.list', {}, b)).items.map((a) => a.tags);
    const lists = [...all.map((id) => b.store.entry(id)!.tags), ...passages];
    const done: string[] = [];
    for (const [method, input] of operations) {
      const old = 'from' in input ? (Array.isArray(input.from) ? input.from : [input.from]) : [input.tag];
      const applied = lists.map((tags) => old.every((t) => !tags.includes(t)));
      expect(new Set(applied).size, `${method} ${JSON.stringify(input)} is half done`).toBe(1);
      if (applied[0]) done.push(old.join('+'));
      const target = 'to' in input ? input.to : 'into' in input ? input.into : null;
      if (target) expect(lists.every((tags) => tags.includes(target) === applied[0])).toBe(true);
    }
    return done;
  }

  it('runs renames, merges and deletes sent together one after another, and all of them finish', async () => {
    const all = await taggedNotebook();
    const results = await Promise.all(operations.map(([method, input]) => api(method, input)));
    expect(results.map((r) => r.articles)).toEqual(operations.map(() => all.length));
    expect(await expectNoneHalfDone(backend, all)).toEqual(['s0', 's1+s2', 's3', 's4', 's5']);
    expect(JSON.parse(await readFile(join(dir, 'tags.json'), 'utf8')).pending).toBeNull();
  });

  it('two renames onto one name sent together: the first is done, the second refused (no silent merge)', async () => {
    await taggedNotebook();
    const [first, second] = await Promise.all([
      callHandler(backend.handlers, 'tags.rename', { from: 's0', to: 'same' }),
      callHandler(backend.handlers, 'tags.rename', { from: 's4', to: 'same' }),
    ]);
    expect(first.ok).toBe(true);
    expect(second).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(tagsOf(ids[0]!)).toContain('s4');
  });

  it('a crash between articles leaves one operation in the journal, finished on the next start; none half done', async () => {
    const all = await taggedNotebook();
    // The process "dies" part-way through the third operation: from then on no article write ever returns,
    // and the notebook is copied as the disk has it at that moment and opened as the next start would.
    const stopAfter = all.length * 2 + 4;
    const real = backend.store.updateArticle.bind(backend.store);
    let calls = 0;
    vi.spyOn(backend.store, 'updateArticle').mockImplementation((id, mutate) =>
      ++calls > stopAfter ? new Promise<never>(() => undefined) : real(id, mutate),
    );
    for (const [method, input] of operations) void api(method, input).catch(() => undefined);
    for (let seen = -1; seen !== calls;) {
      seen = calls;
      await backend.store.flush();
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(calls).toBeGreaterThan(stopAfter); // the crash came in the middle, not after the last one
    const copy = mkdtempSync(join(tmpdir(), 'parallax-tags-crash-'));
    try {
      cpSync(dir, copy, { recursive: true, filter: (f) => !f.endsWith('notebook.lock') });
      const next = await openBackend(copy, { durability: 'none' });
      try {
        await api('tags.list', {}, next); // the first tag call finishes the interrupted operation
        expect(await expectNoneHalfDone(next, all)).toEqual(['s0', 's1+s2', 's3']);
        expect(JSON.parse(await readFile(join(copy, 'tags.json'), 'utf8')).pending).toBeNull();
      } finally {
        await next.close();
      }
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});

describe('tag colours with a write that fails', () => {
  it('a colour whose write failed is not kept, shown, or written later by the next change', async () => {
    await api('articles.tag', { id: ids[0], add: ['claim', 'other'] });
    await api('tags.recolour', { tag: 'claim', color: '#aa0000' });
    // Temp files go to tmp/; with a file in its place every write fails (ENOTDIR), whoever runs the test.
    const tmp = backend.store.layout.tmp;
    rmSync(tmp, { recursive: true, force: true });
    writeFileSync(tmp, 'not a folder');
    const r = await callHandler(backend.handlers, 'tags.recolour', { tag: 'claim', color: '#00ff00' }).catch((e: Error) => e);
    expect(r instanceof Error || !r.ok).toBe(true);
    expect((await tagInfo('claim'))?.color).toBe('#aa0000');
    rmSync(tmp, { force: true });
    mkdirSync(tmp);
    await api('tags.recolour', { tag: 'other', color: '#0000ff' });
    expect(JSON.parse(await readFile(join(dir, 'tags.json'), 'utf8')).colors).toEqual({ claim: '#aa0000', other: '#0000ff' });
    await backend.close();
    backend = await openBackend(dir, { durability: 'none' });
    expect((await tagInfo('claim'))?.color).toBe('#aa0000');
  });
});
