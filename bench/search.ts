/**
 * First, search as users wait for it (search-peers.ts): for each size, a notebook of scale-corpus articles
 * searched through `parallax serve`, in-process and with SQLite FTS5, interleaved over 3 rounds (needs
 * `npm run build`; PEERS=0 skips it, PEERS_ONLY=1 runs only it).
 *
 * Then search at scale: Parallax vs minisearch on 10k and 100k articles of about 500 words (replicated BBC
 * text, see search-corpus.ts). Prints build rate, heap, export size and time, import (restart) time, and
 * p50/p95 latency of 1-, 2- and 3-word queries, a phrase and a filtered query, top 20 with snippets.
 *
 *   npm run bench:search                 (SIZES=10000 npm run bench:search for a quick run)
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { makeSnippets, matchText, satisfies } from '../src-main/core/search/highlight';
import { parseQuery } from '../src-main/core/search/query-parser';
import type { SearchArticle } from '../src-main/core/search/search-doc';
import { loadIndex, saveIndex, versionsChecksum } from '../src-main/services/search/index-files';
import { runQuery } from '../src-main/services/search/run-query';
import { SearchEngine } from '../src-main/services/search/search-engine';
import { generateCorpus, loadBbc, BBC_DIR } from './search-corpus';
import { corpusOrSkip, loadAverage, machine, rng } from './bench-utils';
import { compareSearchOnGenerated } from './search-peers';

const SIZES = (process.env.SIZES ?? '10000,100000').split(',').map(Number);
const RUNS = Number(process.env.RUNS ?? 200);
const MINI_RUNS = Number(process.env.MINI_RUNS ?? 60);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const heapMb = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};
const fmt = (n: number, d = 1) => n.toFixed(d);


type QuerySet = Record<string, string[]>;

function makeQueries(corpus: SearchArticle[], n: number): QuerySet {
  const rand = rng(42);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const wordsOf = (a: SearchArticle) => a.body.split(/[^A-Za-z]+/).filter((w) => w.length >= 4);
  const set: QuerySet = { '1 word': [], '2 words': [], '3 words': [], phrase: [], prefix: [], 'filtered (word + outlet:)': [] };
  for (let i = 0; i < n; i++) {
    const a = pick(corpus);
    const ws = wordsOf(a);
    if (ws.length < 10) continue;
    set['1 word']!.push(pick(ws));
    set['2 words']!.push(`${pick(ws)} ${pick(ws)}`);
    set['3 words']!.push(`${pick(ws)} ${pick(ws)} ${pick(ws)}`);
    const tokens = a.body.split(/\s+/).filter((w) => /^[A-Za-z]{3,}$/.test(w));
    const at = Math.floor(rand() * (tokens.length - 1));
    set.phrase!.push(`"${tokens[at]} ${tokens[at + 1]}"`);
    set.prefix!.push(`${pick(ws).slice(0, 4).toLowerCase()}*`);
    set['filtered (word + outlet:)']!.push(`${pick(ws)} outlet:"${a.outlet}"`);
  }
  // Questions with a word no article has: every word finds nothing, so most of the words answer, re-ranked
  // by feedback. A generator of their own, so the other kinds ask what they asked before.
  const ask = rng(7);
  const choose = <T>(xs: T[]) => xs[Math.floor(ask() * xs.length)]!;
  set['most of the words (question)'] = [];
  while (set['most of the words (question)'].length < n) {
    const ws = wordsOf(choose(corpus));
    if (ws.length >= 10) set['most of the words (question)'].push(`how did ${choose(ws)} ${choose(ws)} ${choose(ws)} affect zanzibarq`);
  }
  return set;
}

function percentiles(times: number[]) {
  const s = [...times].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { p50: at(0.5), p95: at(0.95) };
}

/** Per kind: wall-clock p50/p95 ms, CPU ms per query (this process, user + system: less swayed by load), hits. */
async function timeQueries(qs: QuerySet, runs: number, run: (q: string) => Promise<number>) {
  const out: Record<string, { p50: number; p95: number; cpu: number; hits: number }> = {};
  for (const [kind, list] of Object.entries(qs)) {
    const sample = list.slice(0, runs);
    for (const q of sample.slice(0, 10)) await run(q); // warm-up
    const times: number[] = [];
    let hits = 0;
    const cpu0 = process.cpuUsage();
    for (const q of sample) {
      const t = performance.now();
      hits += await run(q);
      times.push(performance.now() - t);
    }
    const cpu = process.cpuUsage(cpu0);
    out[kind] = { ...percentiles(times), cpu: (cpu.user + cpu.system) / 1000 / sample.length, hits: hits / sample.length };
  }
  return out;
}

const dirSize = (dir: string) => readdirSync(dir).reduce((s, f) => s + statSync(join(dir, f)).size, 0);

async function benchParallax(corpus: SearchArticle[], qs: QuerySet) {
  const byId = new Map(corpus.map((a) => [a.id, a]));
  const load = async (id: string) => byId.get(id) ?? null;
  const heap0 = heapMb();
  let t = performance.now();
  let engine: SearchEngine | null = new SearchEngine();
  for (const a of corpus) engine.upsertArticle(a);
  const buildS = (performance.now() - t) / 1000;
  const heap = heapMb() - heap0;
  const dir = join(mkdtempSync(join(tmpdir(), 'parallax-bench-')), 'index');
  t = performance.now();
  await saveIndex(dir, engine.source(), { articles: engine.articleCount, checksum: versionsChecksum(engine.articleVersions()) });
  const exportS = (performance.now() - t) / 1000;
  const exportMb = dirSize(dir) / 2 ** 20;
  // eslint-disable-next-line no-useless-assignment -- drop the built index so the import is measured alone
  engine = null;
  heapMb();
  t = performance.now();
  const saved = await loadIndex(dir);
  const restored = await SearchEngine.restore(saved!.snap);
  await runQuery(restored, load, { query: 'government', limit: 20, offset: 0 }, true);
  const importS = (performance.now() - t) / 1000;
  const heapAfterImport = heapMb() - heap0;
  rmSync(join(dir, '..'), { recursive: true, force: true });
  const latency = await timeQueries(
    qs,
    RUNS,
    async (query) => (await runQuery(restored, load, { query, limit: 20, offset: 0 }, true)).hits.length,
  );
  return { buildS, heap, exportMb, exportS, importS, heapAfterImport, latency };
}

/** minisearch with the same work per query: AND of the words, phrase check and snippets on the top 20. */
async function benchMinisearch(corpus: SearchArticle[], qs: QuerySet) {
  const byId = new Map(corpus.map((a) => [a.id, a]));
  const options = {
    fields: ['title', 'body', 'outlet', 'tags'],
    storeFields: ['outlet'],
    extractField: (d: SearchArticle, f: string) => (f === 'tags' ? d.tags.join(' ') : String((d as never)[f] ?? '')),
  };
  const heap0 = heapMb();
  let t = performance.now();
  let ms: MiniSearch<SearchArticle> | null = new MiniSearch<SearchArticle>(options);
  for (const a of corpus) ms.add(a);
  const buildS = (performance.now() - t) / 1000;
  const heap = heapMb() - heap0;
  t = performance.now();
  const json = JSON.stringify(ms);
  const exportS = (performance.now() - t) / 1000;
  const exportMb = Buffer.byteLength(json) / 2 ** 20;
  // eslint-disable-next-line no-useless-assignment -- drop the built index so the import is measured alone
  ms = null;
  heapMb();
  t = performance.now();
  const loaded = MiniSearch.loadJSON<SearchArticle>(json, options);
  const importS = (performance.now() - t) / 1000;
  const heapAfterImport = heapMb() - heap0;
  const latency = await timeQueries(qs, MINI_RUNS, async (query) => {
    const { ast } = parseQuery(query);
    const words = ast.groups.flat().flatMap((c) => (c.kind === 'phrase' ? c.terms : c.kind === 'term' ? [c.term] : [c.prefix]));
    const outlet = /outlet:"([^"]+)"/.exec(query)?.[1];
    const found = loaded.search(words.join(' '), { combineWith: 'AND', ...(outlet ? { filter: (r) => r.outlet === outlet } : {}) });
    let n = 0;
    for (const r of found) {
      if (n >= 20) break;
      const a = byId.get(r.id as string)!;
      const body = matchText(a.body, ast);
      if (!satisfies([matchText(a.title, ast), body], ast)) continue;
      makeSnippets(a.body, body.hits);
      n++;
    }
    return n;
  });
  return { buildS, heap, exportMb, exportS, importS, heapAfterImport, latency };
}

async function main() {
  if (process.env.PEERS !== '0') {
    console.log(`search benchmark on ${machine()}; load ${loadAverage()}`);
    const bbc = corpusOrSkip('01-bbc-news-fulltext');
    for (const size of SIZES) await compareSearchOnGenerated(size, bbc);
    if (process.env.PEERS_ONLY === '1') return;
  }
  const sources = loadBbc();
  if (!sources) {
    console.log(`Skipped: the BBC corpus is not at ${BBC_DIR} (set BBC_DIR).`);
    return;
  }
  console.log(
    `Node ${process.version}, ${process.arch}; corpus from ${sources.length} BBC articles; ${RUNS} Parallax / ${MINI_RUNS} minisearch queries per kind`,
  );
  for (const size of SIZES) {
    const corpus = [...generateCorpus(sources, size)];
    const words = corpus.reduce((s, a) => s + a.body.split(/\s+/).length, 0) / corpus.length;
    const qs = makeQueries(corpus, Math.max(RUNS, MINI_RUNS) + 10);
    console.log(`\n## ${size.toLocaleString('en')} articles (${fmt(words, 0)} words on average); load ${loadavg()[0]!.toFixed(2)}`);
    const px = await benchParallax(corpus, qs);
    const mini = process.env.SKIP_MINISEARCH ? null : await benchMinisearch(corpus, qs);
    const row = (name: string, r: typeof px) =>
      `${name.padEnd(11)} build ${fmt(r.buildS)} s (${fmt(size / r.buildS, 0)} docs/s)  heap ${fmt(r.heap, 0)} MB  export ${fmt(r.exportMb, 0)} MB in ${fmt(r.exportS)} s  import+first query ${fmt(r.importS, 2)} s (heap ${fmt(r.heapAfterImport, 0)} MB)`;
    console.log(row('Parallax', px));
    if (mini) console.log(row('minisearch', mini));
    console.log(
      `\n${'query (top 20, snippets)'.padEnd(30)}${'Parallax p50/p95 ms'.padEnd(22)}${'CPU ms/query'.padEnd(14)}${'minisearch p50/p95 ms'.padEnd(24)}speed-up (p95)  hits`,
    );
    for (const kind of Object.keys(px.latency)) {
      const a = px.latency[kind]!;
      const b = mini?.latency[kind];
      console.log(
        `${kind.padEnd(30)}${`${fmt(a.p50, 2)} / ${fmt(a.p95, 2)}`.padEnd(22)}${fmt(a.cpu, 2).padEnd(14)}${(b ? `${fmt(b.p50, 2)} / ${fmt(b.p95, 2)}` : '—').padEnd(24)}${(b ? `${fmt(b.p95 / a.p95, 0)}×` : '—').padEnd(16)}${fmt(a.hits, 1)}`,
      );
    }
  }
}

await main();
