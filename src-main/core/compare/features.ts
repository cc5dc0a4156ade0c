import type { CompareSentence } from '../../contract';
import type { EntityMention } from './entities';
import { contentKey, tokenize } from './tokens';

/**
 * What a sentence reports, as a weighted bag of features: content-word stems, the entities it names (one
 * feature per entity, whatever the spelling: "Türkiye's" and "Turkey's" are the same feature) and the
 * numbers it gives. Weights are TF-IDF over the sentences compared, so "security" in a story about security
 * talks counts for less than "milestone".
 */
export type Unit = {
  /** Comparison key: `@<entity>` for a name, a stem for a word. */
  key: string;
  start: number;
  end: number;
  /** The surface text, to tell a spelling variant from the same spelling. */
  surface: string;
  entity: boolean;
  content: boolean;
};

export type SparseVector = { keys: string[]; weights: Float64Array };

/** The sentence as a sequence of comparison units (body offsets): the input of both similarity and word diff. */
export function sentenceUnits(s: CompareSentence, mentions: EntityMention[]): Unit[] {
  const units: Unit[] = [];
  const inSentence = mentions.filter((m) => m.start >= s.start && m.end <= s.end && m.sentence >= 0).sort((a, b) => a.start - b.start);
  let mi = 0;
  for (const t of tokenize(s.text)) {
    const start = s.start + t.start;
    const end = s.start + t.end;
    while (mi < inSentence.length && inSentence[mi]!.end <= start) mi++;
    const m = inSentence[mi];
    // A token that starts inside a name belongs to it ("Türkiye's": the name is "Türkiye").
    if (m && m.start <= start && start < m.end) {
      const last = units[units.length - 1];
      if (last && last.entity && last.start === m.start) {
        last.end = Math.max(last.end, end);
        last.surface = m.form;
      } else units.push({ key: `@${m.entity}`, start: m.start, end, surface: m.form, entity: true, content: true });
      continue;
    }
    const ck = contentKey(t.norm);
    units.push({ key: ck ?? t.norm, start, end, surface: t.text, entity: false, content: ck !== null });
  }
  return units;
}

/** Entity features weigh a little more than words: who is named is most of what a news sentence reports. */
const ENTITY_BOOST = 1.3;
const NUMBER_BOOST = 1.2;

export type Vectorizer = { vectors: SparseVector[]; vectorize: (units: Unit[]) => SparseVector };

/** TF-IDF vectors of the sentences, and a vectoriser for any other span (a quote) with the same weights. */
export function buildVectors(unitsPerSentence: Unit[][]): Vectorizer {
  const df = new Map<string, number>();
  const bagOf = (units: Unit[]) => {
    const bag = new Map<string, number>();
    for (const u of units) if (u.content) bag.set(u.key, (bag.get(u.key) ?? 0) + 1);
    return bag;
  };
  const bags = unitsPerSentence.map((units) => {
    const bag = bagOf(units);
    for (const k of bag.keys()) df.set(k, (df.get(k) ?? 0) + 1);
    return bag;
  });
  const n = Math.max(1, unitsPerSentence.length);
  const toVector = (bag: Map<string, number>): SparseVector => {
    const keys = [...bag.keys()].sort();
    const weights = new Float64Array(keys.length);
    let norm = 0;
    keys.forEach((k, i) => {
      const boost = k.startsWith('@') ? ENTITY_BOOST : /^\d+$/.test(k) ? NUMBER_BOOST : 1;
      const w = (1 + Math.log(bag.get(k)!)) * Math.log(1 + n / (df.get(k) ?? 1)) * boost;
      weights[i] = w;
      norm += w * w;
    });
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < weights.length; i++) weights[i]! /= norm;
    return { keys, weights };
  };
  return { vectors: bags.map(toVector), vectorize: (units) => toVector(bagOf(units)) };
}

export function cosine(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < a.keys.length && j < b.keys.length) {
    const c = a.keys[i]! < b.keys[j]! ? -1 : a.keys[i]! > b.keys[j]! ? 1 : 0;
    if (c === 0) dot += a.weights[i++]! * b.weights[j++]!;
    else if (c < 0) i++;
    else j++;
  }
  return dot;
}

export type Edge = { i: number; j: number; score: number };

const MIN_SHARED = 2;
const CALENDAR = new Set(
  'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december today yesterday'
    .split(' ')
    .map((w) => w.replace(/e$/, '')),
);
/** Numbers and calendar words coincide across unrelated stories ("on Friday", "8%"): they never make a match on their own. */
const isWeakFeature = (k: string) => /^\d/.test(k) || CALENDAR.has(k) || CALENDAR.has(`${k}y`);

/**
 * Every pair of sentences from different articles whose cosine reaches `min`, through an inverted index so
 * only sentences sharing a feature are ever scored. `owner[i]` is the article of sentence i. Each candidate
 * scored is one unit of `budget` (text that repeats one sentence makes every pair a candidate).
 */
export function similarPairs(vectors: SparseVector[], owner: number[], min: number, budget?: { spend: (units: number) => void }): Edge[] {
  const postings = new Map<string, Array<{ s: number; w: number }>>();
  vectors.forEach((v, s) => v.keys.forEach((k, x) => (postings.get(k) ?? postings.set(k, []).get(k)!).push({ s, w: v.weights[x]! })));
  const acc = new Float64Array(vectors.length);
  const shared = new Uint16Array(vectors.length);
  const touched: number[] = [];
  const edges: Edge[] = [];
  vectors.forEach((v, i) => {
    const weak = v.keys.map(isWeakFeature);
    let visits = 0;
    v.keys.forEach((k, x) => {
      const wi = v.weights[x]!;
      const list = postings.get(k)!;
      visits += list.length;
      for (const p of list) {
        if (p.s <= i || owner[p.s] === owner[i]) continue;
        if (acc[p.s] === 0) touched.push(p.s);
        acc[p.s]! += wi * p.w;
        if (!weak[x]) shared[p.s]!++;
      }
    });
    for (const j of touched) {
      // One shared word, however rare, is a coincidence; a reported fact shares at least two.
      if (acc[j]! >= min && shared[j]! >= MIN_SHARED) edges.push({ i, j, score: acc[j]! });
      acc[j] = 0;
      shared[j] = 0;
    }
    touched.length = 0;
    budget?.spend(visits);
  });
  return edges;
}
