/**
 * Ranking quality on the Cranfield collection (1,400 abstracts, 225 queries, graded judgments):
 * nDCG@10, MAP and P@10 for Parallax (flexsearch candidates re-ranked with BM25), for flexsearch's own
 * order, and for a BM25 baseline (minisearch), in one run.
 *
 *   npm run eval:search            (needs ../shared/corpora/03-cranfield-ir-test-collection/)
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document } from 'flexsearch';
import MiniSearch from 'minisearch';
import { terms } from '../src-main/core/search/normalise';
import { parseQuery } from '../src-main/core/search/query-parser';
import { SearchEngine } from '../src-main/services/search/search-engine';
import { searchArticle } from '../tests/helpers/search-article';

const DIR = process.env.CRANFIELD_DIR ?? join(import.meta.dirname, '../../shared/corpora/03-cranfield-ir-test-collection');
const DEPTH = 1000;

type Doc = { id: number; title: string; text: string };

/** SMART format: `.I id`, then fields `.T .A .B .W`, CRLF line endings in this copy. */
function parseSmart(file: string): { id: string; fields: Record<string, string> }[] {
  const out: { id: string; fields: Record<string, string> }[] = [];
  let field = '';
  for (const line of readFileSync(file, 'utf8').replace(/\r\n?/g, '\n').split('\n')) {
    const tag = /^\.([A-Z])(?:\s+(.*))?$/.exec(line);
    if (tag && tag[1] === 'I') out.push({ id: tag[2]!.trim(), fields: {} });
    else if (tag) field = tag[1]!;
    else if (out.length) {
      const f = out[out.length - 1]!.fields;
      f[field] = f[field] ? `${f[field]}\n${line}` : line;
    }
  }
  return out;
}

function loadCranfield() {
  const docs: Doc[] = parseSmart(join(DIR, 'cran.all.1400')).map((d) => ({
    id: Number(d.id),
    title: d.fields.T ?? '',
    text: d.fields.W ?? '',
  }));
  // Queries are numbered 1..225 by position in the qrels, whatever their .I says.
  const queries = parseSmart(join(DIR, 'cran.qry')).map((q, i) => ({ qid: i + 1, text: (q.fields.W ?? '').replace(/\s+/g, ' ').trim() }));
  const qrels = new Map<number, Map<number, number>>();
  for (const line of readFileSync(join(DIR, 'cranqrel'), 'utf8').split(/\r?\n/)) {
    const [q, d, code] = line.trim().split(/\s+/).map(Number);
    if (!q || !d || code === undefined || code === -1 || Number.isNaN(code)) continue; // -1 rows carry no judgment
    const gain = 5 - code; // 1 (complete answer) → 4 … 4 (minimum interest) → 1
    if (!qrels.has(q)) qrels.set(q, new Map());
    qrels.get(q)!.set(d, gain);
  }
  return { docs, queries, qrels };
}

function metrics(ranking: number[], judged: Map<number, number>) {
  const top = ranking.slice(0, 10);
  const dcg = top.reduce((s, d, i) => s + (2 ** (judged.get(d) ?? 0) - 1) / Math.log2(i + 2), 0);
  const ideal = [...judged.values()].sort((a, b) => b - a).slice(0, 10);
  const idcg = ideal.reduce((s, g, i) => s + (2 ** g - 1) / Math.log2(i + 2), 0);
  let hits = 0;
  let ap = 0;
  ranking.forEach((d, i) => {
    if (judged.has(d)) {
      hits++;
      ap += hits / (i + 1);
    }
  });
  return { ndcg: idcg ? dcg / idcg : 0, ap: judged.size ? ap / judged.size : 0, p10: top.filter((d) => judged.has(d)).length / 10 };
}

type Ranker = { name: string; rank: (q: string) => number[] };

function parallax(docs: Doc[]): Ranker {
  const engine = new SearchEngine();
  for (const d of docs) {
    engine.upsertArticle(searchArticle(String(d.id), { updatedAt: '', title: d.title, body: d.text }));
  }
  return {
    name: 'Parallax (flexsearch + BM25 re-rank)',
    // A Cranfield query is a sentence, not a boolean query: every word may match ("any" mode).
    rank: (q) =>
      engine
        .search(parseQuery(q).ast, 'any')
        .ranked.top(DEPTH)
        .map((r) => Number(engine.info(r.doc)!.articleId)),
  };
}

function flexsearchOnly(docs: Doc[]): Ranker {
  const encode = (s: string) => terms(s);
  const index = new Document({
    document: {
      id: 'id',
      index: [
        { field: 'title', encode },
        { field: 'text', encode },
      ],
    },
    cache: false,
  } as never) as unknown as {
    add: (d: Doc) => void;
    search: (q: string, o: object) => { id: number }[];
  };
  for (const d of docs) index.add(d);
  return {
    name: "flexsearch's own order (suggest)",
    rank: (q) => index.search(q, { suggest: true, limit: DEPTH, merge: true }).map((r) => r.id),
  };
}

function minisearch(docs: Doc[]): Ranker {
  const ms = new MiniSearch<Doc>({ fields: ['title', 'text'] });
  ms.addAll(docs);
  return {
    name: 'BM25 baseline (minisearch 7)',
    rank: (q) =>
      ms
        .search(q, { combineWith: 'OR' })
        .slice(0, DEPTH)
        .map((r) => r.id as number),
  };
}

function main(): void {
  if (!existsSync(join(DIR, 'cran.all.1400'))) {
    console.log(`Skipped: the Cranfield collection is not at ${DIR} (set CRANFIELD_DIR).`);
    return;
  }
  const { docs, queries, qrels } = loadCranfield();
  console.log(
    `Cranfield: ${docs.length} documents, ${queries.length} queries, ${[...qrels.values()].reduce((s, m) => s + m.size, 0)} judgments`,
  );
  const rows: string[][] = [];
  for (const ranker of [parallax(docs), minisearch(docs), flexsearchOnly(docs)]) {
    let ndcg = 0;
    let map = 0;
    let p10 = 0;
    let n = 0;
    const t = performance.now();
    for (const q of queries) {
      const judged = qrels.get(q.qid);
      if (!judged?.size) continue;
      const m = metrics(ranker.rank(q.text), judged);
      ndcg += m.ndcg;
      map += m.ap;
      p10 += m.p10;
      n++;
    }
    const ms = (performance.now() - t) / queries.length;
    rows.push([ranker.name, (ndcg / n).toFixed(4), (map / n).toFixed(4), (p10 / n).toFixed(4), ms.toFixed(2), String(n)]);
  }
  const head = ['ranker', 'nDCG@10', 'MAP', 'P@10', 'ms/query', 'queries'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const r of [head, ...rows]) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  '));
  const [px, base] = rows.map((r) => Number(r[1]));
  console.log(
    px! >= base! ? 'Parallax ranks at least as well as the BM25 baseline (nDCG@10).' : 'Parallax ranks BELOW the BM25 baseline (nDCG@10).',
  );
}

main();
