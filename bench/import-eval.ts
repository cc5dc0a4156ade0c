/**
 * `npm run eval:import`: how well Parallax reads real pages, on the article-extraction benchmark
 * (../shared/corpora/07-article-extraction-benchmark/: 181 saved pages with the body a person marked, and six
 * extractors' published outputs). Two uses, scored with the benchmark's own metric (extraction-metric.ts):
 *
 *   - saved page: the .html imported as a file (sanitised, extracted, analysed), the stored body scored;
 *   - pasted page: the page's visible text as Select All + Copy gives it (visible-text.ts, rendered by
 *     Chromium once and cached), imported as pasted text, the body scored.
 *
 * Beside them, in the same run: each peer's published output scored by the same scorer, and for the pasted use
 * the visible text itself ("remove nothing"). With metadata labels (tests/fixtures/import-gold/aeb-meta.json,
 * rules in docs/reading-and-import.md), title, author, date and outlet accuracy for both uses.
 *
 *   npm run eval:import [-- --worst 10] [-- --only saved|pasted]
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { analyseArticle } from '../src-main/core/article/analyse-article';
import { analyseSource, prepareRaw } from '../src-main/services/importer/formats/analyse-source';
import type { ArticleMeta } from '../src-main/contract';
import { corpusOrSkip } from './bench-utils';
import type { CorpusScore } from './extraction-metric';
import { scoreCorpus } from './extraction-metric';
import { visibleTexts } from './visible-text';
import { metaAccuracy, metaMisses } from './meta-accuracy';
import type { MetaGold } from './meta-accuracy';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const WORST = Number(opt('worst') ?? 5);
const ONLY = opt('only');
/** `--misses 20`: list up to N wrong metadata fields per use and field, with the label, the value read and its cue. */
const MISSES = Number(opt('misses') ?? 0);
const FIELD = opt('field');

const dir = corpusOrSkip('07-article-extraction-benchmark');
if (dir) {
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string; url: string }>;
  const keys = Object.keys(truth).sort();
  const html = new Map(keys.map((k) => [k, gunzipSync(readFileSync(join(dir, 'html', `${k}.html.gz`))).toString('utf8')]));
  const goldFile = join(import.meta.dirname, '../tests/fixtures/import-gold/aeb-meta.json');
  const metaGold = existsSync(goldFile) ? (JSON.parse(readFileSync(goldFile, 'utf8')) as { pages: Record<string, MetaGold> }).pages : null;

  // Rules are developed on one half of the pages (sha256 names starting 0-7) and checked on the other (8-f).
  const heldOut = keys.map((k) => parseInt(k[0]!, 16) >= 8);
  const halfF1 = (s: CorpusScore, held: boolean) => {
    const pick = (f: number, i: number) => heldOut[i] === held && f >= 0;
    const ps = s.perPage.filter(pick);
    return +(ps.reduce((a, b) => a + b, 0) / Math.max(1, ps.length)).toFixed(3);
  };
  const rows: Array<Record<string, string | number>> = [];
  const row = (name: string, s: CorpusScore, note = '') =>
    rows.push({
      reader: name,
      F1: +s.f1.toFixed(3),
      'mean page F1 dev / held-out': `${halfF1(s, false)} / ${halfF1(s, true)}`,
      precision: +s.precision.toFixed(3),
      recall: +s.recall.toFixed(3),
      'pages < 0.85': s.perPage.filter((f) => f < 0.85).length,
      note,
    });
  const worst = (label: string, s: CorpusScore) => {
    if (!WORST) return;
    const order = keys
      .map((k, i) => ({ k, f: s.perPage[i]! }))
      .sort((a, b) => a.f - b.f)
      .slice(0, WORST);
    console.log(
      `  worst ${label}: ${order.map((o) => `${o.k.slice(0, 8)} ${o.f.toFixed(2)} (${new URL(truth[o.k]!.url).hostname})`).join(', ')}`,
    );
  };

  // Peers, from their published outputs, by our scorer.
  for (const name of readdirSync(join(dir, 'peer-output'))
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    const raw = JSON.parse(readFileSync(join(dir, 'peer-output', name), 'utf8')) as Record<string, unknown>;
    const out = (raw.output && typeof raw.output === 'object' ? raw.output : raw) as Record<string, { articleBody?: string }>;
    row(
      `peer: ${name.replace(/\.json$/, '')}`,
      scoreCorpus(keys.map((k) => ({ predicted: out[k]?.articleBody ?? '', truth: truth[k]!.articleBody }))),
      'published output',
    );
  }

  const metas: Record<string, Map<string, ArticleMeta>> = {};
  if (ONLY !== 'pasted') {
    const t0 = performance.now();
    const saved = new Map<string, { body: string; meta: ArticleMeta }>();
    for (const k of keys) {
      try {
        const { analysis } = analyseSource('html', prepareRaw('html', html.get(k)!), `${k}.html`);
        saved.set(k, { body: analysis.body, meta: analysis.meta });
      } catch (e) {
        saved.set(k, { body: '', meta: null as unknown as ArticleMeta });
        console.log(`  saved page ${k.slice(0, 8)} refused: ${(e as Error).message}`);
      }
    }
    const s = scoreCorpus(keys.map((k) => ({ predicted: saved.get(k)!.body, truth: truth[k]!.articleBody })));
    row('Parallax: saved page (.html)', s, `${((performance.now() - t0) / keys.length).toFixed(0)} ms/page`);
    worst('saved', s);
    metas.saved = new Map([...saved].map(([k, v]) => [k, v.meta]));
  }
  if (ONLY !== 'saved') {
    const cache = join(import.meta.dirname, '.data/visible-text');
    const visible = await visibleTexts(
      keys.map((k) => ({ key: k, html: html.get(k)! })),
      cache,
    );
    row(
      'remove nothing: visible text',
      scoreCorpus(keys.map((k) => ({ predicted: visible.get(k)!, truth: truth[k]!.articleBody }))),
      'Select All + Copy',
    );
    const t0 = performance.now();
    const pasted = new Map(keys.map((k) => [k, analyseArticle(visible.get(k)!)]));
    const s = scoreCorpus(keys.map((k) => ({ predicted: pasted.get(k)!.body, truth: truth[k]!.articleBody })));
    row('Parallax: pasted whole page', s, `${((performance.now() - t0) / keys.length).toFixed(0)} ms/page`);
    worst('pasted', s);
    metas.pasted = new Map([...pasted].map(([k, v]) => [k, v.meta]));
  }
  console.log(`article bodies on ${keys.length} pages (07-article-extraction-benchmark), metric of its SOURCE.md`);
  console.table(rows);

  if (metaGold) {
    const labelled = Object.keys(metaGold).filter((k) => truth[k]);
    console.log(`metadata on ${labelled.length} labelled pages (tests/fixtures/import-gold/aeb-meta.json)`);
    const mrows: Array<Record<string, string | number>> = [];
    // Each use on all pages, then on the half the rules were developed on (0-7) and the held-out half (8-f).
    const isHeldOut = (k: string) => parseInt(k[0]!, 16) >= 8;
    for (const [use, m] of Object.entries(metas))
      for (const [half, pages] of [
        ['all', labelled],
        ['dev 0-7', labelled.filter((k) => !isHeldOut(k))],
        ['held-out 8-f', labelled.filter(isHeldOut)],
      ] as const)
        mrows.push({ use: `${use} ${half}`, ...metaAccuracy(pages.map((k) => ({ gold: metaGold[k]!, meta: m.get(k) ?? null }))) });
    console.table(mrows);
    if (MISSES)
      for (const [use, m] of Object.entries(metas)) {
        const all = labelled.flatMap((k) => metaMisses(metaGold[k]!, m.get(k) ?? null).map((x) => ({ k, ...x })));
        for (const field of [...new Set(all.map((x) => x.field))].filter((f) => !FIELD || f.startsWith(FIELD))) {
          const rowsOf = all.filter((x) => x.field === field);
          console.log(`  ${use} ${field}: ${rowsOf.length} wrong`);
          for (const x of rowsOf.slice(0, MISSES))
            console.log(`    ${x.k.slice(0, 8)} ${new URL(truth[x.k]!.url).hostname}: want «${x.gold}» read «${x.read}» [${x.cue}]`);
        }
      }
  } else {
    console.log('metadata: no labels at tests/fixtures/import-gold/aeb-meta.json, so title/author/date/outlet accuracy is not scored');
  }
}
