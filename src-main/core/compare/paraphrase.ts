import type { Unit } from './features';

/**
 * Do two sentences report the same thing, or only the same story? Two sentences about one event share most
 * of their words either way; what tells a paraphrase from a neighbour is how much of each side the other
 * covers, in runs of words and not only single words, whether a figure or a name is given by one side only,
 * and how much each side says that the other does not. These are measured on the comparison units (stems,
 * one key per entity, numbers) and weighed by a logistic model, so the answer does not depend on which other
 * sentences are compared (unlike TF-IDF, whose weights come from the articles at hand).
 *
 * The weights were fitted on MSRP train (4,076 pairs of news sentences labelled "same meaning" or not) and
 * checked by two-fold cross-validation there (`npm run eval:compare -- --only alignment` prints both halves
 * and the weights refitted on all of it); the cut is the model's own 0.5, not a tuned threshold.
 */

/** What the model reads of one sentence; computed once per sentence. */
type Profile = {
  /** The ids table the grams were numbered in: a profile of an older table is read again. */
  generation: number;
  length: number;
  /** The units' keys as ids (one id per distinct key), for the common subsequence. */
  ids: Int32Array;
  words: Set<string>;
  content: Set<string>;
  numbers: Set<string>;
  entities: Set<string>;
  /** n-gram id -> count, for n = 1..MAX_GRAM. */
  grams: Array<Map<number, number>>;
};

const MAX_GRAM = 4;
const profiles = new WeakMap<Unit[], Profile>();

/**
 * Every key and n-gram is numbered once (an n-gram's id from the id of its first n - 1 words and of its
 * last word), so that counting shared n-grams compares small numbers instead of building and hashing
 * joined strings for every sentence: most of what the model cost. The table is dropped when it grows large;
 * profiles numbered in the old one are then built again.
 */
const ID_LIMIT = 1 << 20;
let wordIds = new Map<string, number>();
let gramIds = new Map<number, number>();
let nextId = 1;
let generation = 0;

function idOfWord(key: string): number {
  let id = wordIds.get(key);
  if (id === undefined) wordIds.set(key, (id = nextId++));
  return id;
}
function idOfGram(prefix: number, last: number): number {
  const k = prefix * ID_LIMIT + last;
  let id = gramIds.get(k);
  if (id === undefined) gramIds.set(k, (id = nextId++));
  return id;
}

/** Forget the numbered n-grams (and with them every profile): benchmarks time a first, cold comparison. */
export function forgetParaphraseIds(): void {
  wordIds = new Map();
  gramIds = new Map();
  nextId = 1;
  generation++;
}

/** The 1- to MAX_GRAM-grams of the token ids with their counts, each order built on the one before. */
function allGrams(ids: Int32Array): Array<Map<number, number>> {
  const out: Array<Map<number, number>> = [];
  // One buffer, overwritten in place order by order: gram i of order n is built from gram i of order n - 1.
  const grams = Int32Array.from(ids);
  for (let n = 1, count = ids.length; n <= MAX_GRAM; n++, count--) {
    const m = new Map<number, number>();
    for (let i = 0; i < count; i++) {
      if (n > 1) grams[i] = idOfGram(grams[i]!, ids[i + n - 1]!);
      const g = grams[i]!;
      m.set(g, (m.get(g) ?? 0) + 1);
    }
    out.push(m);
  }
  return out;
}

function profileOf(units: Unit[]): Profile {
  const known = profiles.get(units);
  if (known && known.generation === generation) return known;
  if (nextId > ID_LIMIT - 4 * units.length - 1) forgetParaphraseIds();
  const ids = new Int32Array(units.length);
  const words = new Set<string>();
  const content = new Set<string>();
  const numbers = new Set<string>();
  const entities = new Set<string>();
  units.forEach((u, i) => {
    ids[i] = idOfWord(u.key);
    words.add(u.key);
    if (u.content) content.add(u.key);
    if (/^\d/.test(u.key)) numbers.add(u.key);
    if (u.entity) entities.add(u.key);
  });
  const p: Profile = { generation, length: units.length, ids, words, content, numbers, entities, grams: allGrams(ids) };
  profiles.set(units, p);
  return p;
}

const sharedCount = <T>(a: Set<T>, b: Set<T>) => {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
};
const onlyOneSide = <T>(a: Set<T>, b: Set<T>) => a.size + b.size - 2 * sharedCount(a, b);

/** Clipped n-gram precision both ways (BLEU's counting): the share of each side's n-grams the other has. */
function gramPrecision(a: Map<number, number>, b: Map<number, number>, n: number, lengthA: number, lengthB: number): [number, number] {
  let shared = 0;
  const small = a.size <= b.size ? a : b;
  const large = small === a ? b : a;
  // forEach rather than for…of over entries: no [key, value] array is made per n-gram.
  small.forEach((c, g) => {
    const d = large.get(g);
    if (d) shared += Math.min(c, d);
  });
  // A sentence of k tokens has k - n + 1 n-grams.
  return [shared / (Math.max(0, lengthA - n + 1) || 1), shared / (Math.max(0, lengthB - n + 1) || 1)];
}

function longestCommonSubsequence(a: Int32Array, b: Int32Array): number {
  const row = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = a[i - 1] === b[j - 1] ? diagonal + 1 : Math.max(row[j]!, row[j - 1]!);
      diagonal = above;
    }
  }
  return row[b.length]!;
}

const minMax = (x: number, y: number): [number, number] => [Math.min(x, y), Math.max(x, y)];

/** The names of the features, in the order of `paraphraseFeatures` and of WEIGHTS (after the intercept). */
export const FEATURE_NAMES = [
  'content words covered (lower side)',
  'content words covered (higher side)',
  'word pairs shared (Dice)',
  'words shared (Jaccard)',
  'a number only one side gives',
  'names only one side gives (up to 3)',
  'length ratio',
  ...[1, 2, 3, 4].flatMap((n) => [`${n}-grams covered (lower side)`, `${n}-grams covered (higher side)`]),
  'common subsequence (lower side)',
  'common subsequence (higher side)',
  'content words only one side has (lower side, up to 8)',
  'content words only one side has (higher side, up to 12)',
  'both give the same numbers',
  'length difference (up to 20 words)',
] as const;

/** The features of a pair of sentences, each in [0, 1]; symmetric (swapping the sentences changes nothing). */
export function paraphraseFeatures(ua: Unit[], ub: Unit[]): number[] {
  let a = profileOf(ua);
  const b = profileOf(ub);
  // b's profile may have started a new ids table: a's must be numbered in it too.
  if (a.generation !== b.generation) a = profileOf(ua);
  const sharedContent = sharedCount(a.content, b.content);
  const [coverLow, coverHigh] = minMax(sharedContent / (a.content.size || 1), sharedContent / (b.content.size || 1));
  const bigramsA = a.grams[1]!;
  const bigramsB = b.grams[1]!;
  let sharedBigrams = 0;
  for (const g of bigramsA.keys()) if (bigramsB.has(g)) sharedBigrams++;
  const dice = (2 * sharedBigrams) / (bigramsA.size + bigramsB.size || 1);
  const sharedWords = sharedCount(a.words, b.words);
  const jaccard = sharedWords / (a.words.size + b.words.size - sharedWords || 1);
  const lengthRatio = Math.min(a.length, b.length) / (Math.max(a.length, b.length) || 1);
  const grams = a.grams.flatMap((g, n) => minMax(...gramPrecision(g, b.grams[n]!, n + 1, a.length, b.length)));
  const lcs = longestCommonSubsequence(a.ids, b.ids);
  const [lcsLow, lcsHigh] = minMax(lcs / (a.length || 1), lcs / (b.length || 1));
  const [unmatchedLow, unmatchedHigh] = minMax(a.content.size - sharedContent, b.content.size - sharedContent);
  const sameNumbers = a.numbers.size > 0 && b.numbers.size > 0 && onlyOneSide(a.numbers, b.numbers) === 0;
  return [
    coverLow,
    coverHigh,
    dice,
    jaccard,
    onlyOneSide(a.numbers, b.numbers) > 0 ? 1 : 0,
    Math.min(onlyOneSide(a.entities, b.entities), 3) / 3,
    lengthRatio,
    ...grams,
    lcsLow,
    lcsHigh,
    Math.min(unmatchedLow, 8) / 8,
    Math.min(unmatchedHigh, 12) / 12,
    sameNumbers ? 1 : 0,
    Math.min(Math.abs(a.length - b.length), 20) / 20,
  ];
}

/** Intercept, then one weight per feature (FEATURE_NAMES), fitted on all of MSRP train. */
export const WEIGHTS: readonly number[] = [
  -2.453, 1.221, -0.363, 0.125, 2.208, -0.386, 0.351, -0.512, 2.614, 0.688, 0.973, -1.275, 0.352, -1.845, 0.613, -1.348, 2.607,
  0.762, -0.455, -0.717, -0.073, -2.024,
];

export function logistic(weights: readonly number[], features: number[]): number {
  let z = weights[0]!;
  for (let k = 0; k < features.length; k++) z += (weights[k + 1] ?? 0) * features[k]!;
  return 1 / (1 + Math.exp(-z));
}

/** The probability that the two sentences report the same thing. */
export const paraphraseProbability = (ua: Unit[], ub: Unit[]) => logistic(WEIGHTS, paraphraseFeatures(ua, ub));

/**
 * Plain logistic regression by gradient descent (features are in [0, 1], so no scaling is needed):
 * deterministic, a few thousand rows, used by the evaluation to fit and cross-validate WEIGHTS.
 */
export function fitLogistic(rows: number[][], labels: boolean[], iterations = 3000, rate = 0.5): number[] {
  const dims = rows[0]?.length ?? 0;
  const w = new Array<number>(dims + 1).fill(0);
  const grad = new Array<number>(dims + 1);
  for (let it = 0; it < iterations; it++) {
    grad.fill(0);
    rows.forEach((x, i) => {
      const e = logistic(w, x) - (labels[i] ? 1 : 0);
      grad[0]! += e;
      for (let k = 0; k < dims; k++) grad[k + 1]! += e * x[k]!;
    });
    for (let k = 0; k <= dims; k++) w[k]! -= (rate * grad[k]!) / Math.max(1, rows.length);
  }
  return w;
}
