import { data } from 'franc-min/data.js';
import { expressions } from 'franc-min/expressions.js';

/**
 * franc's `francAll` (franc-min 6, with no `only`/`ignore`), computed faster with the same data and the
 * same arithmetic, so it gives exactly the same ranking and scores (language.test.ts compares the two).
 *
 * franc scores a text against every language of its script by looking each of the text's trigrams up in
 * one object per language (`trigram in model`): ~25,000 property lookups for a 600-character sample,
 * about 1.4 ms, which was a third of the whole import's time. Here each script's models are inverted once
 * into trigram → the languages that have it, with its rank in each (pairs in an Int32Array). A language
 * lacking a trigram adds the maximum difference, so every language starts at `distinct trigrams × 300` and
 * only the few languages holding each trigram are visited (3–4 of Latin's 44 on average, where a dense
 * row visited all 44). Distances are sums of small integers, exact in any order, so the scores are franc's.
 */
const MAX_LENGTH = 2048;
const MAX_DIFFERENCE = 300;

/** `ranks.get(trigram)` = [language index, rank, language index, rank, …] for the languages that have it. */
type ScriptModel = { languages: string[]; ranks: Map<string, Int32Array> };
const models = new Map<string, ScriptModel>();

function modelOf(script: string): ScriptModel | undefined {
  let model = models.get(script);
  if (model) return model;
  const byLanguage = data[script];
  if (!byLanguage) return undefined;
  const languages = Object.keys(byLanguage);
  const dense = new Map<string, Int32Array>();
  languages.forEach((language, l) => {
    const trigrams = byLanguage[language]!.split('|');
    // As franc builds its dictionaries: from the last trigram to the first, so the first occurrence wins.
    for (let weight = trigrams.length - 1; weight >= 0; weight--) {
      let row = dense.get(trigrams[weight]!);
      if (!row) dense.set(trigrams[weight]!, (row = new Int32Array(languages.length).fill(-1)));
      row[l] = weight;
    }
  });
  const ranks = new Map<string, Int32Array>();
  for (const [trigram, row] of dense) {
    const pairs: number[] = [];
    row.forEach((rank, l) => {
      if (rank >= 0) pairs.push(l, rank);
    });
    ranks.set(trigram, Int32Array.from(pairs));
  }
  model = { languages, ranks };
  models.set(script, model);
  return model;
}

/** The script with the most characters in `value` (franc's getTopScript: the first script wins ties). */
function topScript(value: string): [string | undefined, number] {
  let topCount = -1;
  let top: string | undefined;
  for (const script of Object.keys(expressions)) {
    const count = (value.match(expressions[script]!)?.length ?? 0) / value.length || 0;
    if (count > topCount) {
      topCount = count;
      top = script;
    }
  }
  return [top, topCount];
}

/** Trigram counts of the text as trigram-utils makes them: digits and ASCII punctuation dropped, spaces collapsed, lower case, padded. */
function trigramCounts(value: string): Map<string, number> {
  const clean = ` ${value
    .replace(/[\u0021-\u0040]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()} `;
  const counts = new Map<string, number>();
  for (let i = 0; i + 3 <= clean.length; i++) {
    const t = clean.slice(i, i + 3);
    counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return counts;
}

/** Languages with their scores, best first (1 for the best), as `francAll(value, { minLength })` returns them. */
export function rankLanguages(input: string, minLength = 10): Array<[string, number]> {
  if (!input || input.length < minLength) return [['und', 1]];
  const value = input.slice(0, MAX_LENGTH);
  const [script, share] = topScript(value);
  const model = script === undefined ? undefined : modelOf(script);
  if (!script || !model) return !script || share === 0 ? [['und', 1]] : [[script, 1]];

  const { languages, ranks } = model;
  const counts = trigramCounts(value);
  const distance = new Float64Array(languages.length).fill(counts.size * MAX_DIFFERENCE);
  for (const [trigram, count] of counts) {
    const pairs = ranks.get(trigram);
    if (!pairs) continue;
    for (let p = 0; p < pairs.length; p += 2) distance[pairs[p]!]! += Math.abs(count - pairs[p + 1]! - 1) - MAX_DIFFERENCE;
  }
  // A stable sort by distance, from the languages in the data's order, as franc does.
  const ranked = languages.map((language, l): [string, number] => [language, distance[l]!]).sort((a, b) => a[1] - b[1]);
  const min = ranked[0]![1];
  const max = value.length * MAX_DIFFERENCE - min;
  for (const r of ranked) r[1] = 1 - (r[1] - min) / max || 0;
  return ranked;
}
