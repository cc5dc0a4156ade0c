/**
 * Start-up as the user waits for it (npm run bench:startup): a generated notebook (bench/scale-corpus.ts,
 * BBC text; SIZES=10000 by default, SIZES=10000,100000 for both) imported through `parallax serve`, then
 * restarted ROUNDS times (3) and timed from the spawn of `parallax serve` to
 *   listening        the URL line (the server answers from then on),
 *   first page       the library's first page (`articles.list`, newest first, 200 rows) answered, asked at once,
 *   first search     a one-word `search.query`, asked at once, answered,
 *   searchable       the index ready over every article and a query finding hits (polled every 20 ms).
 * With BASELINE=<a checkout, built> (e.g. BASELINE=/work/main) the same is timed for its bin/parallax.mjs on
 * the same notebook in the same run, interleaved round by round, so a busy machine slows both alike. The load
 * average is printed before and after. Needs `npm run build` (here and in the baseline).
 * Each launch also reads the server's resident memory (VmRSS, its search worker included) once searchable.
 *
 * PARALLAX_BIN=<a copy of bin/ and out/> runs that build as "this build" (a long run is not disturbed by rebuilding).
 * NOTEBOOK=<folder> keeps the generated notebook there and reuses it on later runs (one size only), so a 100k
 * notebook is imported once. FIRST_OPEN=1 also times, once per build, a first open with no saved index (the
 * index folder set aside and put back afterwards, so every build opens the same notebook).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFirstPage } from '../src-main/services/library/library-snapshot';
import { layout } from '../src-main/services/store/notebook-layout';
import { NotebookStore } from '../src-main/services/store/notebook-store';
import type { Api, ApiReply } from '../tests/helpers/serve-process';
import { spawnServe } from '../tests/helpers/serve-process';
import { corpusOrSkip, machine, ms, percentile, residentMb, table, withTempDir } from './bench-utils';
import { generatedTexts } from './scale-corpus';

const here = fileURLToPath(new URL('..', import.meta.url));
const bins: Record<string, string> = { 'this build': process.env.PARALLAX_BIN ?? join(here, 'bin', 'parallax.mjs') };
if (process.env.BASELINE) bins.baseline = join(process.env.BASELINE, 'bin', 'parallax.mjs');
const sizes = (process.env.SIZES ?? '10000').split(',').map(Number);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
/** Files per `articles.importPaths` call: small enough that one call answers within fetch's 300 s on a busy machine. */
const FOLDER = 1_000;
const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

function ok<T>(r: ApiReply, what: string): T {
  if (!r.ok) throw new Error(`${what}: ${r.error?.message}`);
  return r.value as T;
}

/** Resolves with the time since `t0` when `call` answers. */
const answeredAt = (call: Promise<ApiReply>, t0: number, check: (r: ApiReply) => void) =>
  call.then((r) => {
    check(r);
    return performance.now() - t0;
  });

async function untilSearchable(api: Api, t0: number): Promise<number> {
  for (;;) {
    const s = ok<{ state: string; indexedArticles: number; totalArticles: number }>(await api('search.status', {}), 'status');
    if (s.state === 'ready' && s.indexedArticles >= s.totalArticles) {
      const q = ok<{ hits: unknown[] }>(await api('search.query', { query: 'said', limit: 20 }), 'search');
      if (q.hits.length > 0) return performance.now() - t0;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

type Times = { listening: number; firstPage: number; firstSearch: number; searchable: number; residentMb: number; cpuS: number };

/** CPU seconds (user + system, every thread: the search worker's too) the process has used, from /proc (Linux). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

async function launch(bin: string, notebook: string, n: number): Promise<Times> {
  const t0 = performance.now();
  const { child, api } = await spawnServe([bin], notebook);
  const listening = performance.now() - t0;
  const pageCheck = (r: ApiReply) => {
    const v = ok<{ total: number; items: unknown[] }>(r, 'articles.list');
    if (v.total !== n || v.items.length !== Math.min(200, n)) throw new Error(`first page: ${v.total} articles, ${v.items.length} rows`);
  };
  const [firstPage, firstSearch] = await Promise.all([
    answeredAt(api('articles.list', { sort: 'date', direction: 'desc', offset: 0, limit: 200 }), t0, pageCheck),
    answeredAt(api('search.query', { query: 'said', limit: 20 }), t0, (r) => void ok(r, 'search.query')),
  ]);
  const searchable = await untilSearchable(api, t0);
  const resident = residentMb(child.pid!);
  const cpuS = cpuSeconds(child.pid!);
  await new Promise<void>((done) => {
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });
  return { listening, firstPage, firstSearch, searchable, residentMb: resident, cpuS };
}

const bbc = corpusOrSkip('01-bbc-news-fulltext');
console.log(`start-up benchmark on ${machine()}; sizes ${sizes.join(', ')}; ${ROUNDS} rounds; ${bbc ? 'BBC text' : 'generated text'}`);
console.log(`builds: ${Object.entries(bins).map(([k, v]) => `${k} ${v}`).join('; ')}`);
const rows: Array<Record<string, string | number>> = [];
/** Imports `n` generated articles into a new notebook through this build's server; its close saves the index. */
async function importNotebook(dir: string, notebook: string, n: number): Promise<void> {
  const files = join(dir, 'files');
  let i = 0;
  for (const text of generatedTexts(n, bbc)) {
    const folder = join(files, String(Math.floor(i / FOLDER)).padStart(3, '0'));
    if (i % FOLDER === 0) mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `${String(i++).padStart(6, '0')}.txt`), text);
  }
  await (await NotebookStore.open(notebook, { create: true })).close();
  // Import and index with this build; its close saves the index and the first page.
  const t = performance.now();
  const first = await spawnServe([bins['this build']!], notebook);
  try {
    for (let f = 0; f * FOLDER < n; f++) ok(await first.api('articles.importPaths', { paths: [join(files, String(f).padStart(3, '0'))] }), 'import');
    await untilSearchable(first.api, t);
  } finally {
    await new Promise<void>((done) => {
      first.child.once('exit', () => done());
      first.child.kill('SIGTERM');
    });
  }
  console.log(`  ${n}: imported and indexed in ${((performance.now() - t) / 1000).toFixed(1)} s, load ${load()}`);
}

const kept = process.env.NOTEBOOK;
if (kept && sizes.length > 1) throw new Error('NOTEBOOK keeps one notebook: give one size in SIZES');
/** Runs `fn` in a temp folder, or in NOTEBOOK's parent with the notebook at NOTEBOOK when one is kept. */
const inFolder = (fn: (dir: string, notebook: string) => Promise<void>) =>
  kept ? (mkdirSync(kept, { recursive: true }), fn(join(kept, '..'), kept)) : withTempDir((dir) => fn(dir, join(dir, 'nb')));

/** The notebook's index folder set aside while `fn` runs a first open without it, then put back. */
async function withoutSavedIndex<T>(notebook: string, fn: () => Promise<T>): Promise<T> {
  const index = join(notebook, 'index');
  const aside = join(notebook, '..', 'index-aside');
  if (!existsSync(index)) return fn(); // none yet: this open builds the first, kept for the restarts
  rmSync(aside, { recursive: true, force: true });
  renameSync(index, aside);
  try {
    return await fn();
  } finally {
    rmSync(index, { recursive: true, force: true });
    renameSync(aside, index);
  }
}

for (const n of sizes) {
  await inFolder(async (dir, notebook) => {
    if (kept && existsSync(join(notebook, 'catalog'))) {
      console.log(`  ${n}: reusing the notebook at ${notebook}`);
    } else await importNotebook(dir, notebook, n);

    const times = new Map<string, Times[]>(Object.keys(bins).map((k) => [k, []]));
    const firstOpen = new Map<string, Times>();
    const loadBefore = load();
    if (process.env.FIRST_OPEN === '1') {
      for (const [name, bin] of Object.entries(bins)) {
        firstOpen.set(name, await withoutSavedIndex(notebook, () => launch(bin, notebook, n)));
        const f = firstOpen.get(name)!;
        console.log(`  ${n}: ${name} first open without a saved index: searchable ${ms(f.searchable)} (CPU ${f.cpuS.toFixed(1)} s), resident ${Math.round(f.residentMb)} MB, load ${load()}`);
      }
    }
    let snapshotUsed = 0;
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, bin] of Object.entries(bins)) {
        if (name === 'this build' && (await readFirstPage(layout(notebook))).page) snapshotUsed++;
        const t = await launch(bin, notebook, n);
        times.get(name)!.push(t);
        console.log(`  ${n}: ${name} round ${round + 1}: listening ${ms(t.listening)}, first page ${ms(t.firstPage)}, searchable ${ms(t.searchable)} (CPU ${t.cpuS.toFixed(2)} s), resident ${Math.round(t.residentMb)} MB, load ${load()}`);
      }
    }
    const loadAfter = load();
    console.log(`  ${n}: load average before ${loadBefore}, after ${loadAfter}; saved first page current at ${snapshotUsed} of ${ROUNDS} starts`);
    for (const [name, t] of times) {
      const med = (k: keyof Times) => ms(percentile(t.map((x) => x[k]), 50));
      const max = (k: keyof Times) => ms(Math.max(...t.map((x) => x[k])));
      const f = firstOpen.get(name);
      rows.push({
        articles: n,
        build: name,
        'listening p50 (max)': `${med('listening')} (${max('listening')})`,
        'first page p50 (max)': `${med('firstPage')} (${max('firstPage')})`,
        'first search p50 (max)': `${med('firstSearch')} (${max('firstSearch')})`,
        'searchable p50 (max)': `${med('searchable')} (${max('searchable')})`,
        'CPU s to searchable p50': percentile(t.map((x) => x.cpuS), 50).toFixed(2),
        'resident MB p50 (max)': `${Math.round(percentile(t.map((x) => x.residentMb), 50))} (${Math.round(Math.max(...t.map((x) => x.residentMb)))})`,
        ...(f ? { 'first open: searchable (CPU), MB': `${ms(f.searchable)} (CPU ${f.cpuS.toFixed(1)} s), ${Math.round(f.residentMb)}` } : {}),
        load: `${loadBefore} → ${loadAfter}`,
      });
    }
  });
}
table(rows);
