/**
 * `npm run bench:library`: what the paged library costs per request at 1k, 10k and 100k articles, next to
 * what the app used to fetch (every row at once). The catalog rows are generated in memory with varied
 * titles, outlets and dates; the timing is the handler's work (filter + sort + slice in listArticles) and
 * the JSON the transport would send. Environment: SIZES=1000,10000,100000.
 */
import type { ArticleSummary } from '../src-main/contract';
import { listArticles } from '../src-main/core/article/list-articles';
import { machine, ms, percentile, table } from './bench-utils';

const OUTLETS = ['Anadolu Agency', 'Al Jazeera', 'BBC News', 'Daily Sabah', 'Enab Baladi', 'Reuters', 'Shafaq News', 'TRT World', null];
const WORDS = 'ankara talks security minister syria turkey cooperation border defence foreign intelligence delegation'.split(' ');

function row(i: number): ArticleSummary {
  const day = new Date(Date.UTC(2000, 0, 1) + ((i * 7919) % 9000) * 86_400_000).toISOString().slice(0, 10);
  return {
    id: i.toString(36).padStart(10, '0'),
    title: `${WORDS[i % WORDS.length]} ${WORDS[(i * 7) % WORDS.length]} report ${i}`,
    outlet: OUTLETS[i % OUTLETS.length]!,
    publishedAt: i % 17 === 0 ? null : day,
    language: 'en',
    author: null,
    url: null,
    dateline: null,
    tags: i % 5 === 0 ? ['topic/security'] : [],
    wordCount: 400 + (i % 300),
    file: `a${i}.txt`,
    importedAt: new Date(Date.UTC(2025, 0, 1) + i * 1000).toISOString(),
    updatedAt: '2025-01-01T00:00:00.000Z',
    annotationCount: i % 5 === 0 ? 1 : 0,
  };
}

const time = (fn: () => unknown, runs: number) => {
  const t: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  return t;
};

const sizes = (process.env.SIZES ?? '1000,10000,100000').split(',').map(Number);
console.log(`library paging benchmark on ${machine()}`);
const rows: Array<Record<string, string | number>> = [];
for (const n of sizes) {
  const catalog = Array.from({ length: n }, (_, i) => row(i));
  const runs = n >= 100_000 ? 10 : 30;
  const page = (sort: 'date' | 'title' | 'outlet', offset: number, filter?: string) =>
    time(() => listArticles(catalog, { sort, offset, limit: 200, filter }), runs);
  const pageBytes = JSON.stringify(listArticles(catalog, { sort: 'date', offset: 0, limit: 200 })).length;
  const allBytes = JSON.stringify(listArticles(catalog, { sort: 'date' })).length;
  const byDate = page('date', Math.floor(n / 2));
  const byTitle = page('title', Math.max(0, n - 200));
  const filtered = page('date', 0, 'security report');
  rows.push({
    articles: n,
    'page of 200 (date) p50': ms(percentile(byDate, 50)),
    p95: ms(percentile(byDate, 95)),
    'last page by title p50': ms(percentile(byTitle, 50)),
    'filtered page p50': ms(percentile(filtered, 50)),
    'page JSON': `${(pageBytes / 1024).toFixed(0)} KB`,
    'whole list JSON (before)': `${(allBytes / 1024 / 1024).toFixed(1)} MB`,
  });
}
table(rows);
