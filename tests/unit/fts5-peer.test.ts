import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFts5, openFts5, restartFts5, toFts5Match } from '../../bench/fts5-peer';
import { makeQueries } from '../../bench/search-peers';
import type { SearchArticle } from '../../src-main/core/search/search-doc';
import { searchArticle } from '../helpers/search-article';

describe('toFts5Match: a Parallax query as an FTS5 MATCH expression', () => {
  it('quotes every word (juxtaposed: all of them), keeps a phrase whole and marks a prefix', () => {
    expect(toFts5Match('government')).toBe('"government"');
    expect(toFts5Match('oil price rise')).toBe('"oil" "price" "rise"');
    expect(toFts5Match('"interest rates"')).toBe('"interest rates"');
    expect(toFts5Match('gov*')).toBe('"gov"*');
    expect(toFts5Match('"bank deal" tax*')).toBe('"bank deal" "tax"*');
  });

  it('reads no FTS5 operator or syntax in what was typed', () => {
    expect(toFts5Match('war OR peace')).toBe('"war" "OR" "peace"');
    expect(toFts5Match('NEAR(a b) col:x "unclosed')).toBe('"NEAR" "a" "b" "col" "x" "unclosed"');
    expect(toFts5Match('*** -- ""')).toBeNull();
  });
});

describe('the FTS5 peer answers the benchmark queries', () => {
  let dir: string;
  let db: string;
  const docs = [
    { title: 'Markets fall', body: 'Oil prices rose as the markets fell on Monday.' },
    { title: 'Election', body: 'The party leader said the oil deal was a matter for the government.' },
    { title: 'Football', body: 'The club won the cup final after extra time.' },
  ];
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'parallax-fts5-'));
    db = join(dir, 'peer.db');
    expect(buildFts5(db, docs)).toBeGreaterThan(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds all words, phrases by adjacency, prefixes and stemmed forms', () => {
    const s = openFts5(db);
    try {
      expect(s.search('oil')).toBe(2);
      expect(s.search('oil deal government')).toBe(1);
      expect(s.search('oil club')).toBe(0);
      expect(s.search('"oil deal"')).toBe(1);
      expect(s.search('"oil government"')).toBe(0);
      expect(s.search('mark*')).toBe(1);
      expect(s.search('market')).toBe(1); // "markets" through the Porter stemmer
      expect(s.search('NEAR(oil')).toBe(0);
    } finally {
      s.close();
    }
  });

  it('answers the same from a fresh process (the restart measurement)', () => {
    const r = restartFts5(db, 'oil');
    expect(r.hits).toBe(2);
    expect(r.wallMs).toBeGreaterThan(0);
    expect(r.rssAfterMb).toBeGreaterThan(0);
  });
});

describe('makeQueries', () => {
  it('draws the same queries of each kind from the articles, every run', () => {
    const article = (i: number): SearchArticle =>
      searchArticle(String(i), {
        updatedAt: '',
        title: `t${i}`,
        body: 'Ministers said the government would publish its annual budget report after talks with unions today.',
      });
    const articles = [article(1), article(2)];
    const a = makeQueries(articles, 8);
    expect(a).toEqual(makeQueries(articles, 8));
    for (const list of Object.values(a)) expect(list).toHaveLength(8);
    expect(a['three words'].every((q) => q.split(' ').length === 3)).toBe(true);
    expect(a.phrase.every((q) => /^"[a-z]+ [a-z]+"$/.test(q))).toBe(true);
    expect(a.prefix.every((q) => /^[a-z]{3,5}\*$/.test(q))).toBe(true);
    const body = articles[0]!.body.toLowerCase();
    for (const q of a.phrase) expect(body).toContain(q.slice(1, -1));
  });
});
