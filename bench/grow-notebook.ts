/**
 * `npx tsx bench/grow-notebook.ts <notebook> <n>`: grows a notebook of imported articles to `n` articles by
 * copying its analysed records under new ids, a copy number added to each copy's title, file name and
 * fingerprint (so the library and the duplicate check tell them apart). Set-up for the start-up benchmark
 * at 100k on a busy machine: importing 100k files through the analysis takes 30+ minutes at load 15, while
 * copies take about one. The copies hold the same text as their originals, as the scale corpus's articles
 * repeat the BBC set's bodies (bench/scale-corpus.ts): the index's vocabulary is the originals', its posting
 * lists grow with n. Written with durability 'none' (set-up, not what is measured); closed, so the catalog
 * is compacted before a server opens it.
 */
import { NotebookStore } from '../src-main/services/store/notebook-store';
import { newArticleId } from '../src-main/services/importer/import-articles';
import type { ArticleRecord } from '../src-main/core/article/article-record';
import { loadAverage } from './bench-utils';

const [root, wanted] = [process.argv[2], Number(process.argv[3])];
if (!root || !Number.isSafeInteger(wanted) || wanted < 1) throw new Error('usage: grow-notebook.ts <notebook> <articles>');
const store = await NotebookStore.open(root, { durability: 'none' });
const originals = [...store.entries()].map((e) => e.id).sort();
if (originals.length === 0) throw new Error(`${root} has no articles to copy`);
const BATCH = 500;
const t0 = performance.now();
let made = 0;
for (let i = store.size; i < wanted; i += BATCH) {
  const count = Math.min(BATCH, wanted - i);
  const sources = await Promise.all(
    Array.from({ length: count }, (_, k) => store.readArticle(originals[(i + k) % originals.length]!)),
  );
  const copies = sources.map((r, k): ArticleRecord => {
    const copy = Math.floor((i + k) / originals.length) + 1;
    const title = r.analysis.meta.title;
    const now = new Date().toISOString();
    return {
      ...r,
      id: newArticleId(),
      file: r.file ? r.file.replace(/(\.[^.]+)$/, `-copy${copy}$1`) : null,
      fingerprint: `${r.fingerprint}-copy${copy}`,
      importedAt: now,
      updatedAt: now,
      analysis: { ...r.analysis, meta: { ...r.analysis.meta, title: { ...title, value: `${title.value ?? 'Untitled'} [copy ${copy}]` } } },
    };
  });
  await store.putArticles(copies);
  made += copies.length;
}
await store.close();
console.log(`${root}: ${made} copies added (${wanted} articles) in ${((performance.now() - t0) / 1000).toFixed(1)} s, load ${loadAverage()}`);
