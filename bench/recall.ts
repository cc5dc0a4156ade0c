/**
 * Phrase recall on a generated BBC notebook (search-corpus.ts, 10k articles by default): three phrases of
 * common words, each answered as the search view asks (top 20) and exhaustively, beside an exhaustive scan
 * of every article's words (tests/helpers/exhaustive-scan.ts) computed in the same run.
 *
 *   npm run bench:recall                 (SIZE=100000 npm run bench:recall for the large notebook)
 */
import { loadavg } from 'node:os';
import type { Clause } from '../src-main/core/search/query-ast';
import { parseQuery } from '../src-main/core/search/query-parser';
import { runQuery } from '../src-main/services/search/run-query';
import { SearchEngine } from '../src-main/services/search/search-engine';
import { exhaustiveScan } from '../tests/helpers/exhaustive-scan';
import { BBC_DIR, generateCorpus, loadBbc } from './search-corpus';

const SIZE = Number(process.env.SIZE ?? 10_000);
const PHRASES = ['one of the', 'last year', 'said it would'];
const load1 = () => loadavg()[0]!.toFixed(2);

async function main() {
  const sources = loadBbc();
  if (!sources) {
    console.log(`Skipped: the BBC corpus is not at ${BBC_DIR} (set BBC_DIR).`);
    return;
  }
  const corpus = [...generateCorpus(sources, SIZE)];
  const byId = new Map(corpus.map((a) => [a.id, a]));
  const load = async (id: string) => byId.get(id) ?? null;
  const engine = new SearchEngine();
  for (const a of corpus) engine.upsertArticle(a);
  console.log(`Node ${process.version}; ${SIZE.toLocaleString('en')} generated BBC articles; load ${load1()}`);
  console.log(`${'phrase'.padEnd(18)}${'scan'.padEnd(8)}${'top 20: hits / total'.padEnd(30)}${'exhaustive: total'.padEnd(20)}ms (top 20 / exhaustive)  load`);
  for (const phrase of PHRASES) {
    const query = `"${phrase}"`;
    // The phrase as parsed: one clause per way the notebook's languages stem it, any of which may match.
    const truth = new Set<string>();
    for (const clause of parseQuery(query, engine.languages()).ast.groups[0]! as Extract<Clause, { kind: 'phrase' }>[]) {
      for (const id of exhaustiveScan(corpus, { words: [], phrases: [clause.terms], prefixes: [] })) truth.add(id);
    }
    let t = performance.now();
    const page = await runQuery(engine, load, { query, limit: 20, offset: 0 }, true);
    const pageMs = performance.now() - t;
    t = performance.now();
    const all = await runQuery(engine, load, { query, limit: 20, offset: 0, exhaustive: true }, true);
    const allMs = performance.now() - t;
    const good = page.hits.filter((h) => truth.has(h.id)).length;
    const shown = `${page.hits.length} (${good} true) / ${page.approximate ? 'about ' : ''}${page.total}`;
    const exact = `${all.approximate ? 'about ' : ''}${all.total}`;
    console.log(
      `${query.padEnd(18)}${String(truth.size).padEnd(8)}${shown.padEnd(30)}${exact.padEnd(20)}${`${pageMs.toFixed(0)} / ${allMs.toFixed(0)}`.padEnd(25)}${load1()}`,
    );
  }
}

await main();
