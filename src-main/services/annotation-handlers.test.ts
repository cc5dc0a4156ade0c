import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation, MethodName, MethodOutput } from '../contract';
import type { Backend } from './backend';
import { openBackend } from './backend';
import { callHandler } from '../../tests/helpers/api';

let dir: string;
let backend: Backend;
let articleId: string;

/** Call a method with contract validation, as the transports do; throw on an error result. */
async function api<M extends MethodName>(method: M, payload: unknown): Promise<MethodOutput<M>> {
  const r = await callHandler(backend.handlers, method, payload);
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
  return r.value as MethodOutput<M>;
}
const failure = async (method: MethodName, payload: unknown) => {
  const r = await callHandler(backend.handlers, method, payload);
  if (r.ok) throw new Error(`${method} unexpectedly succeeded`);
  return r.error;
};

const SENTENCE = 'Senior Syrian officials arrived in Turkey on Sunday for discussions about the security situation in Syria.';

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-annot-'));
  backend = await openBackend(dir, { create: true, durability: 'none' });
  await backend.handlers['notebook.importSample']({});
  articleId = [...backend.store.entries()].find((e) => e.title.startsWith('Syria FM leads'))!.id;
});
afterEach(async () => {
  await backend.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('annotations API', () => {
  it('creates from a quote, lists, updates, deletes and restores', async () => {
    const a = await api('annotations.create', {
      articleId,
      target: { quote: { exact: SENTENCE } },
      note: 'Who?',
      tags: ['claim/attribution'],
    });
    expect(a).toMatchObject({ color: 'yellow', note: 'Who?', tags: ['claim/attribution'], anchor: { status: 'ok' } });
    expect(a.quote.exact).toBe(SENTENCE);
    expect(backend.store.entry(articleId)!.annotationCount).toBe(1);

    const listed = await api('annotations.list', { articleId });
    expect(listed.items.map((x) => x.id)).toEqual([a.id]);
    expect(listed.items[0]!.article.title).toMatch(/^Syria FM leads/);

    const u = await api('annotations.update', { id: a.id, patch: { color: 'green', tags: ['claim', 'claim'] } });
    expect(u).toMatchObject({ color: 'green', tags: ['claim'], note: 'Who?' });

    const removed = await api('annotations.delete', { id: a.id });
    expect((await api('annotations.list', {})).total).toBe(0);
    const back = await api('annotations.restore', { annotation: removed });
    expect(back).toMatchObject({ id: a.id, color: 'green', anchor: { status: 'ok' } });
    expect((await failure('annotations.restore', { annotation: removed })).code).toBe('CONFLICT');
  });

  it('refuses quotes that are missing or ambiguous, changing nothing', async () => {
    expect(await failure('annotations.create', { articleId, target: { quote: { exact: 'not in this article' } } })).toMatchObject({
      code: 'NOT_FOUND',
    });
    const ambiguous = await failure('annotations.create', { articleId, target: { quote: { exact: 'Syria' } } });
    expect(ambiguous.code).toBe('BAD_INPUT');
    expect(ambiguous.message).toMatch(/occurs \d+ times.*prefix or suffix/);
    const ok = await api('annotations.create', { articleId, target: { quote: { exact: 'Syria', prefix: 'situation in ' } } });
    expect(ok.anchor.status).toBe('ok');
    expect((await api('annotations.list', {})).total).toBe(1);
  });

  it('validates every field with a clear message', async () => {
    expect((await failure('annotations.create', { articleId, target: { start: 5, end: 5 } })).message).toMatch(/at least one character/);
    expect((await failure('annotations.create', { articleId, target: { start: 0, end: 10 }, color: 'red' })).code).toBe('BAD_INPUT');
    expect((await failure('annotations.create', { articleId, target: { start: 0, end: 10 }, tags: ['a//b'] })).message).toMatch(
      /empty level/,
    );
    expect(
      (await failure('annotations.create', { articleId, target: { start: 0, end: 10 }, note: 'x'.repeat(2_000_001) })).message,
    ).toMatch(/at most 2,000,000/);
    expect((await failure('annotations.update', { id: 'nosuchannotation', patch: { note: 'x' } })).code).toBe('NOT_FOUND');
    expect((await failure('annotations.create', { articleId: 'ffffffffffffffff', target: { start: 0, end: 10 } })).code).toBe('NOT_FOUND');
    expect((await api('annotations.list', {})).total).toBe(0);
  });

  it('stores a 1 MB note and HTML in notes and tags as plain text', async () => {
    const note = `<script>alert(1)</script>${'ж'.repeat(1_048_576)}`;
    const a = await api('annotations.create', {
      articleId,
      target: { quote: { exact: SENTENCE } },
      note,
      tags: ['<img src=x onerror=alert(1)>', 'actor/تركيا', 'mood/😃 happy', 'border security'],
    });
    const reopened = await openBackend(dir, { durability: 'none' });
    const [stored] = (await reopened.handlers['annotations.list']({ articleId, sort: 'position', offset: 0, limit: 10 })).items;
    expect(stored!.note).toBe(note);
    expect(stored!.tags).toEqual(a.tags);
    await reopened.close();
  });

  it('loses nothing when many saves to one article run at once', async () => {
    const words = [
      'Senior',
      'officials',
      'arrived',
      'discussions',
      'security',
      'situation',
      'Asaad',
      'defence',
      'intelligence',
      'delegation',
    ];
    const created = await Promise.all(
      words.map((w) => api('annotations.create', { articleId, target: { quote: { exact: w, suffix: ' ' } } }).catch(() => null)),
    );
    const made = created.filter((x): x is Annotation => x !== null);
    expect(made.length).toBeGreaterThan(5);
    await Promise.all(made.map((a, i) => api('annotations.update', { id: a.id, patch: { note: `note ${i}` } })));
    const reopened = await openBackend(dir, { durability: 'none' });
    const items = (await reopened.handlers['annotations.list']({ articleId, sort: 'position', offset: 0, limit: 100 })).items;
    expect(items.map((a) => a.note).sort()).toEqual(made.map((_, i) => `note ${i}`).sort());
    await reopened.close();
  });

  it('re-anchors when re-analysis changes the text: a removed passage is orphaned, not lost', async () => {
    const kept = await api('annotations.create', { articleId, target: { quote: { exact: 'Asaad al-Shaibani' } }, note: 'spelling' });
    const lost = await api('annotations.create', { articleId, target: { quote: { exact: SENTENCE } }, note: 'keep me' });
    // Edit the stored raw text behind the app's back, then ask for re-analysis as the app does.
    const file = backend.store.layout.article(articleId);
    const record = JSON.parse(await readFile(file, 'utf8'));
    record.raw = record.raw.replace(SENTENCE, '').replace('Syrian foreign minister', 'Inserted words here. Syrian foreign minister');
    writeFileSync(file, JSON.stringify(record));
    await api('articles.reanalyse', { ids: [articleId] });
    const items = (await api('annotations.list', { articleId })).items;
    const byId = Object.fromEntries(items.map((a) => [a.id, a]));
    expect(byId[kept.id]!.anchor.status).toBe('ok');
    const body = (await api('articles.get', { id: articleId })).body;
    expect(body.slice(byId[kept.id]!.anchor.start!, byId[kept.id]!.anchor.end!)).toBe('Asaad al-Shaibani');
    expect(byId[lost.id]).toMatchObject({ note: 'keep me', quote: { exact: SENTENCE }, anchor: { status: 'orphaned', start: null } });
    expect((await api('annotations.list', { status: 'orphaned' })).total).toBe(1);
    expect((await failure('annotations.update', { id: lost.id, patch: { reattach: true } })).message).toMatch(/orphaned/);
  });
});
