import type { RelatedItem } from '../../contract';
import { countryCode } from './countries';
import { nameKey } from './names';
import { contentKey, tokenizeOnce } from './tokens';

/**
 * "Suggest related coverage": how likely another article reports the same event. Same-event coverage
 * shares rare words, the figures it reports ("188,829", "$1.2 trillion"), names (spelling-folded, countries
 * by region code) and dates; TF-IDF over the notebook makes the rare ones count, so a frequent politician
 * weighs little and a name few articles carry weighs much. A name counts as a word once more, not double:
 * capitals alone (title-case headlines, every "President" and "Senate") said little on AllSides coverage.
 * The headline says what the event is: its words count twice. Figures count twice: two stories on one
 * topic share words, two reports of one event share its numbers. The nearest report then lends its words
 * to the search (see FEEDBACK_WEIGHT): reports of one event resemble each other more than any of them
 * resembles the one at hand.
 */
export type Profile = {
  id: string;
  /** Feature keys in the order first met, and how often each occurs: arrays, since a notebook keeps one per article. */
  keys: string[];
  counts: Float64Array;
  published: string | null;
};

/** One string per feature key across all profiles: 100,000 profiles share their vocabulary instead of each holding a copy. */
const vocabulary = new Map<string, string>();
const VOCABULARY_MAX = 2_000_000;
function intern(k: string): string {
  const known = vocabulary.get(k);
  if (known !== undefined) return known;
  if (vocabulary.size >= VOCABULARY_MAX) vocabulary.clear();
  vocabulary.set(k, k);
  return k;
}

const MONTHS = 'january february march april may june july august september october november december'.split(' ');
const NAME_WEIGHT = 1;
const DATE_WEIGHT = 1.5;
const TITLE_WEIGHT = 2;
const NUMBER_WEIGHT = 2;
/** How much of a candidate's likeness to the notebook's mean article is taken off its score (see rankRelated). */
const HUB_PENALTY = 2;
/** The least share of its own likeness a candidate keeps after the penalty (see rankRelated). */
const HUB_FLOOR = 0.001;
/**
 * Pseudo-relevance feedback (Rocchio's, with the nearest article as the one taken to be relevant): the
 * target's vector plus this share of its nearest article's, then every article scored again. A third outlet
 * often words the event as the second does more than as the first (the left and right reports quote one
 * another's sources); half is Rocchio's usual share, not fitted (0.75 measured the same on AllSides and ECB+).
 */
const FEEDBACK_WEIGHT = 0.5;

/**
 * Characters of an article (title and text) its profile reads: 30,000 words, ten times a long report. What
 * an article is about shows well before that, and a 5 MB file then costs what a long article does.
 */
export const PROFILE_MAX_CHARS = 200_000;

export function articleProfile(a: { id: string; title: string; body: string; publishedAt: string | null }): Profile {
  const features = new Map<string, number>();
  const add = (k: string, w = 1) => features.set(k, (features.get(k) ?? 0) + w);
  const text = `${a.title.slice(0, PROFILE_MAX_CHARS)}\n${a.body.slice(0, PROFILE_MAX_CHARS)}`.slice(0, PROFILE_MAX_CHARS);
  const titleEnd = Math.min(a.title.length, PROFILE_MAX_CHARS);
  const toks = tokenizeOnce(text);
  toks.forEach((t, i) => {
    const prev = toks[i - 1];
    const inTitle = t.start < titleEnd;
    const sentenceStart =
      !prev || /[.!?:"“”\n]\s*$/.test(text.slice(prev.end, t.start + 0)) || /[.!?]$/.test(text.slice(prev.end, t.start).trim());
    if (/^\p{Lu}/u.test(t.text) && !sentenceStart) {
      const code = countryCode(t.text.replace(/['’]\p{Ll}{1,4}$/u, ''));
      const key = code ? `c:${code}` : `n:${nameKey(t.text)}`;
      if (key.length > 3) add(key, NAME_WEIGHT);
    }
    const month = MONTHS.indexOf(t.norm);
    if (month >= 0) {
      const n = toks[i + 1];
      if (n && /^\d{1,2}$/.test(n.norm)) add(`d:${month + 1}-${Number(n.norm)}`, DATE_WEIGHT);
    }
    const k = contentKey(t.norm);
    const place = inTitle ? TITLE_WEIGHT : 1;
    // A figure's digit groups ("188", "829") are its features; a single digit ("3 people") is too common to say anything.
    if (k && /^\d+$/.test(k)) {
      if (k.length >= 2) add(`w:${k}`, NUMBER_WEIGHT * place);
    } else if (k) add(`w:${k}`, place);
  });
  if (a.publishedAt) add(`d:${Number(a.publishedAt.slice(5, 7))}-${Number(a.publishedAt.slice(8, 10))}`, DATE_WEIGHT);
  return { id: a.id, keys: [...features.keys()].map(intern), counts: Float64Array.from(features.values()), published: a.publishedAt };
}

type Vec = Map<string, number>;

/** Each feature of a profile with its unit-vector weight: sublinear term frequency times IDF. */
function eachWeight(p: Profile, idf: (k: string) => number, visit: (k: string, w: number) => void): void {
  let norm = 0;
  for (let i = 0; i < p.keys.length; i++) norm += ((1 + Math.log(p.counts[i]!)) * idf(p.keys[i]!)) ** 2;
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < p.keys.length; i++) visit(p.keys[i]!, ((1 + Math.log(p.counts[i]!)) * idf(p.keys[i]!)) / norm);
}

function weigh(p: Profile, idf: (k: string) => number): Vec {
  const v: Vec = new Map();
  eachWeight(p, idf, (k, w) => v.set(k, w));
  return v;
}

const days = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** The other articles ranked by how likely they cover the same event as `target`, best first, scores 0..1. */
export function rankRelated(target: Profile, others: Profile[], limit: number): RelatedItem[] {
  const all = [target, ...others];
  const df = new Map<string, number>();
  for (const p of all) for (const k of p.keys) df.set(k, (df.get(k) ?? 0) + 1);
  const n = all.length;
  const idf = (k: string) => Math.log(1 + n / (df.get(k) ?? 1));
  const tv = weigh(target, idf);
  const candidates = others.filter((o) => o.id !== target.id);
  // An article like every other one (a long roundup, a live page) is near everything: its likeness to the
  // notebook's mean article is taken off, so a report has to resemble this one more than it resembles the rest.
  // Two passes over the profiles rather than every weighted vector held at once (a notebook has 100,000).
  const mean: Vec = new Map();
  for (const [k, w] of tv) mean.set(k, w / n);
  for (const o of candidates) eachWeight(o, idf, (k, w) => mean.set(k, (mean.get(k) ?? 0) + w / n));
  // First pass: likeness to the target and to the mean article, kept for the second pass.
  const dots = new Float64Array(candidates.length);
  const commons = new Float64Array(candidates.length);
  candidates.forEach((o, c) => {
    let dot = 0;
    let common = 0;
    eachWeight(o, idf, (k, w) => {
      dot += w * (tv.get(k) ?? 0);
      common += w * mean.get(k)!;
    });
    dots[c] = dot;
    commons[c] = common;
  });
  const near = (o: Profile) =>
    target.published && o.published && Math.abs(days(target.published) - days(o.published)) <= 3 ? 0.05 : 0;
  const finalScore = (c: number, dot: number) =>
    // The penalty orders articles that share words with this one; it never drops one below an article that
    // shares nothing (a copy of the notebook's own articles is still nearer than a stranger).
    // Reports of one event appear within days of each other.
    Math.max(dot - HUB_PENALTY * commons[c]!, dot * HUB_FLOOR) + near(candidates[c]!);
  let nearest = -1;
  for (let c = 0; c < candidates.length; c++)
    if (nearest < 0 || finalScore(c, dots[c]!) > finalScore(nearest, dots[nearest]!)) nearest = c;
  // Second pass: the nearest article's words join the target's (FEEDBACK_WEIGHT).
  if (nearest >= 0 && candidates.length > 1) {
    const fv = weigh(candidates[nearest]!, idf);
    candidates.forEach((o, c) => {
      let dot = 0;
      eachWeight(o, idf, (k, w) => (dot += w * (fv.get(k) ?? 0)));
      dots[c]! += FEEDBACK_WEIGHT * dot;
    });
  }
  const scale = nearest >= 0 && candidates.length > 1 ? 1 + FEEDBACK_WEIGHT : 1;
  const scored = candidates.map((o, c) => {
    const raw = finalScore(c, dots[c]!);
    return { id: o.id, score: Math.round(Math.max(0, Math.min(1, raw / scale)) * 1000) / 1000, raw };
  });
  return scored
    .sort((a, b) => b.raw - a.raw || a.id.localeCompare(b.id))
    .slice(0, limit)
    .map(({ id, score }) => ({ id, score }));
}
