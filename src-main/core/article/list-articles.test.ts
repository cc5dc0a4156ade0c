import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../contract';
import { hasTag, listArticles, matchesFilter, passagesTagged } from './list-articles';

const row = (p: Partial<ArticleSummary>): ArticleSummary => ({
  id: p.id ?? 'a0000000',
  title: p.title ?? 'Untitled',
  outlet: p.outlet ?? null,
  publishedAt: p.publishedAt ?? null,
  language: 'en',
  author: null,
  url: null,
  dateline: null,
  tags: p.tags ?? [],
  wordCount: 10,
  file: null,
  importedAt: p.importedAt ?? '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  annotationCount: 0,
});
const rows = [
  row({ id: 'a1', title: 'Güler visits Ankara', outlet: 'TRT World', publishedAt: '2025-10-11', tags: ['topic/security'] }),
  row({ id: 'a2', title: 'Barrack meets SDF', outlet: null, publishedAt: '2025-10-07' }),
  row({ id: 'a3', title: 'another story', outlet: 'Anadolu Agency', publishedAt: null, tags: ['topic'] }),
  row({ id: 'a4', title: 'Fidan in Damascus', outlet: 'Shafaq News', publishedAt: '2025-10-12' }),
];
const ids = (r: { items: ArticleSummary[] }) => r.items.map((x) => x.id);

describe('listing the library', () => {
  it('sorts by date newest first, undated last in both directions', () => {
    expect(ids(listArticles(rows, { sort: 'date' }))).toEqual(['a4', 'a1', 'a2', 'a3']);
    expect(ids(listArticles(rows, { sort: 'date', direction: 'asc' }))).toEqual(['a2', 'a1', 'a4', 'a3']);
  });
  it('sorts by outlet A to Z, unknown outlets last', () => {
    expect(ids(listArticles(rows, { sort: 'outlet' }))).toEqual(['a3', 'a4', 'a1', 'a2']);
    expect(ids(listArticles(rows, { sort: 'outlet', direction: 'desc' }))).toEqual(['a1', 'a4', 'a3', 'a2']);
  });
  it('sorts titles case-insensitively', () => {
    expect(ids(listArticles(rows, { sort: 'title' }))).toEqual(['a3', 'a2', 'a4', 'a1']);
  });
  it('filters on every word, ignoring case and accents, across title, outlet and tags', () => {
    expect(matchesFilter(rows[0]!, 'guler ankara')).toBe(true);
    expect(matchesFilter(rows[0]!, 'TRT security')).toBe(true);
    expect(matchesFilter(rows[0]!, 'guler damascus')).toBe(false);
    expect(ids(listArticles(rows, { sort: 'date', filter: 'trt' }))).toEqual(['a1']);
    expect(listArticles(rows, { sort: 'date', filter: '   ' }).total).toBe(4);
  });
  it('folds as search does: `kalin` finds Kalın, `ibrahim` İbrahim, Arabic without its harakat', () => {
    const kalin = row({ id: 'k1', title: 'İbrahim Kalın Ankara’da', outlet: 'Yeni Şafak', tags: ['kişi/kalın'] });
    const arabic = row({ id: 'k2', title: 'وزيرُ الدفاعِ في أنقرة', outlet: 'الجزيرة' });
    expect(matchesFilter(kalin, 'kalin')).toBe(true);
    expect(matchesFilter(kalin, 'ibrahim KALIN safak')).toBe(true);
    expect(matchesFilter(kalin, 'kisi/kalin')).toBe(true);
    expect(matchesFilter(arabic, 'وزير الدفاع')).toBe(true);
    expect(ids(listArticles([...rows, kalin, arabic], { sort: 'title', filter: 'kalin' }))).toEqual(['k1']);
  });
  it('a parent tag includes its children, and only whole segments match', () => {
    expect(hasTag(rows[0]!, 'topic')).toBe(true);
    expect(hasTag(row({ tags: ['topical'] }), 'topic')).toBe(false);
    expect(ids(listArticles(rows, { sort: 'title', tag: 'topic' }))).toEqual(['a3', 'a1']);
  });
  it('the tag filter also keeps articles whose passages carry the tag or one under it', () => {
    const passages: Record<string, string[][]> = { a2: [['none'], ['topic/claims']], a4: [['topical']] };
    const of = (r: { id: string }) => passages[r.id] ?? [];
    expect(ids(listArticles(rows, { sort: 'title', tag: 'topic' }, of))).toEqual(['a3', 'a2', 'a1']);
    expect(ids(listArticles(rows, { sort: 'title', tag: 'topic' }))).toEqual(['a3', 'a1']);
    expect(passagesTagged(passages.a2!, 'topic')).toBe(1);
    expect(passagesTagged(passages.a4!, 'topic')).toBe(0);
  });
  it('pages with offset and limit and reports the total', () => {
    const r = listArticles(rows, { sort: 'date', offset: 1, limit: 2 });
    expect(r.total).toBe(4);
    expect(ids(r)).toEqual(['a1', 'a2']);
  });
});
