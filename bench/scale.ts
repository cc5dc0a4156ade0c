/**
 * `npm run bench:scale` (SIZES=1000,10000,100000 by default; SIZES=1000,10000 for a quick run): notebooks of
 * N articles built from BBC text (or a generator when the corpus is absent, see scale-corpus.ts), with one
 * annotation per five articles, measured through a real `parallax serve` process and its HTTP API, as the
 * app uses it (durability 'fsync', the app's default):
 *   import rate (text files on disk → notebook, through `articles.importPaths`) and notebook size on disk;
 *   cold start to searchable: first open with no saved index (the index is built from the article files)
 *     and a restart that loads the saved index; resident memory of the whole server process (its search
 *     worker thread included) when searchable, right after the edits, after SETTLE_S seconds idle (40), and
 *     its peak;
 *   p50/p95 of an annotation save, a tag added to an article, a metadata edit (each made, as in the app,
 *     on an article just opened in the reader; and "cold", on articles not opened since the start), and a
 *     library page of 200 sorted by each key;
 *   the 100k/1k (largest/smallest) ratios.
 *   search beside the in-process engine and SQLite FTS5 on the same notebook (search-peers.ts; PEERS=0 skips it).
 * Needs the build (`npm run build`): the server is `bin/parallax.mjs serve`.
 */
import { rmSync } from 'node:fs';
import { uptime } from 'node:os';
import { join } from 'node:path';
import type { ApiReply } from '../tests/helpers/serve-process';
import { buildAnnotation } from '../src-main/core/annotations/build-annotation';
import { NotebookStore } from '../src-main/services/store/notebook-store';
import { corpusOrSkip, loadAverage, machine, ms, percentile, residentMb, table, withTempDir } from './bench-utils';
import { diskUsage, writeCorpusFolders } from './scale-corpus';
import { importFolders, ok, serve, untilSearchable } from './served';
import { compareSearch } from './search-peers';

const sizes = (process.env.SIZES ?? '1000,10000,100000').split(',').map(Number);
const SAMPLES = Number(process.env.SAMPLES ?? 100);
/** Seconds to leave the server idle before reading its "settled" memory (the index saves itself 10 s after changes, then collects). */
const SETTLE_S = Number(process.env.SETTLE_S ?? 40);

type Reply = ApiReply;
const procStatus = residentMb;

/** p50/p95 of `n` calls of `fn`; `before` (not timed) runs ahead of each, as a UI step before the edit. */
async function timed(
  n: number,
  fn: (i: number) => Promise<Reply>,
  before?: (i: number) => Promise<Reply>,
): Promise<{ p50: number; p95: number }> {
  const t: number[] = [];
  for (let i = 0; i < n; i++) {
    if (before) ok(await before(i), 'before');
    const t0 = performance.now();
    const r = await fn(i);
    t.push(performance.now() - t0);
    if (!r.ok) throw new Error(r.error?.message);
  }
  return { p50: percentile(t, 50), p95: percentile(t, 95) };
}

/**
 * One annotation per five articles, written straight into the documents (set-up, not what is measured):
 * the first sentence-ish span of the body, with a note and a tag. `updatedAt` moves, as after any edit, so
 * the search index must take the notes in.
 */
async function seedAnnotations(notebook: string): Promise<number> {
  const store = await NotebookStore.open(notebook, { durability: 'none' });
  const ids = [...store.entries()].map((e) => e.id).filter((_, i) => i % 5 === 0);
  const now = new Date().toISOString();
  let made = 0;
  for (let i = 0; i < ids.length; i += 500) {
    const records = await Promise.all(ids.slice(i, i + 500).map((id) => store.readArticle(id)));
    for (const r of records) {
      const body = r.analysis.body;
      const space = body.indexOf(' ', 60);
      const end = space > 0 ? space : Math.min(body.length, 60);
      if (end <= 0) continue;
      const input = { articleId: r.id, target: { start: 0, end }, color: 'yellow' as const, note: 'seeded note', tags: ['bench/seed'] };
      r.annotations.push(buildAnnotation(body, input, `seed${String(made++).padStart(12, '0')}`, now));
      r.updatedAt = now;
    }
    await store.putArticles(records);
  }
  // Closed, not only flushed: an open store compacts its catalog when idle, which would race the server opened next.
  await store.close();
  return made;
}

const load = loadAverage;
const bbc = corpusOrSkip('01-bbc-news-fulltext');
console.log(
  `scale benchmark on ${machine()}; sizes ${sizes.join(', ')}; ${SAMPLES} samples per edit; ${bbc ? 'BBC text' : 'generated text'}`,
);
console.log(`load average at start: ${load()} (up ${Math.round(uptime() / 60)} min)`);
const rows: Array<Record<string, string | number>> = [];
const raw: Record<number, Record<string, number>> = {};
for (const n of sizes) {
  await withTempDir(async (dir) => {
    const files = writeCorpusFolders(join(dir, 'files'), n, bbc);
    const notebook = join(dir, 'nb');
    await (await NotebookStore.open(notebook, { create: true })).flush();

    // 1. Import, as the app does it (the search index follows along in its worker).
    const first = await serve(notebook);
    const t0 = performance.now();
    const { imported, notImported: errors } = await importFolders(first.api, files);
    const importS = (performance.now() - t0) / 1000;
    await untilSearchable(first.api, t0);
    const importSearchableS = (performance.now() - t0) / 1000;
    const peakImport = procStatus(first.pid, 'VmHWM');
    await first.stop();
    console.log(
      `  ${n}: imported ${imported} in ${importS.toFixed(1)} s (searchable after ${importSearchableS.toFixed(1)} s), load ${load()}`,
    );
    // Search as users wait for it, beside the in-process engine and SQLite FTS5, before the notes are seeded.
    if (process.env.PEERS !== '0') await compareSearch(notebook, join(dir, 'peers'));
    const seeded = await seedAnnotations(notebook);

    // 2. First open with no saved index: the index is built from the article files.
    rmSync(join(notebook, 'index'), { recursive: true, force: true });
    const t1 = performance.now();
    const build = await serve(notebook);
    const firstOpen = await untilSearchable(build.api, t1);
    const rssBuild = procStatus(build.pid, 'VmRSS');
    await new Promise((res) => setTimeout(res, SETTLE_S * 1000));
    const rssBuildSettled = procStatus(build.pid, 'VmRSS');
    const peakBuild = procStatus(build.pid, 'VmHWM');
    const saveMs = await build.stop();

    // 3. Restart: the saved index is loaded.
    const t2 = performance.now();
    const app = await serve(notebook);
    const restart = await untilSearchable(app.api, t2);
    const rss = procStatus(app.pid, 'VmRSS');
    console.log(`  ${n}: first open ${ms(firstOpen)}, close (saves the index) ${ms(saveMs)}, restart ${ms(restart)}, load ${load()}`);

    const sorts = ['title', 'outlet', 'date', 'imported'] as const;
    // The first listing in each order sorts the whole catalog; later ones (after edits too) reuse the order.
    const firstSorts: number[] = [];
    for (const sort of sorts) {
      const t = performance.now();
      ok(await app.api('articles.list', { sort, limit: 200, offset: 0 }), 'list');
      firstSorts.push(performance.now() - t);
    }
    const list = ok<{ items: Array<{ id: string }> }>(await app.api('articles.list', { sort: 'date', limit: 2000 }), 'list');
    // In the app every one of these edits is made in the reader, so the article was just opened
    // (`articles.get`, not timed). The "cold" runs edit other articles, not opened since the start: their
    // read-modify-write reads the file from disk (at 100k the notebook is larger than what this machine's
    // OS keeps cached, so that read often waits on the disk). Each article is edited once per kind.
    const half = Math.floor(list.items.length / 2);
    const opened = list.items.slice(0, half).map((a) => a.id);
    const cold = list.items.slice(half).map((a) => a.id);
    const editsOf = (ids: string[], open: boolean) => {
      const pick = (k: number, step: number) => ids[(k * step + 1) % ids.length]!;
      const run = (step: number, save: (id: string, k: number) => Promise<Reply>) =>
        timed(SAMPLES, (k) => save(pick(k, step), k), open ? (k) => app.api('articles.get', { id: pick(k, step) }) : undefined);
      return {
        annotate: () =>
          run(3, (articleId, k) =>
            app.api('annotations.create', { articleId, target: { start: 0, end: 30 }, note: `note ${k}`, tags: ['bench/new'] }),
          ),
        tag: () => run(7, (id, k) => app.api('articles.tag', { id, add: [`topic/t${k % 5}`] })),
        edit: () => run(13, (id, k) => app.api('articles.update', { id, patch: { outlet: `Outlet ${k}` } })),
      };
    };
    const app1 = editsOf(opened, true);
    const annotate = await app1.annotate();
    const tag = await app1.tag();
    const edit = await app1.edit();
    const coldRuns = editsOf(cold, false);
    const coldAnnotate = await coldRuns.annotate();
    const coldTag = await coldRuns.tag();
    const coldEdit = await coldRuns.edit();
    // The edits above changed 600 articles (more than the listing patches): the next listing re-sorts.
    const tCatchUp = performance.now();
    ok(await app.api('articles.list', { sort: 'title', limit: 200, offset: 0 }), 'list');
    const catchUp = performance.now() - tCatchUp;
    const listing = await timed(Math.max(40, SAMPLES), (k) =>
      app.api('articles.list', { sort: sorts[k % 4], limit: 200, offset: 200 * (k % 3) }),
    );
    const rssAfter = procStatus(app.pid, 'VmRSS');
    await new Promise((res) => setTimeout(res, SETTLE_S * 1000));
    const rssSettled = procStatus(app.pid, 'VmRSS');
    const peak = procStatus(app.pid, 'VmHWM');
    await app.stop();
    const size = diskUsage(notebook);
    raw[n] = {
      annotate: annotate.p95,
      tag: tag.p95,
      edit: edit.p95,
      list: listing.p95,
      coldAnnotate: coldAnnotate.p95,
      coldTag: coldTag.p95,
      coldEdit: coldEdit.p95,
    };
    rows.push({
      articles: n,
      'import /s': Math.round(n / importS),
      'not imported': errors,
      annotations: seeded,
      'RSS MB import peak': Math.round(peakImport),
      'disk MB (alloc)': `${(size.bytes / 1048576).toFixed(0)} (${(size.allocated / 1048576).toFixed(0)})`,
      'first open→searchable': ms(firstOpen),
      'restart→searchable': ms(restart),
      'RSS MB first open: ready/settled/peak': `${Math.round(rssBuild)} / ${Math.round(rssBuildSettled)} / ${Math.round(peakBuild)}`,
      'RSS MB restart: ready/after edits/settled/peak': `${Math.round(rss)} / ${Math.round(rssAfter)} / ${Math.round(rssSettled)} / ${Math.round(peak)}`,
      'annotate p50/p95': `${ms(annotate.p50)} / ${ms(annotate.p95)}`,
      'tag p50/p95': `${ms(tag.p50)} / ${ms(tag.p95)}`,
      'edit p50/p95': `${ms(edit.p50)} / ${ms(edit.p95)}`,
      'cold annotate / tag / edit p50/p95': [coldAnnotate, coldTag, coldEdit].map((c) => `${ms(c.p50)}/${ms(c.p95)}`).join(', '),
      'first sort (max of 4)': ms(Math.max(...firstSorts)),
      'list after 600 edits': ms(catchUp),
      'list+sort p50/p95': `${ms(listing.p50)} / ${ms(listing.p95)}`,
    });
    console.log(`  ${n}: done, load ${load()}`);
  });
}
table(rows);
console.log(`load average at end: ${load()}`);
const lo = raw[Math.min(...sizes)];
const hi = raw[Math.max(...sizes)];
if (lo && hi && sizes.length > 1) {
  const r = (k: string) => `${(hi[k]! / lo[k]!).toFixed(2)}x`;
  console.log(
    `p95 ratios ${Math.max(...sizes)}/${Math.min(...sizes)}: annotate ${r('annotate')}, tag ${r('tag')}, edit ${r('edit')}, list+sort ${r('list')}`,
  );
  console.log(`cold (article not opened since the start): annotate ${r('coldAnnotate')}, tag ${r('coldTag')}, edit ${r('coldEdit')}`);
}
