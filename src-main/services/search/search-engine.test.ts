import { describe, expect, it } from 'vitest';
import { matchText, satisfies } from '../../core/search/highlight';
import { parseQuery } from '../../core/search/query-parser';
import type { SearchArticle } from '../../core/search/search-doc';
import { searchArticle } from '../../../tests/helpers/search-article';
import { runQuery } from './run-query';
import { SearchEngine } from './search-engine';

const article = searchArticle;

const fixture: SearchArticle[] = [
  article('aaaaaaaa01', {
    title: 'Güler in Ankara',
    body: 'Defence minister Yaşar Güler met his Syrian counterpart.',
    outlet: 'TRT World',
    publishedAt: '2025-10-12',
    tags: ['actor/turkiye'],
  }),
  article('aaaaaaaa02', {
    body: 'Guler said talks on security went well. Security was the main topic, security again.',
    outlet: 'Shafaq News',
    publishedAt: '2025-10-11',
  }),
  article('aaaaaaaa03', {
    body: 'Ibrahim Kalın, the intelligence chief, joined the security talks in Ankara.',
    outlet: 'The New Arab',
    publishedAt: '2025-10-13',
    language: 'en',
  }),
  article('aaaaaaaa04', {
    body: 'وزير الدفاع السيد يشار غولر استقبل الوفد. الأَمْن أولاً',
    language: 'ar',
    outlet: 'Syrian MoFA',
    publishedAt: '2025-10-12',
    notes: [{ id: 'nnnnnnnn01', note: 'Check the spelling of غولر against the English articles', tags: ['names'], quote: 'يشار غولر' }],
  }),
  article('aaaaaaaa05', { body: 'A story about the weather in Istanbul. Nothing on security.', outlet: 'Daily Sabah', publishedAt: null }),
];

function engineWith(docs = fixture) {
  const e = new SearchEngine();
  for (const d of docs) e.upsertArticle(d);
  return e;
}
const byId = new Map(fixture.map((a) => [a.id, a]));
const load = async (id: string) => byId.get(id) ?? null;
const ids = async (e: SearchEngine, query: string) =>
  (await runQuery(e, load, { query, limit: 50, offset: 0 }, true)).hits.map((h) => h.id.slice(-2));

describe('SearchEngine and runQuery', () => {
  it('matches across diacritics, case and the Turkish i', async () => {
    const e = engineWith();
    expect((await ids(e, 'guler')).sort()).toEqual(['01', '02']);
    expect(await ids(e, 'KALIN')).toEqual(['03']);
  });

  it('ranks with BM25: repeated and rarer words and title words count more', async () => {
    const e = engineWith();
    // 02 says "security" three times in a short text; 03 and 05 once.
    expect((await ids(e, 'security'))[0]).toBe('02');
    // "güler" is in 01's title (weighted) and body.
    expect((await ids(e, 'guler'))[0]).toBe('01');
    const r = await runQuery(e, load, { query: 'security', limit: 10, offset: 0 }, true);
    const scores = r.hits.map((h) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('requires every word, excludes -words, and reads OR and prefixes', async () => {
    const e = engineWith();
    expect(await ids(e, 'security ankara')).toEqual(['03']);
    expect((await ids(e, 'security -ankara')).sort()).toEqual(['02', '05']);
    expect((await ids(e, 'kalin OR weather')).sort()).toEqual(['03', '05']);
    expect((await ids(e, 'secu*')).sort()).toEqual(['02', '03', '05']);
  });

  it('checks phrases on the text', async () => {
    const e = engineWith();
    expect(await ids(e, '"security talks"')).toEqual(['03']);
    expect(await ids(e, '"talks security"')).toEqual([]);
    expect((await ids(e, 'security -"security talks"')).sort()).toEqual(['02', '05']);
  });

  it('applies outlet, tag, lang and date filters, alone or with words', async () => {
    const e = engineWith();
    expect(await ids(e, 'outlet:trt')).toEqual(['01']);
    expect(await ids(e, 'security outlet:"new arab"')).toEqual(['03']);
    expect(await ids(e, 'tag:actor')).toEqual(['01']);
    expect(await ids(e, 'lang:ar')).toEqual(['04']);
    expect((await ids(e, 'after:2025-10-11 before:2025-10-13')).sort()).toEqual(['01', '04']);
    // Undated articles never pass a date filter.
    expect(await ids(e, 'weather before:2100')).toEqual([]);
  });

  it('finds Arabic words whatever their diacritics, hamza and article, and highlights the original', async () => {
    const e = engineWith();
    const r = await runQuery(e, load, { query: 'امن', limit: 10, offset: 0 }, true);
    expect(r.hits.map((h) => h.id)).toEqual(['aaaaaaaa04']);
    const s = r.hits[0]!.snippets[0]!;
    const marked = s.highlights.map((h) => s.text.slice(h.start, h.end));
    expect(marked).toContain('الأَمْن');
  });

  it('indexes notes with their article and searches only notes with in:notes', async () => {
    const e = engineWith();
    const r = await runQuery(e, load, { query: 'spelling in:notes', limit: 10, offset: 0 }, true);
    expect(r.hits.map((h) => h.id)).toEqual(['aaaaaaaa04']);
    expect(r.hits[0]!.notes.map((n) => n.id)).toEqual(['nnnnnnnn01']);
    expect(await ids(e, 'spelling in:articles')).toEqual([]);
    expect(await ids(e, 'غولر')).toEqual(['04']);
    // in:notes matches what the note says, not the passage it is written on ("يشار" is only in the quote).
    expect(await ids(e, 'يشار in:notes')).toEqual([]);
    expect(await ids(e, 'غولر in:notes')).toEqual(['04']);
  });

  it('keeps to passages and articles with a verdict of the rating asked for with verdict:', async () => {
    const checked = [
      article('vvvvvvvv01', {
        body: 'The minister said the border would open on Monday.',
        notes: [
          { id: 'vnote00001', note: '', tags: [], quote: 'the border would open', verdict: 'false' },
          { id: 'vnote00002', note: 'Confirmed by the ministry', tags: [], quote: 'the minister said', verdict: 'true' },
        ],
      }),
      article('vvvvvvvv02', { body: 'The border stays closed, officials said.', notes: [{ id: 'vnote00003', note: 'no verdict yet', tags: [], quote: 'closed' }] }),
      article('vvvvvvvv03', { body: 'Talks on the border went on.', notes: [{ id: 'vnote00004', note: '', tags: [], quote: 'Talks', verdict: 'mostly-true' }] }),
    ];
    const e = engineWith(checked);
    const local = new Map(checked.map((a) => [a.id, a]));
    const run = (query: string) => runQuery(e, async (id) => local.get(id) ?? null, { query, limit: 50, offset: 0 }, true);
    const only = await run('verdict:false');
    expect(only.hits.map((h) => h.id)).toEqual(['vvvvvvvv01']);
    // The hit lists the passage with that verdict, not the article's other annotations.
    expect(only.hits[0]!.notes.map((n) => n.id)).toEqual(['vnote00001']);
    expect(only.hits[0]!.notes[0]).toMatchObject({ verdict: 'false', quote: 'the border would open' });
    expect((await run('verdict:any')).hits.map((h) => h.id).sort()).toEqual(['vvvvvvvv01', 'vvvvvvvv03']);
    expect((await run('verdict:false verdict:mostly-true')).hits.map((h) => h.id).sort()).toEqual(['vvvvvvvv01', 'vvvvvvvv03']);
    expect((await run('border verdict:mostly-true')).hits.map((h) => h.id)).toEqual(['vvvvvvvv03']);
    expect((await run('verdict:true in:notes ministry')).hits[0]!.notes.map((n) => n.id)).toEqual(['vnote00002']);
    expect((await run('verdict:misleading')).hits).toEqual([]);
    // A verdict taken away leaves the filter when the article is indexed again.
    e.upsertArticle({ ...checked[2]!, notes: [{ id: 'vnote00004', note: '', tags: [], quote: 'Talks' }] });
    expect((await run('verdict:any')).hits.map((h) => h.id)).toEqual(['vvvvvvvv01']);
  });

  it('falls back to most of the words, and says so in the result, when no article has all of them', async () => {
    const e = engineWith();
    const r = await runQuery(e, load, { query: 'kalin weather', limit: 10, offset: 0 }, true);
    expect(r.hits.map((h) => h.id).sort()).toEqual(['aaaaaaaa03', 'aaaaaaaa05']);
    expect(r.match).toBe('most');
    expect(r.allWordsTotal).toBe(0);
    const strict = await runQuery(e, load, { query: 'kalin security', limit: 10, offset: 0 }, true);
    expect([strict.match, strict.hits.map((h) => h.id)]).toEqual(['all', ['aaaaaaaa03']]);
  });

  it('keeps explicit operators strict: AND, a quoted phrase, -word and filters never fall back', async () => {
    const e = engineWith();
    for (const q of ['kalin AND weather', '"kalin weather"', 'kalin -istanbul weather -story', 'kalin weather outlet:trt']) {
      const r = await runQuery(e, load, { query: q, limit: 10, offset: 0 }, true);
      if (q.includes('-')) expect(r.hits.map((h) => h.id), q).toEqual(['aaaaaaaa03']);
      else expect(r.hits, q).toEqual([]);
      expect(r.match === 'all' || q.includes('-'), q).toBe(true);
    }
    // A quoted phrase stays required when the plain words around it are relaxed.
    const r = await runQuery(e, load, { query: '"security talks" weather kalin', limit: 10, offset: 0 }, true);
    expect([r.match, r.hits.map((h) => h.id)]).toEqual(['most', ['aaaaaaaa03']]);
  });

  it("stems each article in its language, and the query in the notebook's languages", async () => {
    const docs = [
      article('stem000001', { body: 'The election was held on Sunday.', language: 'en' }),
      article('stem000002', { body: 'Seçimler pazar günü yapıldı.', language: 'tr' }),
      article('stem000003', { body: 'The elections of a language we cannot stem.', language: null }),
    ];
    const e = engineWith(docs);
    const texts = new Map(docs.map((a) => [a.id, a]));
    const find = async (q: string) =>
      (await runQuery(e, async (id) => texts.get(id) ?? null, { query: q, limit: 10, offset: 0 }, true)).hits.map((h) => h.id.slice(-1));
    expect(e.languages()).toEqual(['en', 'tr']);
    expect((await find('elections')).sort()).toEqual(['1', '3']);
    expect(await find('election')).toEqual(['1']);
    expect(await find('secim')).toEqual(['2']);
    // Highlights mark the word as written in the article, whatever form was typed.
    const hit = (await runQuery(e, async (id) => texts.get(id) ?? null, { query: 'elections', limit: 10, offset: 0 }, true)).hits.find(
      (h) => h.id === 'stem000001',
    )!;
    const s = hit.snippets[0]!;
    expect(s.highlights.map((h) => s.text.slice(h.start, h.end))).toEqual(['election']);
  });

  it('updates and removes articles incrementally', async () => {
    const e = engineWith();
    e.upsertArticle({ ...fixture[4]!, body: 'Now about Güler too.' });
    expect((await ids(e, 'guler')).sort()).toEqual(['01', '02', '05']);
    expect(await ids(e, 'weather')).toEqual([]);
    e.removeArticle('aaaaaaaa01');
    expect((await ids(e, 'guler')).sort()).toEqual(['02', '05']);
    expect(e.articleCount).toBe(4);
  });

  it('pages results and reports the total', async () => {
    const e = engineWith();
    const all = await runQuery(e, load, { query: 'security', limit: 10, offset: 0 }, true);
    const second = await runQuery(e, load, { query: 'security', limit: 1, offset: 1 }, true);
    expect(all.total).toBe(3);
    expect(second.hits.map((h) => h.id)).toEqual([all.hits[1]!.id]);
  });

  it('survives a snapshot round trip with identical answers', async () => {
    const e = engineWith();
    const copy = await SearchEngine.restore(structuredClone(await e.snapshot()));
    for (const q of ['guler', 'security -ankara', '"security talks"', 'secu*', 'امن', 'lang:ar'])
      expect(await runQuery(copy, load, { query: q, limit: 10, offset: 0 }, true).then((r) => r.hits)).toEqual(
        await runQuery(e, load, { query: q, limit: 10, offset: 0 }, true).then((r) => r.hits),
      );
  });

  it('drops phrase candidates whose words are never adjacent, and finds every article that holds the phrase', async () => {
    // 400 articles over a 30-word vocabulary: most hold both words of a phrase, few hold them side by side.
    const words = 'ankara damascus minister defence talks security border army kurdish deal envoy summit visit forces pact'.split(' ');
    const more = 'north south east west treaty leaders press statement meeting delegation council trade water oil rail'.split(' ');
    const vocab = [...words, ...more];
    let seed = 11;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % vocab.length;
    const corpus = Array.from({ length: 400 }, (_, i) =>
      article(`gen${String(i).padStart(7, '0')}`, { body: Array.from({ length: 40 }, () => vocab[next()]).join(' ') }),
    );
    const e = engineWith(corpus);
    const texts = new Map(corpus.map((a) => [a.id, a]));
    const loadGen = async (id: string) => texts.get(id) ?? null;
    let candidatesBefore = 0;
    let candidatesAfter = 0;
    for (let i = 0; i < 40; i++) {
      const phrase = `${vocab[next()]} ${vocab[next()]}`;
      const { ast } = parseQuery(`"${phrase}"`);
      const expected = corpus.filter((a) => satisfies([matchText(a.title, ast), matchText(a.body, ast)], ast));
      const got = await runQuery(e, loadGen, { query: `"${phrase}"`, limit: 400, offset: 0 }, true);
      expect(got.hits.map((h) => h.id).sort(), phrase).toEqual(expected.map((a) => a.id).sort());
      candidatesBefore += e.search(parseQuery(phrase).ast).ranked.length;
      candidatesAfter += e.search(ast).ranked.length;
    }
    // The words alone match most articles; the filter leaves the true matches and a few false positives.
    expect(candidatesAfter).toBeLessThan(candidatesBefore / 3);
  });

  it('answers bad input without throwing', async () => {
    const e = engineWith();
    for (const q of [
      'guler '.repeat(1700),
      '"',
      '""" OR - -- *',
      '.*+?^${}()|[]\\',
      '\u200F\u202Eguler\u0000\u0007',
      '-guler',
      'OR OR OR',
      'x'.repeat(10_000),
    ]) {
      const r = await runQuery(e, load, { query: q, limit: 20, offset: 0 }, true);
      expect(Array.isArray(r.hits)).toBe(true);
      expect(r.tookMs).toBeLessThan(1000);
    }
    expect(parseQuery('guler '.repeat(1700)).hints.length).toBeGreaterThan(0);
  });
});
