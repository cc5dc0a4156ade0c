import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { SearchArticle } from '../src-main/core/search/search-doc';
import type { BbcSource } from './bbc-sources';
import { BENCH_OUTLETS, loadBbcSources } from './bbc-sources';

export const BBC_DIR = process.env.BBC_DIR ?? join(import.meta.dirname, '../../shared/corpora/01-bbc-news-fulltext/bbc');
const OUTLETS = BENCH_OUTLETS;
const TAGS = ['claim/attribution', 'actor/turkiye', 'actor/syria', 'topic/security', 'topic/economy', 'quote', 'to-check', 'timeline'];

type Source = BbcSource;

/** The BBC stories, every file (copies included, so the corpus stays as measured), or null without the corpus. */
export function loadBbc(): Source[] | null {
  return existsSync(BBC_DIR) ? loadBbcSources(BBC_DIR, { dedupe: false }) : null;
}

/**
 * The benchmark corpus: n articles of about 500 words, each made of the paragraphs of one BBC article
 * followed by paragraphs of another (pair (i mod M, 7i+3 mod M)), so no two articles are the same text,
 * with varied ids, outlets (12), dates (2004-2005), tags and languages ("en"; every 50th "tr"/"ar" label).
 */
export function* generateCorpus(sources: Source[], n: number): Generator<SearchArticle> {
  const m = sources.length;
  for (let i = 0; i < n; i++) {
    const a = sources[i % m]!;
    const b = sources[(i * 7 + 3 + Math.floor(i / m)) % m]!;
    const parts = [...a.paragraphs];
    let words = parts.join(' ').split(/\s+/).length;
    for (const p of b.paragraphs) {
      if (words >= 500) break;
      parts.push(p);
      words += p.split(/\s+/).length;
    }
    const day = 1 + (i % 28);
    const month = 1 + (Math.floor(i / 28) % 12);
    yield {
      id: (0x10000000 + i).toString(16).padStart(16, '0'),
      updatedAt: '2025-01-01T00:00:00.000Z',
      title: a.title,
      body: parts.join('\n\n'),
      outlet: OUTLETS[i % OUTLETS.length]!,
      byline: '',
      tags: [TAGS[i % TAGS.length]!, ...(i % 3 === 0 ? [TAGS[(i + 3) % TAGS.length]!] : [])],
      language: i % 50 === 0 ? (i % 100 === 0 ? 'ar' : 'tr') : 'en',
      publishedAt: `${2004 + (i % 2)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      notes: [],
    };
  }
}
