/**
 * `npx tsx bench/open-catalog.ts`: what opening a notebook's catalog costs at 100k articles (reading and
 * checking the 256 shards and the journal), without the article files or the search index. The catalog
 * is generated: rows shaped as the importer writes them. Prints the first open (what the app pays: the
 * checks' code not yet optimised by V8) and the median of RUNS opens in the same process; the shards are
 * in the OS cache for all of them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NotebookStore } from '../src-main/services/store/notebook-store';
import { machine, ms, percentile, withTempDir } from './bench-utils';

const N = Number(process.env.ARTICLES ?? 100_000);
const RUNS = Number(process.env.RUNS ?? 7);
const HEX = '0123456789abcdef';

await withTempDir(async (dir) => {
  const nb = join(dir, 'nb');
  mkdirSync(join(nb, 'catalog'), { recursive: true });
  mkdirSync(join(nb, 'articles'), { recursive: true });
  writeFileSync(join(nb, 'notebook.json'), JSON.stringify({ format: 'parallax-notebook', schemaVersion: 1, createdAt: 'x' }));
  const shards = new Map<string, Record<string, unknown>>();
  for (let i = 0; i < N; i++) {
    const id = `${HEX[i % 16]}${HEX[(i >> 4) % 16]}${i.toString(16).padStart(14, '0')}`;
    const row = {
      id,
      title: `Generated article ${i} about talks in Ankara`,
      outlet: ['BBC', 'TRT World', 'Enab Baladi', null][i % 4],
      publishedAt: '2025-10-12',
      language: 'en',
      author: i % 3 ? 'A. Writer' : null,
      url: `https://example.org/news/${i}`,
      dateline: null,
      tags: i % 5 ? ['actor/turkiye', 'topic/security'] : [],
      wordCount: 480 + (i % 300),
      file: `g${i}.txt`,
      importedAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      annotationCount: i % 7 ? 0 : 2,
      fingerprint: `fp${i}`,
      analysisVersion: 1,
    };
    const shard = shards.get(id.slice(0, 2)) ?? {};
    shard[id] = row;
    shards.set(id.slice(0, 2), shard);
  }
  for (const [name, entries] of shards) writeFileSync(join(nb, 'catalog', `${name}.json`), JSON.stringify({ entries }));
  const times: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    const store = await NotebookStore.open(nb, { durability: 'none' });
    times.push(performance.now() - t0);
    if (store.size !== N) throw new Error(`opened ${store.size} of ${N} rows`);
    await store.close();
  }
  console.log(
    `catalog open at ${N.toLocaleString('en')} articles on ${machine()}: median ${ms(percentile(times, 50))}, first ${ms(times[0]!)}, all ${times.map((t) => Math.round(t)).join(', ')} ms`,
  );
});
