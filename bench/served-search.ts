/**
 * `npm run bench:served`: search as the renderer calls it, over HTTP through `parallax serve`
 * (`search.query`, limit 50, snippets included), on a notebook of SIZE generated articles (10,000 by
 * default; BBC text, see scale-corpus.ts). One word, three words, a phrase and a prefix: p50/p95 over
 * ROUNDS interleaved rounds.
 *
 * BASELINE=<checkout with a build> (e.g. /work/main) serves a copy of the same notebook with that
 * checkout's `bin/parallax.mjs` in the same run: each query is asked of both servers one after the other,
 * which goes first alternating, so both see the same machine load. The two answers are compared (ids,
 * snippets, totals) and any difference is counted. Needs the build of this checkout (`npm run build`).
 */
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Api, ApiReply } from '../tests/helpers/serve-process';
import { spawnServe } from '../tests/helpers/serve-process';
import type { ArticleRecord } from '../src-main/core/article/article-record';
import { toSearchArticle } from '../src-main/core/search/search-doc';
import { readJsonFile } from '../src-main/services/store/durable-json-file';
import { layout } from '../src-main/services/store/notebook-layout';
import { NotebookStore } from '../src-main/services/store/notebook-store';
import { TextStore } from '../src-main/services/search/text-store';
import { corpusOrSkip, machine, ms, percentile, rng, table, withTempDir } from './bench-utils';
import { generatedTexts } from './scale-corpus';

const SIZE = Number(process.env.SIZE ?? 10_000);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const PER_KIND = Number(process.env.QUERIES ?? 40);
const LIMIT = 50; // what the search view asks for (use-search.ts)
/** Files per `articles.importPaths` call: small enough that a call answers within fetch's 300 s on a busy machine. */
const FOLDER = 1_000;
const bin = fileURLToPath(new URL('../bin/parallax.mjs', import.meta.url));
const baselineDir = process.env.BASELINE;
const baselineBin = baselineDir ? join(baselineDir, 'bin', 'parallax.mjs') : null;
if (baselineBin && !existsSync(join(baselineDir!, 'out', 'main', 'cli.js')))
  throw new Error(`${baselineDir} has no build (out/main/cli.js)`);

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

type Server = { name: string; api: Api; stop: () => Promise<void> };
async function serve(name: string, launcher: string, notebook: string): Promise<Server> {
  const { child, api } = await spawnServe([launcher], notebook);
  return {
    name,
    api,
    stop: () =>
      new Promise((done) => {
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

function ok<T>(r: ApiReply, what: string): T {
  if (!r.ok) throw new Error(`${what}: ${r.error?.message}`);
  return r.value as T;
}

async function untilSearchable(api: Api): Promise<void> {
  for (;;) {
    const s = (await api('search.status', {})).value as { state?: string; indexedArticles?: number; totalArticles?: number } | undefined;
    if (s?.state === 'ready' && s.indexedArticles === s.totalArticles) return;
    await new Promise((res) => setTimeout(res, 50));
  }
}


/** Queries of each kind from the article texts (a seeded pick: every run asks the same). */
function makeQueries(texts: string[]): Record<string, string[]> {
  const rand = rng(7);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const out: Record<string, string[]> = { 'one word': [], 'three words': [], phrase: [], prefix: [] };
  while (out.prefix!.length < PER_KIND) {
    const tokens = pick(texts)
      .split(/\s+/)
      .filter((w) => /^[A-Za-z]{3,}$/.test(w));
    const words = tokens.filter((w) => w.length >= 4);
    if (words.length < 20) continue;
    out['one word']!.push(pick(words).toLowerCase());
    out['three words']!.push([pick(words), pick(words), pick(words)].join(' ').toLowerCase());
    const at = Math.floor(rand() * (tokens.length - 1));
    out.phrase!.push(`"${tokens[at]} ${tokens[at + 1]}"`.toLowerCase());
    out.prefix!.push(`${pick(words).slice(0, 4).toLowerCase()}*`);
  }
  return out;
}

type Answer = { hits: Array<{ id: string; snippets: unknown[] }>; total: number; approximate: boolean };
const fingerprint = (a: Answer) => JSON.stringify([a.total, a.approximate, a.hits.map((h) => [h.id, h.snippets])]);

/**
 * What one hit's text costs the worker, in this process: a record of the search texts against its
 * article file read and converted (what the worker did before), the same articles, interleaved.
 */
async function readCost(notebook: string): Promise<void> {
  const texts = await TextStore.open(notebook, { writable: false, tmpDir: join(notebook, 'tmp') });
  const store = await NotebookStore.open(notebook, { readerOnly: true });
  const rand = rng(11);
  const all = [...store.entries()];
  const picked = Array.from({ length: 2000 }, () => all[Math.floor(rand() * all.length)]!);
  const fromTexts: number[] = [];
  const fromFiles: number[] = [];
  let missing = 0;
  for (const e of picked) {
    let t = performance.now();
    if (!texts.get(e.id, e.updatedAt)) missing++;
    fromTexts.push(performance.now() - t);
    t = performance.now();
    const r = await readJsonFile<ArticleRecord>(layout(notebook).article(e.id));
    if (r) toSearchArticle(r);
    fromFiles.push(performance.now() - t);
  }
  await texts.close();
  const us = (v: number[], p: number) => `${(percentile(v, p) * 1000).toFixed(0)} µs`;
  console.log(
    `one hit's text, ${picked.length} random articles: search texts p50 ${us(fromTexts, 50)} / p95 ${us(fromTexts, 95)}` +
      ` (${missing} not found); article file p50 ${us(fromFiles, 50)} / p95 ${us(fromFiles, 95)}; load ${load()}`,
  );
}

const bbc = corpusOrSkip('01-bbc-news-fulltext');
console.log(
  `served search on ${machine()}; ${SIZE} articles (${bbc ? 'BBC text' : 'generated text'}); ${ROUNDS} rounds × ${PER_KIND} queries per kind`,
);
console.log(`load average at start: ${load()}`);

await withTempDir(async (dir) => {
  const files = join(dir, 'files');
  const texts: string[] = [];
  let i = 0;
  for (const text of generatedTexts(SIZE, bbc)) {
    const folder = join(files, String(Math.floor(i / FOLDER)).padStart(3, '0'));
    if (i % FOLDER === 0) mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `${String(i++).padStart(6, '0')}.txt`), text);
    if (i % 97 === 0) texts.push(text);
  }
  const notebook = join(dir, 'nb');
  await (await NotebookStore.open(notebook, { create: true })).flush();
  const t0 = performance.now();
  const importer = await serve('import', bin, notebook);
  try {
    for (const folder of readdirSync(files).sort())
      ok(await importer.api('articles.importPaths', { paths: [join(files, folder)] }), 'import');
    await untilSearchable(importer.api);
  } finally {
    await importer.stop(); // saves the index and the search texts
  }
  console.log(`imported and indexed ${SIZE} in ${((performance.now() - t0) / 1000).toFixed(1)} s, load ${load()}`);
  const tablePath = join(notebook, 'search-texts', 'table.json');
  const stored = existsSync(tablePath) ? (JSON.parse(readFileSync(tablePath, 'utf8')) as { ids: string }).ids.split('\n').length : 0;
  console.log(`search texts: ${stored} records`);

  const copy = join(dir, 'nb-baseline');
  if (baselineBin) {
    // The baseline's own copy (the lock left out: no server runs on it yet); it knows no search texts.
    cpSync(notebook, copy, { recursive: true, filter: (src) => !/notebook\.lock/.test(src) });
    rmSync(join(copy, 'search-texts'), { recursive: true, force: true });
  }
  const servers: Server[] = [await serve('this build', bin, notebook)];
  try {
    if (baselineBin) servers.push(await serve(`baseline (${baselineDir})`, baselineBin, copy));
    for (const s of servers) await untilSearchable(s.api);
    await timeQueries(servers, texts);
  } finally {
    for (const s of servers) await s.stop();
  }
  await readCost(notebook);
});

async function timeQueries(servers: Server[], texts: string[]): Promise<void> {
  const queries = makeQueries(texts);
  const times = new Map<string, number[]>();
  let differ = 0;
  let asked = 0;
  const ask = async (s: Server, query: string) => {
    const t = performance.now();
    const answer = ok<Answer>(await s.api('search.query', { query, limit: LIMIT, offset: 0 }), query);
    return { answer, ms: performance.now() - t };
  };
  // Warm-up: the first queries pay for the servers' code and caches being loaded.
  for (const list of Object.values(queries)) for (const q of list.slice(0, 5)) for (const s of servers) await ask(s, q);
  console.log(`load average before timing: ${load()}`);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [kind, list] of Object.entries(queries)) {
      for (const [k, q] of list.entries()) {
        const order = (round + k) % 2 === 0 ? servers : [...servers].reverse();
        const answers: string[] = [];
        for (const s of order) {
          const { answer, ms: took } = await ask(s, q);
          const key = `${s.name}|${kind}`;
          times.set(key, [...(times.get(key) ?? []), took]);
          answers.push(fingerprint(answer));
        }
        asked++;
        if (answers.length === 2 && answers[0] !== answers[1]) differ++;
      }
    }
    console.log(`  round ${round + 1} done, load ${load()}`);
  }
  const rows: Array<Record<string, string>> = [];
  for (const kind of Object.keys(queries)) {
    const row: Record<string, string> = { query: kind };
    for (const s of servers) {
      const t = times.get(`${s.name}|${kind}`)!;
      row[`${s.name} p50 / p95`] = `${ms(percentile(t, 50))} / ${ms(percentile(t, 95))}`;
    }
    if (servers.length === 2) {
      const [a, b] = servers.map((s) => times.get(`${s.name}|${kind}`)!);
      row['p50 ratio'] = `${(percentile(a!, 50) / percentile(b!, 50)).toFixed(2)}×`;
      row['p95 ratio'] = `${(percentile(a!, 95) / percentile(b!, 95)).toFixed(2)}×`;
    }
    rows.push(row);
  }
  table(rows);
  if (servers.length === 2) console.log(`answers that differ between the two builds: ${differ} of ${asked}`);
  console.log(`load average at end: ${load()}`);
}
