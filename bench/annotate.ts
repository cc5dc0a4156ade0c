/**
 * Annotation and tag benchmarks (docs/BENCHMARKS.md, "Annotate and tag"). Run: npm run bench:annotate
 * [-- 1000,10000,100000]. Builds synthetic notebooks from the five sample articles (cloned under new ids),
 * then measures what a user waits for: saving an annotation or a tag, listing annotations notebook-wide,
 * re-anchoring after a text change, and a tag rename over many articles.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Annotation } from '../src-main/contract';
import { reanchorAll } from '../src-main/core/anchoring/anchor';
import { buildAnnotation } from '../src-main/core/annotations/build-annotation';
import type { ArticleRecord } from '../src-main/core/article/article-record';
import { openBackend } from '../src-main/services/backend';

const sizes = (process.argv[2] ?? '1000,10000').split(',').map(Number);
const SAVES = 200;

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
const summary = (xs: number[]) => `p50 ${fmt(pct(xs, 50))}, p95 ${fmt(pct(xs, 95))}, max ${fmt(Math.max(...xs))}`;
async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

async function seedRecords(): Promise<ArticleRecord[]> {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-bench-seed-'));
  const b = await openBackend(dir, { create: true, durability: 'none' });
  await b.handlers['notebook.importSample']({});
  const records = await Promise.all([...b.store.entries()].map((e) => b.store.readArticle(e.id)));
  await b.close();
  rmSync(dir, { recursive: true, force: true });
  return records;
}

async function build(n: number, seeds: ArticleRecord[], durability: 'fsync' | 'none') {
  const dir = mkdtempSync(join(tmpdir(), `parallax-bench-${n}-`));
  const b = await openBackend(dir, { create: true, durability: 'none' });
  const t = performance.now();
  for (let i = 0; i < n; i += 2000) {
    const batch: ArticleRecord[] = [];
    for (let j = i; j < Math.min(n, i + 2000); j++) {
      const seed = seeds[j % seeds.length]!;
      const id = randomBytes(8).toString('hex');
      const record: ArticleRecord = {
        ...seed,
        id,
        fingerprint: `${seed.fingerprint}-${j}`,
        tags: j % 10 === 0 ? ['topic/security'] : [],
        annotations: [],
      };
      if (j % 50 === 0) {
        // 2% of articles carry three annotations each, as a working notebook would.
        record.annotations = [0, 1, 2].map((k) =>
          buildAnnotation(
            seed.analysis.body,
            { articleId: id, target: { start: 100 * k, end: 100 * k + 60 }, color: 'yellow', note: 'note', tags: ['claim/attribution'] },
            randomBytes(8).toString('hex'),
            new Date().toISOString(),
          ),
        );
      }
      batch.push(record);
    }
    await b.store.putArticles(batch);
  }
  const buildSeconds = (performance.now() - t) / 1000;
  await b.close();
  // Reopen with the durability users get for the measurements.
  return { dir, buildSeconds, backend: await openBackend(dir, { durability }) };
}

async function run() {
  const seeds = await seedRecords();
  console.log(`Annotation benchmarks, Node ${process.version}, ${SAVES} saves per measurement\n`);

  // Pure anchoring costs on a sample article.
  const seed = seeds.find((r) => r.analysis.body.length > 1500)!;
  const body = seed.analysis.body;
  const list: Annotation[] = Array.from({ length: 50 }, (_, k) =>
    buildAnnotation(
      body,
      { articleId: seed.id, target: { start: 20 * k, end: 20 * k + 80 }, color: 'yellow', note: '', tags: [] },
      `bench${String(k).padStart(4, '0')}`,
      '',
    ),
  );
  const edited = `A new first paragraph inserted by an edit.\n\n${body.replace(/Syria/g, 'Syrie')}`;
  const reanchor: number[] = [];
  for (let i = 0; i < 20; i++) reanchor.push(await time(async () => reanchorAll(list, edited)));
  const statuses = reanchorAll(list, edited).annotations.reduce<Record<string, number>>(
    (m, a) => ((m[a.anchor.status] = (m[a.anchor.status] ?? 0) + 1), m),
    {},
  );
  console.log(`re-anchor 50 annotations after an edit (${body.length}-char body): ${summary(reanchor)}; ${JSON.stringify(statuses)}`);

  for (const n of sizes) {
    for (const durability of ['fsync', 'none'] as const) {
      const { dir, buildSeconds, backend } = await build(n, seeds, durability);
      const h = backend.handlers;
      const ids = [...backend.store.entries()].map((e) => e.id);
      const pick = () => ids[Math.floor(Math.random() * ids.length)]!;

      const firstList = await time(() => h['annotations.list']({ sort: 'position', offset: 0, limit: 1_000_000 }));
      const creates: number[] = [];
      const created: Annotation[] = [];
      for (let i = 0; i < SAVES; i++) {
        creates.push(
          await time(async () =>
            created.push(
              await h['annotations.create']({
                articleId: pick(),
                target: { start: 0, end: 40 },
                color: 'green',
                note: '',
                tags: ['bench'],
              }),
            ),
          ),
        );
      }
      const updates: number[] = [];
      for (const a of created) updates.push(await time(() => h['annotations.update']({ id: a.id, patch: { note: 'edited' } })));
      const tagSaves: number[] = [];
      for (let i = 0; i < SAVES; i++) tagSaves.push(await time(() => h['articles.tag']({ id: pick(), add: ['bench/tag'], remove: [] })));
      const lists: number[] = [];
      for (let i = 0; i < 20; i++)
        lists.push(await time(() => h['annotations.list']({ tag: 'claim', sort: 'position', offset: 0, limit: 200 })));
      const tagList: number[] = [];
      for (let i = 0; i < 20; i++) tagList.push(await time(() => h['tags.list']({})));
      const annotated = Math.ceil(n / 50);
      const rename = await time(() => h['tags.rename']({ from: 'claim', to: 'assertion' }));

      console.log(`\n${n.toLocaleString('en')} articles (durability ${durability}; built in ${buildSeconds.toFixed(1)} s)`);
      console.log(`  first annotations.list (loads ${annotated} annotated articles): ${fmt(firstList)}`);
      console.log(`  annotations.create: ${summary(creates)}`);
      console.log(`  annotations.update (note): ${summary(updates)}`);
      console.log(`  articles.tag (add): ${summary(tagSaves)}`);
      console.log(`  annotations.list tag:claim (first 200): ${summary(lists)}`);
      console.log(`  tags.list: ${summary(tagList)}`);
      console.log(`  tags.rename claim -> assertion over ${annotated} articles: ${fmt(rename)} (${fmt(rename / annotated)} per article)`);
      await backend.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

await run();
