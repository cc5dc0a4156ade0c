/**
 * `npm run bench:durability`: what power-loss durability costs. The same work with durability 'fsync' (the
 * app's default: every file and its folder flushed before a write is acknowledged) and 'none' (atomic
 * renames only, safe against a killed process but not a power cut), measured in one run:
 *   - the disk itself: writing a 10 KB file with fsync, and fsync of a folder;
 *   - importing the BBC corpus (2,226 files) in-process, analysis in-process too (PARALLAX_ANALYSIS_WORKERS
 *     is set to 0 here so that only the writes differ);
 *   - an annotation save, a tag added, a metadata edit on a notebook of N articles (N = SIZE, 10,000 by
 *     default), p50/p95 over SAMPLES saves.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { ArticleRecord } from '../src-main/core/article/article-record';
import { openBackend } from '../src-main/services/backend';
import { corpusOrSkip, machine, ms, percentile, table, withTempDir } from './bench-utils';

process.env.PARALLAX_ANALYSIS_WORKERS = '0';
const SIZE = Number(process.env.SIZE ?? 10_000);
const SAMPLES = Number(process.env.SAMPLES ?? 100);
const durabilities = ['fsync', 'none'] as const;
const p = (xs: number[]) => `${ms(percentile(xs, 50))} / ${ms(percentile(xs, 95))}`;
const load = () => loadavg()[0]!.toFixed(2);

async function diskLatency(dir: string): Promise<{ file: number[]; folder: number[] }> {
  const out = { file: [] as number[], folder: [] as number[] };
  for (let i = 0; i < 60; i++) {
    let t = performance.now();
    const fh = await open(join(dir, `t${i}`), 'w');
    await fh.writeFile('x'.repeat(10_000));
    await fh.sync();
    await fh.close();
    out.file.push(performance.now() - t);
    await rename(join(dir, `t${i}`), join(dir, 'f'));
    t = performance.now();
    const d = await open(dir, 'r');
    await d.sync();
    await d.close();
    out.folder.push(performance.now() - t);
  }
  return out;
}

console.log(`durability benchmark on ${machine()}; edits on ${SIZE} articles, ${SAMPLES} samples; load ${load()}`);
const rows: Array<Record<string, string | number>> = [];
await withTempDir(async (dir) => {
  mkdirSync(join(dir, 'disk'));
  const disk = await diskLatency(join(dir, 'disk'));
  console.log(`disk: write 10 KB + fsync p50/p95 ${p(disk.file)}; folder fsync p50/p95 ${p(disk.folder)}`);

  const bbc = corpusOrSkip('01-bbc-news-fulltext');
  const imports: Record<string, string> = {};
  for (const durability of durabilities) {
    if (!bbc) break;
    const b = await openBackend(join(dir, `import-${durability}`), { create: true, durability });
    const t = performance.now();
    const r = await b.handlers['articles.importPaths']({ paths: [join(bbc, 'bbc')] });
    const s = (performance.now() - t) / 1000;
    imports[durability] =
      `${r.imported.length + r.duplicates.length} files in ${s.toFixed(2)} s (${Math.round((r.imported.length + r.duplicates.length) / s)}/s)`;
    await b.close();
  }

  // A notebook of SIZE articles: the sample articles cloned under new ids (set-up, written without fsync).
  const nb = join(dir, 'nb');
  const setup = await openBackend(nb, { create: true, durability: 'none' });
  await setup.handlers['notebook.importSample']({});
  const seeds = await Promise.all([...setup.store.entries()].map((e) => setup.store.readArticle(e.id)));
  for (let i = seeds.length; i < SIZE; i += 2000) {
    const batch: ArticleRecord[] = [];
    for (let j = i; j < Math.min(SIZE, i + 2000); j++) {
      const seed = seeds[j % seeds.length]!;
      batch.push({ ...seed, id: randomBytes(8).toString('hex'), fingerprint: `${seed.fingerprint}-${j}`, annotations: [] });
    }
    await setup.store.putArticles(batch);
  }
  const ids = [...setup.store.entries()].map((e) => e.id).slice(0, 1000);
  await setup.close();

  for (const durability of durabilities) {
    const b = await openBackend(nb, { durability });
    const h = b.handlers;
    const timed = async (fn: (k: number) => Promise<unknown>) => {
      const t: number[] = [];
      for (let k = 0; k < SAMPLES; k++) {
        const t0 = performance.now();
        await fn(k);
        t.push(performance.now() - t0);
      }
      return t;
    };
    const annotate = await timed((k) =>
      h['annotations.create']({
        articleId: ids[(k * 3 + 1) % ids.length]!,
        target: { start: 0, end: 30 },
        color: 'yellow',
        note: `n${k}`,
        tags: [],
      }),
    );
    const tag = await timed((k) => h['articles.tag']({ id: ids[(k * 7) % ids.length]!, add: [`d/${durability}${k % 5}`], remove: [] }));
    const edit = await timed((k) => h['articles.update']({ id: ids[(k * 13) % ids.length]!, patch: { outlet: `Outlet ${k}` } }));
    rows.push({
      durability,
      'import BBC (in-process)': imports[durability] ?? 'skipped',
      [`annotate p50/p95 (${SIZE})`]: p(annotate),
      'tag p50/p95': p(tag),
      'metadata edit p50/p95': p(edit),
      load: load(),
    });
    await b.close();
  }
  rmSync(nb, { recursive: true, force: true });
});
table(rows);
