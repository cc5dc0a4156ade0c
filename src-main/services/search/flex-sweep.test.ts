import { Document } from 'flexsearch';
import { describe, expect, it } from 'vitest';
import type { SearchArticle } from '../../core/search/search-doc';
import { runQuery } from './run-query';
import { SearchEngine } from './search-engine';
import { sweepIds, sweepable } from './flex-sweep';

const encode = (s: string) => (s ? s.split(' ') : []);
const newDoc = () =>
  new Document({
    document: { id: 'id', index: ['title', 'body'].map((field) => ({ field, tokenize: 'strict', encode })) },
    cache: false,
  } as never) as unknown as { add: (d: object) => void; search: (q: string, o: object) => { field: string; result: number[] }[] };

const words = 'alpha beta gamma delta epsilon zeta eta theta iota kappa'.split(' ');
const text = (i: number, n: number) => Array.from({ length: n }, (_, k) => words[(i * 7 + k * 3) % words.length]).join(' ');
const results = (d: ReturnType<typeof newDoc>, q: string): [string, number[]][] =>
  d
    .search(q, { limit: 1000 })
    .map((r): [string, number[]] => [r.field, [...r.result].sort((a, b) => a - b)])
    .sort((a, b) => a[0].localeCompare(b[0]));

describe('sweeping removed ids out of flexsearch', () => {
  it('leaves the index answering exactly as one that never held them', () => {
    const swept = newDoc();
    const fresh = newDoc();
    for (let i = 0; i < 60; i++) swept.add({ id: i, title: text(i, 3), body: text(i + 1, 12) });
    for (let i = 0; i < 60; i++) if (i % 3) fresh.add({ id: i, title: text(i, 3), body: text(i + 1, 12) });
    expect(sweepable(swept)).toBe(true);
    const gone = Array.from({ length: 20 }, (_, k) => k * 3);
    const dead = new Uint8Array(60);
    for (const id of gone) dead[id] = 1;
    sweepIds(swept, dead, gone);
    for (const w of words) expect(results(swept, w)).toEqual(results(fresh, w));
    // The slots can be filled again, and only the new content is found.
    swept.add({ id: 0, title: 'omega', body: 'omega' });
    expect(results(swept, 'omega')).toEqual([
      ['body', [0]],
      ['title', [0]],
    ]);
    expect(results(swept, words[0]!).flatMap(([, ids]) => ids)).not.toContain(0);
  });

  it('falls back to removing one by one when the layout is not the one it knows', () => {
    const removed: number[] = [];
    sweepIds({ index: 'not a map', reg: new Set(), remove: (id: number) => removed.push(id) }, new Uint8Array(4), [1, 3]);
    expect(removed).toEqual([1, 3]);
  });
});

const article = (i: number, version: number): SearchArticle => ({
  id: `art${String(i).padStart(5, '0')}`,
  updatedAt: `v${version}`,
  title: `Story ${i} ${words[i % 10]}`,
  body: `${text(i + version, 40)}. The minister said talks on security went well in round ${version}.`,
  outlet: ['TRT World', 'Reuters', null][i % 3]!,
  byline: '',
  tags: i % 4 ? [] : ['topic/security'],
  language: 'en',
  publishedAt: `2025-10-${String(1 + (i % 28)).padStart(2, '0')}`,
  notes: i % 5 ? [] : [{ id: `note${i}v${version}`, note: `note on ${words[(i + version) % 10]}`, tags: ['names'], quote: 'talks' }],
});

describe('SearchEngine with tombstones', () => {
  const queries = [
    'alpha',
    'beta gamma',
    '"talks on security"',
    'secu*',
    'minister -delta',
    'outlet:reuters kappa',
    'tag:topic',
    'in:notes alpha',
    'round 3',
  ];
  const answers = async (e: SearchEngine, docs: Map<string, SearchArticle>) => {
    const out: Record<string, unknown> = {};
    for (const q of queries) {
      const r = await runQuery(e, async (id) => docs.get(id) ?? null, { query: q, limit: 500, offset: 0 }, true);
      out[q] = { total: r.total, hits: r.hits.map((h) => h.id).sort() };
    }
    return out;
  };

  it('answers like a freshly built engine after many edits and removals, before and after sweeping and a snapshot', async () => {
    const e = new SearchEngine();
    const current = new Map<string, SearchArticle>();
    for (let i = 0; i < 200; i++) current.set(article(i, 0).id, article(i, 0));
    for (const a of current.values()) e.upsertArticle(a);
    for (let round = 1; round <= 3; round++) {
      for (let i = round; i < 200; i += 7) {
        const a = article(i, round);
        current.set(a.id, a);
        e.upsertArticle(a);
      }
    }
    for (let i = 0; i < 200; i += 11) {
      current.delete(article(i, 0).id);
      e.removeArticle(article(i, 0).id);
    }
    expect(e.tombstones).toBeGreaterThan(80);
    const fresh = new SearchEngine();
    for (const a of current.values()) fresh.upsertArticle(a);
    const want = await answers(fresh, current);
    expect(await answers(e, current)).toEqual(want);
    e.sweep();
    expect(e.tombstones).toBe(0);
    expect(await answers(e, current)).toEqual(want);
    // Freed slots are reused by new documents without bringing old words back.
    const added = { ...article(999, 9), body: 'zulu only' };
    current.set(added.id, added);
    e.upsertArticle(added);
    fresh.upsertArticle(added);
    expect(await answers(e, current)).toEqual(await answers(fresh, current));
    e.upsertArticle({ ...added, updatedAt: 'v10' });
    const restored = await SearchEngine.restore(structuredClone(await e.snapshot()));
    expect(e.tombstones).toBe(0);
    expect(await answers(restored, current)).toEqual(await answers(fresh, current));
  });
});
