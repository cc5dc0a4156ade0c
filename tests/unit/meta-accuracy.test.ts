import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { metaAccuracy } from '../../bench/meta-accuracy';
import type { MetaGold } from '../../bench/meta-accuracy';
import { metaKeys } from '../../src-main/contract';
import type { ArticleMeta, MetaKey } from '../../src-main/contract';
import { corpus } from '../helpers/seeds';

const read = (values: Partial<Record<MetaKey, string>>): ArticleMeta =>
  Object.fromEntries(
    metaKeys.map((k) => [k, { value: values[k] ?? null, confidence: values[k] ? 0.9 : 0, source: values[k] ? 'page' : 'none', cue: null }]),
  ) as ArticleMeta;

const wsj: MetaGold = {
  title: 'Is Football Violence a Crime?',
  authors: ['Randy Maniloff'],
  published: '2019-11-18',
  outlet: 'The Wall Street Journal',
  outletAliases: ['WSJ', 'Wall Street Journal'],
};

describe('metadata accuracy against the page labels', () => {
  it('accepts an outlet alias the label lists, and nothing else', () => {
    expect(metaAccuracy([{ gold: wsj, meta: read({ outlet: 'WSJ' }) }]).outlet).toBe('100.0% (1/1)');
    expect(metaAccuracy([{ gold: wsj, meta: read({ outlet: 'wall street journal' }) }]).outlet).toBe('100.0% (1/1)');
    expect(metaAccuracy([{ gold: wsj, meta: read({ outlet: 'Dow Jones' }) }]).outlet).toBe('0.0% (0/1)');
    expect(metaAccuracy([{ gold: { ...wsj, outletAliases: undefined }, meta: read({ outlet: 'WSJ' }) }]).outlet).toBe('0.0% (0/1)');
  });

  it('scores the outlet apart on pages whose visible text names it', () => {
    const logoOnly: MetaGold = { ...wsj, outlet: 'The Berkshire Eagle', outletAliases: ['Berkshire Eagle'], outletInText: false };
    const scores = metaAccuracy([
      { gold: wsj, meta: read({ outlet: 'The Wall Street Journal' }) },
      { gold: logoOnly, meta: read({}) },
    ]);
    expect(scores.outlet).toBe('50.0% (1/2)');
    expect(scores['outlet (text names it)']).toBe('100.0% (1/1)');
  });
});

describe('the article-extraction benchmark labels (tests/fixtures/import-gold/aeb-meta.json)', () => {
  const file = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/import-gold/aeb-meta.json'), 'utf8')) as {
    rules: string;
    pages: Record<string, MetaGold & { host?: string; note?: string }>;
  };
  const pages = Object.entries(file.pages);

  it('label every field of every page in the documented shape', () => {
    expect(file.rules).toBe('docs/reading-and-import.md#metadata-labels');
    expect(pages).toHaveLength(181);
    for (const [key, p] of pages) {
      expect(key).toMatch(/^[0-9a-f]{64}$/);
      expect(p.title === null || (typeof p.title === 'string' && p.title.trim() === p.title && p.title.length > 0)).toBe(true);
      expect(Array.isArray(p.authors) && p.authors.every((a) => typeof a === 'string' && a.length > 0 && !/^by\s/i.test(a))).toBe(true);
      if (p.published === null) expect(p.publishedFrom).toBeUndefined();
      else {
        expect(p.published).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(Number.isNaN(Date.parse(p.published))).toBe(false);
        expect(['visible', 'metadata']).toContain(p.publishedFrom);
      }
      expect(p.outlet === null || typeof p.outlet === 'string').toBe(true);
      for (const alias of p.outletAliases ?? []) expect(alias).not.toBe(p.outlet);
    }
  });

  const aeb = corpus('07-article-extraction-benchmark');
  it.skipIf(!aeb)('cover exactly the benchmark pages, each with its own host', () => {
    const truth = JSON.parse(readFileSync(join(aeb!, 'ground-truth.json'), 'utf8')) as Record<string, { url: string }>;
    expect(Object.keys(file.pages).sort()).toEqual(Object.keys(truth).sort());
    for (const [key, p] of pages) expect(p.host).toBe(new URL(truth[key]!.url).hostname);
  });
});
