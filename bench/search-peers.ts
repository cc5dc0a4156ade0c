/**
 * Search as users wait for it, with its peers, on one notebook in one run: Parallax served (HTTP through a
 * real `parallax serve`, `search.query` as the renderer calls it), Parallax in-process (the engine and
 * runQuery with the texts in memory, what the older figures report) and SQLite FTS5 (fts5-peer.ts), all
 * indexing the same title and body of every article of the notebook.
 *
 * ROUNDS rounds (3), the engines' order rotated each round so none always runs on a warmer or quieter
 * machine. Each round measures, per engine:
 *   build: served, the first open with no saved index until searchable (the index built from the article
 *     files); in-process, indexing the texts in memory; FTS5, creating the table in one transaction;
 *   restart to searchable: served, launch until a query answers (the saved index is read); in-process, reading
 *     the saved index and answering one query (same process); FTS5, a fresh process that opens the database
 *     and answers one query (fts5-restart.mjs);
 *   index MB / process MB: served, the whole server process after the restart (both); in-process, the growth
 *     of this process's heap for the restored engine / this process's RSS (which holds every text too);
 *     FTS5, the growth of the fresh process's RSS for opening and answering / that process's RSS;
 *   p50/p95 of QUERIES (100) queries of each kind, top 20 with snippets, pooled over the rounds.
 * The load average is printed with every round.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { SearchArticle } from '../src-main/core/search/search-doc';
import { toSearchArticle } from '../src-main/core/search/search-doc';
import { loadIndex, saveIndex, versionsChecksum } from '../src-main/services/search/index-files';
import { runQuery } from '../src-main/services/search/run-query';
import { SearchEngine } from '../src-main/services/search/search-engine';
import { NotebookStore } from '../src-main/services/store/notebook-store';
import { loadAverage, percentile, residentMb, rng, withTempDir } from './bench-utils';
import { buildFts5, openFts5, restartFts5 } from './fts5-peer';
import { writeCorpusFolders } from './scale-corpus';
import { importFolders, ok, serve, untilSearchable } from './served';

const ROUNDS = Number(process.env.ROUNDS ?? 3);
const QUERIES = Number(process.env.QUERIES ?? 100);
const KINDS = ['one word', 'three words', 'phrase', 'prefix'] as const;
type Kind = (typeof KINDS)[number];
type Queries = Record<Kind, string[]>;
const ENGINES = ['Parallax served', 'Parallax in-process', 'SQLite FTS5'] as const;
type EngineName = (typeof ENGINES)[number];

/** One engine's figures for one round: build and restart in ms, resident MB, each query's ms and hits by kind. */
type RoundFigures = {
  buildMs: number;
  restartMs: number;
  residentMb: number;
  processMb: number;
  times: Record<Kind, number[]>;
  hits: Record<Kind, number[]>;
};

/**
 * QUERIES queries of each kind drawn (seeded, so every run asks the same) from the articles' own words, so
 * most find something: one word of 4+ letters; three such words of one article (all must match); two
 * adjacent words of one article as a phrase; the first 3–5 letters of a word of 6+ letters as a prefix.
 */
export function makeQueries(articles: SearchArticle[], n: number): Queries {
  const rand = rng(42);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const out: Queries = { 'one word': [], 'three words': [], phrase: [], prefix: [] };
  while (out.prefix.length < n) {
    const body = pick(articles).body;
    const tokens = body.split(/\s+/);
    const words = tokens.filter((w) => /^[A-Za-z]{4,}$/.test(w));
    const long = words.filter((w) => w.length >= 6);
    const at = Math.floor(rand() * (tokens.length - 1));
    const pair = [tokens[at]!, tokens[at + 1]!];
    // Two plain words side by side (no punctuation between them), so the phrase is in this article.
    if (words.length < 10 || long.length === 0 || !/^[A-Za-z]{3,}$/.test(pair[0]!) || !/^[A-Za-z]{3,}[.,;:]?$/.test(pair[1]!)) continue;
    out['one word'].push(pick(words).toLowerCase());
    out['three words'].push([pick(words), pick(words), pick(words)].join(' ').toLowerCase());
    out.phrase.push(`"${pair.map((t) => t.replace(/[^A-Za-z]/g, '').toLowerCase()).join(' ')}"`);
    const w = pick(long).toLowerCase();
    out.prefix.push(`${w.slice(0, 3 + Math.floor(rand() * 3))}*`);
  }
  return out;
}

async function timeKinds(queries: Queries, run: (q: string) => Promise<number> | number) {
  const times = {} as Record<Kind, number[]>;
  const hits = {} as Record<Kind, number[]>;
  for (const kind of KINDS) {
    for (const q of queries[kind].slice(0, 5)) await run(q); // warm-up: the first calls compile and fill caches
    times[kind] = [];
    hits[kind] = [];
    for (const q of queries[kind]) {
      const t0 = performance.now();
      hits[kind].push(await run(q));
      times[kind].push(performance.now() - t0);
    }
  }
  return { times, hits };
}

async function readArticles(notebook: string): Promise<SearchArticle[]> {
  const store = await NotebookStore.open(notebook, { durability: 'none' });
  const out: SearchArticle[] = [];
  const ids = [...store.entries()].map((e) => e.id);
  for (let i = 0; i < ids.length; i += 500)
    out.push(...(await Promise.all(ids.slice(i, i + 500).map((id) => store.readArticle(id)))).map(toSearchArticle));
  await store.close();
  return out;
}

async function roundServed(notebook: string, queries: Queries): Promise<RoundFigures> {
  rmSync(join(notebook, 'index'), { recursive: true, force: true });
  const t0 = performance.now();
  const first = await serve(notebook);
  const buildMs = await untilSearchable(first.api, t0);
  await first.stop(); // saves the index
  const t1 = performance.now();
  const app = await serve(notebook);
  const restartMs = await untilSearchable(app.api, t1);
  const rss = residentMb(app.pid);
  const measured = await timeKinds(
    queries,
    async (query) => ok<{ hits: unknown[] }>(await app.api('search.query', { query, limit: 20, offset: 0 }), query).hits.length,
  );
  await app.stop();
  return { buildMs, restartMs, residentMb: rss, processMb: rss, ...measured };
}

const gc = (globalThis as { gc?: () => void }).gc;
/** Heap in use after collecting, or resident size when the process runs without --expose-gc. */
const memoryMb = () => {
  if (!gc) return process.memoryUsage().rss / 2 ** 20;
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

async function roundInProcess(articles: SearchArticle[], queries: Queries, dir: string): Promise<RoundFigures> {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const load = async (id: string) => byId.get(id) ?? null;
  let t0 = performance.now();
  let engine: SearchEngine | null = new SearchEngine();
  for (const a of articles) engine.upsertArticle(a);
  const buildMs = performance.now() - t0;
  const indexDir = join(dir, 'index');
  await saveIndex(indexDir, engine.source(), { articles: engine.articleCount, checksum: versionsChecksum(engine.articleVersions()) });
  // eslint-disable-next-line no-useless-assignment -- drop the built engine so the restart is measured alone
  engine = null;
  const mem0 = memoryMb();
  t0 = performance.now();
  const saved = await loadIndex(indexDir);
  const restored = await SearchEngine.restore(saved!.snap);
  await runQuery(restored, load, { query: 'said', limit: 20, offset: 0 }, true);
  const restartMs = performance.now() - t0;
  const resident = memoryMb() - mem0;
  rmSync(indexDir, { recursive: true, force: true });
  const measured = await timeKinds(
    queries,
    async (query) => (await runQuery(restored, load, { query, limit: 20, offset: 0 }, true)).hits.length,
  );
  return { buildMs, restartMs, residentMb: resident, processMb: process.memoryUsage().rss / 2 ** 20, ...measured };
}

async function roundFts5(articles: SearchArticle[], queries: Queries, dir: string): Promise<RoundFigures> {
  const path = join(dir, 'fts5.db');
  for (const f of ['', '-wal', '-shm']) rmSync(path + f, { force: true });
  const buildMs = buildFts5(path, articles) * 1000;
  const restart = restartFts5(path, 'said');
  const db = openFts5(path);
  const measured = await timeKinds(queries, (q) => db.search(q));
  db.close();
  return {
    buildMs,
    restartMs: restart.wallMs,
    residentMb: restart.rssAfterMb - restart.rssBeforeMb,
    processMb: restart.rssAfterMb,
    ...measured,
  };
}

const median = (xs: number[]) => percentile(xs, 50);
const f1 = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(1));

/** Runs the comparison on `notebook` (closed: no server may have it open), with scratch files under `workDir`. */
export async function compareSearch(notebook: string, workDir: string): Promise<void> {
  mkdirSync(workDir, { recursive: true });
  const articles = await readArticles(notebook);
  const queries = makeQueries(articles, QUERIES);
  console.log(
    `\n### search, ${articles.length.toLocaleString('en')} articles: served vs in-process vs SQLite FTS5, ${ROUNDS} rounds × ${QUERIES} queries per kind, top 20 with snippets`,
  );
  const figures: Record<EngineName, RoundFigures[]> = { 'Parallax served': [], 'Parallax in-process': [], 'SQLite FTS5': [] };
  for (let round = 0; round < ROUNDS; round++) {
    const order = ENGINES.map((_, k) => ENGINES[(k + round) % ENGINES.length]!);
    const loads = [loadAverage()];
    for (const name of order) {
      const r =
        name === 'Parallax served'
          ? await roundServed(notebook, queries)
          : name === 'Parallax in-process'
            ? await roundInProcess(articles, queries, workDir)
            : await roundFts5(articles, queries, workDir);
      figures[name].push(r);
      loads.push(loadAverage());
    }
    console.log(`  round ${round + 1} (${order.join(' → ')}): load ${loads.join(' | ')}`);
  }
  const rows = ENGINES.map((name) => {
    const rs = figures[name];
    const row: Record<string, string> = {
      engine: name,
      'build s (median)': (median(rs.map((r) => r.buildMs)) / 1000).toFixed(2),
      'restart→searchable s (min–max)': `${(median(rs.map((r) => r.restartMs)) / 1000).toFixed(2)} (${(Math.min(...rs.map((r) => r.restartMs)) / 1000).toFixed(2)}–${(Math.max(...rs.map((r) => r.restartMs)) / 1000).toFixed(2)})`,
      // What the index adds (the server: its whole process) and the process that holds it (this bench, for in-process).
      'index MB / process MB': `${median(rs.map((r) => r.residentMb)).toFixed(0)} / ${median(rs.map((r) => r.processMb)).toFixed(0)}`,
    };
    for (const kind of KINDS) {
      const all = rs.flatMap((r) => r.times[kind]);
      const hits = rs.flatMap((r) => r.hits[kind]);
      row[`${kind} p50/p95 ms (hits)`] =
        `${f1(percentile(all, 50))} / ${f1(percentile(all, 95))} (${(hits.reduce((s, h) => s + h, 0) / hits.length).toFixed(1)})`;
    }
    return row;
  });
  console.table(rows);
  const served = figures['Parallax served'];
  const fts = figures['SQLite FTS5'];
  const ratio = KINDS.map((kind) => {
    const p = (rs: RoundFigures[], q: number) =>
      percentile(
        rs.flatMap((r) => r.times[kind]),
        q,
      );
    return `${kind} ${(p(served, 95) / p(fts, 95)).toFixed(1)}×`;
  });
  console.log(`  served p95 / FTS5 p95: ${ratio.join(', ')}; load ${loadAverage()}`);
}

/** The comparison on a fresh notebook of `n` scale-corpus articles, imported through `parallax serve` as a user imports them. */
export async function compareSearchOnGenerated(n: number, bbcDir: string | null): Promise<void> {
  await withTempDir(async (dir) => {
    const folders = writeCorpusFolders(join(dir, 'files'), n, bbcDir);
    const notebook = join(dir, 'nb');
    await (await NotebookStore.open(notebook, { create: true })).flush();
    const server = await serve(notebook);
    const t0 = performance.now();
    const { imported } = await importFolders(server.api, folders);
    await untilSearchable(server.api, t0);
    await server.stop();
    console.log(
      `\n${imported.toLocaleString('en')} of ${n.toLocaleString('en')} articles imported in ${((performance.now() - t0) / 1000).toFixed(1)} s; load ${loadAverage()}`,
    );
    rmSync(join(dir, 'files'), { recursive: true, force: true });
    await compareSearch(notebook, join(dir, 'peers'));
  });
}
