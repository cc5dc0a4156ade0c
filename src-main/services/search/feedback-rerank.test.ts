import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../core/search/query-parser';
import { relaxQuery } from '../../core/search/relax';
import type { SearchArticle } from '../../core/search/search-doc';
import { searchArticle } from '../../../tests/helpers/search-article';
import { RERANK_DEPTH, rerankWithFeedback } from './feedback-rerank';
import { runQuery } from './run-query';
import { SearchEngine } from './search-engine';

const FILLER = ['harbour', 'cricket', 'violin', 'orchard', 'granite', 'lantern', 'pepper', 'saddle', 'canvas', 'marble', 'copper', 'meadow', 'ribbon'];
/** 26 articles on other things, so the words of a topic are rare enough to be telling. */
const filler = FILLER.flatMap((w, i) => [
  searchArticle(`f${i}a`, { title: `${w} notes`, body: `A ${w} and another ${w}, ${w} again.` }),
  searchArticle(`f${i}b`, { title: `More ${w}`, body: `The ${w} season: ${w} prices and ${w} fairs.` }),
]);
const topic: SearchArticle[] = [
  searchArticle('glider1', { title: 'Gliders', body: 'Glider pilots climb in a thermal. Soaring along the ridge, ridge lift keeps a glider soaring.' }),
  searchArticle('glider2', { title: 'Thermal guide', body: 'A glider thermal guide: soaring pilots centre the thermal and use ridge lift, soaring for hours.' }),
  // On the topic, with one of the typed words once.
  searchArticle('ridge', { title: 'Ridge records', body: 'Soaring weather: ridge soaring and ridge lift keep pilots soaring.' }),
  // Off the topic, with the same typed word three times.
  searchArticle('rain', { title: 'Rain', body: 'Weather report: rain in the city, weather warnings and more weather.' }),
];
const all = [...filler, ...topic];
const byId = new Map(all.map((a) => [a.id, a]));

function engine(): SearchEngine {
  const e = new SearchEngine();
  for (const a of all) e.upsertArticle(a);
  return e;
}
const QUERY = 'glider thermal weather in zanzibar';

describe('most of the words, re-ranked by the words the best matches share', () => {
  it('without feedback, the off-topic article that repeats a typed word ranks above the on-topic one', () => {
    const e = engine();
    const relaxed = relaxQuery(parseQuery(QUERY, e.languages()).ast);
    const order = e
      .search(relaxed, 'most')
      .ranked.top()
      .map((r) => e.info(r.doc)!.articleId);
    expect(order.indexOf('rain')).toBeLessThan(order.indexOf('ridge'));
  });

  it('with feedback, the on-topic article comes first after the best matches; every result holds a typed word', async () => {
    const e = engine();
    const r = await runQuery(e, async (id) => byId.get(id) ?? null, { query: QUERY, limit: 10, offset: 0 }, true);
    expect(r.match).toBe('most');
    expect(r.hits.map((h) => h.id)).toEqual([expect.stringMatching(/^glider/), expect.stringMatching(/^glider/), 'ridge', 'rain']);
    expect(r.related).toContain('soaring');
    expect(r.related).not.toContain('zanzibar');
    for (const h of r.hits) expect(h.titleHighlights.length + h.snippets.flatMap((s) => s.highlights).length).toBeGreaterThan(0);
  });

  it('a query every word of which is found is not re-ranked and names no related words', async () => {
    const e = engine();
    const r = await runQuery(e, async (id) => byId.get(id) ?? null, { query: 'glider thermal', limit: 10, offset: 0 }, true);
    expect(r.match).toBe('all');
    expect(r.related).toEqual([]);
  });

  it(`re-scores the first ${RERANK_DEPTH} results only; the rest keep their order below them`, () => {
    const e = new SearchEngine();
    // Each report says "weather" a different number of times; the first 60 (among them some of the best
    // matches, ties going to the older) say "storm", the others "calm" (too common to be telling):
    // feedback weighs "storm", and the reports saying it rise within the first results. The last ten say
    // "storm" too, but rank past the first results, where they stay.
    for (let i = 0; i < RERANK_DEPTH + 50; i++) {
      const body = `${'weather '.repeat(1 + (i % 7))}report ${i < 60 || i >= RERANK_DEPTH + 40 ? 'storm storm storm' : 'calm calm calm'} code${i}`;
      e.upsertArticle(searchArticle(`w${i}`, { title: 'Report', body }));
    }
    const relaxed = relaxQuery(parseQuery('weather in zanzibar', e.languages()).ast);
    const first = e.search(relaxed, 'most');
    const fed = rerankWithFeedback(e.view(), relaxed, first);
    expect(fed.terms.length).toBeGreaterThan(0);
    expect(fed.result.ranked.length).toBe(first.ranked.length);
    expect(fed.result.ranked.docs.slice(RERANK_DEPTH)).toEqual(first.ranked.docs.slice(RERANK_DEPTH));
    expect([...fed.result.ranked.docs.slice(0, RERANK_DEPTH)].sort((a, b) => a - b)).toEqual(
      [...first.ranked.docs.slice(0, RERANK_DEPTH)].sort((a, b) => a - b),
    );
    expect(fed.result.ranked.docs.slice(0, RERANK_DEPTH)).not.toEqual(first.ranked.docs.slice(0, RERANK_DEPTH));
  });
});
