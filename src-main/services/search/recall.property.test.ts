import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SearchResult } from '../../contract';
import { exhaustiveScan } from '../../../tests/helpers/exhaustive-scan';
import { searchArticle } from '../../../tests/helpers/search-article';
import type { EngineLimits } from './engine-limits';
import type { QueryInput } from './run-query';
import { runQuery } from './run-query';
import { SearchEngine } from './search-engine';

/**
 * No silent recall loss: on a few hundred small generated notebooks, with the engine's limits set so low
 * that every list is read over several pages and phrase checks run out, the answers are compared with an
 * exhaustive scan of the articles' words. Few words, so every word is "common" and phrases have many
 * candidates that fail the adjacency check. No stemming (articles without a language), so the scan can
 * compare words as written.
 */
const WORDS = ['alpha', 'alpine', 'alto', 'bravo', 'delta', 'kilo'] as const;
const word = fc.constantFrom(...WORDS);
const text = (max: number) => fc.array(word, { maxLength: max }).map((ws) => ws.join(' '));

const articleArb = fc.record({ title: text(3), body: text(12), tags: fc.array(word, { maxLength: 2 }) });

type Query = { text: string; words: string[]; phrases: string[][]; prefixes: string[] };
const phraseArb = fc.array(word, { minLength: 2, maxLength: 3 });
const queryArb: fc.Arbitrary<Query> = fc.oneof(
  fc.array(word, { minLength: 1, maxLength: 3 }).map((ws) => ({ text: ws.join(' '), words: ws, phrases: [], prefixes: [] })),
  phraseArb.map((p) => ({ text: `"${p.join(' ')}"`, words: [], phrases: [p], prefixes: [] })),
  fc.tuple(phraseArb, word).map(([p, w]) => ({ text: `"${p.join(' ')}" ${w}`, words: [w], phrases: [p], prefixes: [] })),
  fc.constantFrom('al', 'alp').map((p) => ({ text: `${p}*`, words: [], phrases: [], prefixes: [p] })),
  fc.tuple(phraseArb, fc.constantFrom('al', 'alp')).map(([ph, p]) => ({
    text: `"${ph.join(' ')}" ${p}*`,
    words: [],
    phrases: [ph],
    prefixes: [p],
  })),
);

const limitsArb: fc.Arbitrary<EngineLimits> = fc.record({
  listPage: fc.integer({ min: 1, max: 4 }),
  prefixExpansions: fc.integer({ min: 1, max: 3 }),
  exactPhraseChecks: fc.integer({ min: 0, max: 3 }),
});

const notebookArb = fc.record({
  articles: fc.array(articleArb, { minLength: 1, maxLength: 30 }),
  // Articles removed after indexing: they stay in flexsearch's lists (tombstones) and must never be found.
  removed: fc.array(fc.nat({ max: 29 }), { maxLength: 4 }),
  query: queryArb,
  limits: limitsArb,
  page: fc.integer({ min: 1, max: 5 }),
});

const idsOf = (r: SearchResult) => r.hits.map((h) => h.id);

describe('recall against an exhaustive scan, with the limits set low', () => {
  it('finds every matching article, or says the answer is approximate and the exhaustive rerun finds them all', async () => {
    let approximateAnswers = 0;
    let pagedLists = 0;
    await fc.assert(
      fc.asyncProperty(notebookArb, async ({ articles, removed, query, limits, page }) => {
        const made = articles.map((a, i) => searchArticle(`a${String(i).padStart(3, '0')}`, { ...a, language: null }));
        const engine = new SearchEngine(limits);
        for (const a of made) engine.upsertArticle(a);
        const gone = new Set(removed.filter((i) => i < made.length).map((i) => made[i]!.id));
        for (const id of gone) engine.removeArticle(id);
        const live = made.filter((a) => !gone.has(a.id));
        if (live.length > limits.listPage) pagedLists++;
        const byId = new Map(live.map((a) => [a.id, a]));
        const run = (input: Partial<QueryInput>) =>
          runQuery(engine, async (id) => byId.get(id) ?? null, { query: query.text, limit: 500, offset: 0, ...input }, true);
        const truth = exhaustiveScan(live, query);

        // Checking every candidate: exactly the scan's articles.
        const exhaustive = await run({ exhaustive: true });
        if (exhaustive.match === 'most') expect(truth.size).toBe(0); // nothing had every word: the query was relaxed
        else {
          expect(new Set(idsOf(exhaustive))).toEqual(truth);
          expect(exhaustive.total).toBe(truth.size);
          expect(exhaustive.approximate).toBe(false);
        }
        if (truth.size === 0) return;

        // Every page is full when enough articles match, holds only true matches, and is the exhaustive
        // answer's page; its total is exact unless it says approximate.
        for (const limit of [500, page]) {
          const r = await run({ limit });
          const ids = idsOf(r);
          for (const id of ids) expect(truth.has(id)).toBe(true);
          if (r.approximate) approximateAnswers++;
          else expect(r.total).toBe(truth.size);
          // A prefix expanded to fewer words ranks another candidate set; everything else must agree exactly.
          if (!r.approximate || query.prefixes.length === 0) {
            expect(ids).toEqual(idsOf(exhaustive).slice(0, limit));
          }
        }
      }),
      { numRuns: 300, seed: 20_2026 },
    );
    // The generated cases reach what they are meant to: lists read over several pages, approximate answers.
    expect(pagedLists).toBeGreaterThan(100);
    expect(approximateAnswers).toBeGreaterThan(10);
  });
});
