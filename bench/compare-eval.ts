/**
 * `npm run eval:compare`: the comparison measured on public data nobody here wrote, each figure beside a
 * baseline computed in the same run, then the five seeds as a regression test.
 *
 *   related coverage   AllSides (precision@2, MAP) and ECB+ (same event above its near miss), vs TF-IDF
 *   entities           ECB+ and NewsWCL50 cross-outlet grouping (pairwise, B-cubed), vs exact string identity
 *   alignment          MSRP sentence pairs (accuracy, F1), vs the majority class and word overlap
 *   coverage           AllSides conflicts vs hand labels, false conflicts on unrelated triples, shared claims,
 *                      rows shared in column reading (N-way) vs the pairwise alignments
 *   seeds              the sample notebook's gold set
 *
 *   npm run eval:compare [-- --only related,entities,alignment,coverage,seeds] [-- --verbose]
 */
import type { CompareResult } from '../src-main/contract';
import { compareArticles } from '../src-main/core/compare/compare-articles';
import { msrpAlignment, msrpCrossValidation } from './compare-eval/alignment-eval';
import { loadAllSides, loadEcb, loadMsrp, loadNewsWcl } from './compare-eval/corpora';
import { columnStats } from './compare-eval/columns-eval';
import { conflictsAllSides, storyStats, unrelatedTriples } from './compare-eval/coverage-eval';
import { entityGrouping } from './compare-eval/entities-eval';
import { relatedAllSides, relatedEcb } from './compare-eval/related-eval';
import { seedsEval } from './compare-eval/seeds-eval';

const args = process.argv.slice(2);
const onlyArg = args.indexOf('--only');
const only = new Set(onlyArg >= 0 ? (args[onlyArg + 1] ?? '').split(',') : ['related', 'entities', 'alignment', 'coverage', 'seeds']);
const timed = <T>(label: string, f: () => T): T => {
  const t0 = performance.now();
  const v = f();
  console.log(`  (${label}: ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  return v;
};

const allSides = only.has('related') || only.has('coverage') ? loadAllSides() : null;
const ecb = only.has('related') || only.has('entities') ? loadEcb() : null;

if (only.has('related')) {
  console.log('\nRelated coverage');
  const rows = [
    ...(allSides ? timed('AllSides', () => relatedAllSides(allSides)) : []),
    ...(ecb ? timed('ECB+', () => relatedEcb(ecb.docs)) : []),
  ];
  console.table(rows);
}

if (only.has('entities')) {
  console.log('\nEntity grouping across outlets (proper-name mentions of people, organisations and places)');
  const rows = [];
  if (ecb) {
    const stories = [...new Set(ecb.docs.map((d) => `${d.topic}/${d.event}`))].map((name) => ({
      name,
      docs: ecb.docs.filter((d) => `${d.topic}/${d.event}` === name),
    }));
    rows.push(...timed('ECB+', () => entityGrouping('ECB+ topics 1-35, per event', stories, ecb.mentions)));
  }
  const wcl = loadNewsWcl();
  if (wcl)
    rows.push(
      ...timed('NewsWCL50', () =>
        entityGrouping(
          'NewsWCL50 events 0-4',
          wcl.events.map((e) => ({ name: e.event, docs: e.docs })),
          wcl.mentions,
        ),
      ),
    );
  console.table(rows);
}

if (only.has('alignment')) {
  const msrp = loadMsrp();
  if (msrp) {
    console.log('\nSentence alignment');
    console.table(timed('MSRP', () => msrpAlignment(msrp)));
    const cv = timed('MSRP cross-validation', () => msrpCrossValidation(msrp));
    console.table(cv.rows);
    console.log(
      `  weights refitted on all pairs (core/compare/paraphrase.ts WEIGHTS): [${cv.weights.map((w) => w.toFixed(3)).join(', ')}]`,
    );
  }
}

if (only.has('coverage') && allSides) {
  console.log('\nComparison of real stories (AllSides development half)');
  const results = timed(
    'comparing every story',
    () => new Map<number, CompareResult>(allSides.map((s) => [s.id, compareArticles(s.articles)])),
  );
  console.table([
    ...conflictsAllSides(allSides, results),
    timed('random triples', () => unrelatedTriples(allSides)),
    ...storyStats(allSides, results),
    ...columnStats(allSides, results),
  ]);
}

if (only.has('seeds')) {
  console.log('\nThe five seeds (regression)');
  seedsEval(args.includes('--verbose'));
}
