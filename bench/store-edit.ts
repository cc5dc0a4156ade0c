/**
 * `npm run bench:store`: what one metadata edit costs as the notebook grows, in Parallax's sharded store
 * and in a peer that keeps every article in one lowdb JSONFile (DESIGN.md §3), measured in the same run.
 * Articles are generated: a 3 KB body, as in the design brief's measurements.
 */
import { join } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { analyseArticle } from '../src-main/core/article/analyse-article';
import type { ArticleRecord } from '../src-main/core/article/article-record';
import { fingerprintOf, newArticleId } from '../src-main/services/importer/import-articles';
import { NotebookStore } from '../src-main/services/store/notebook-store';
import { machine, ms, percentile, table, withTempDir } from './bench-utils';

const words = 'ankara talks security minister syria turkey cooperation border defence foreign intelligence delegation'.split(' ');
function article(i: number): ArticleRecord {
  let body = '';
  while (body.length < 3000) body += `${words[(i * 7 + body.length) % words.length]} `;
  const raw = `Generated article ${i}\n\n${body.trim()}.\n`;
  const analysis = analyseArticle(raw);
  return { id: newArticleId(), file: `g${i}.txt`, encoding: 'utf-8', importedAt: 'x', updatedAt: 'x', raw, fingerprint: fingerprintOf(analysis, raw) + i, analysis, userMeta: {}, tags: [], annotations: [] };
}

const sizes = (process.env.SIZES ?? '1000,10000').split(',').map(Number);
const EDITS = 40;
console.log(`store edit benchmark on ${machine()}; ${EDITS} edits per size`);
const rows: Array<Record<string, string | number>> = [];
for (const n of sizes) {
  const records = Array.from({ length: n }, (_, i) => article(i));
  await withTempDir(async (dir) => {
    const store = await NotebookStore.open(join(dir, 'nb'), { create: true, durability: 'fsync' });
    for (let i = 0; i < n; i += 1000) await store.putArticles(records.slice(i, i + 1000));
    const times: number[] = [];
    for (let k = 0; k < EDITS; k++) {
      const id = records[(k * 7919) % n]!.id;
      const t0 = performance.now();
      await store.updateArticle(id, (r) => void (r.userMeta.outlet = `Outlet ${k}`));
      times.push(performance.now() - t0);
    }
    const db = new Low(new JSONFile<{ articles: ArticleRecord[] }>(join(dir, 'one.json')), { articles: records });
    await db.write();
    const peer: number[] = [];
    for (let k = 0; k < Math.min(EDITS, n >= 10000 ? 10 : EDITS); k++) {
      const t0 = performance.now();
      db.data.articles[(k * 7919) % n]!.userMeta.outlet = `Outlet ${k}`;
      await db.write();
      peer.push(performance.now() - t0);
    }
    rows.push({ articles: n, 'Parallax p50': ms(percentile(times, 50)), 'Parallax p95': ms(percentile(times, 95)), 'one-file peer p50': ms(percentile(peer, 50)), 'peer / Parallax (p50)': `${(percentile(peer, 50) / percentile(times, 50)).toFixed(0)}x` });
  });
}
table(rows);
