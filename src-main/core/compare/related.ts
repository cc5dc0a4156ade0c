import type { RelatedItem } from '../../contract';
import { countryCode } from './countries';
import { nameKey } from './names';
import { contentKey, tokenizeOnce } from './tokens';

/**
 * "Suggest related coverage": how likely another article reports the same event. Same-event coverage
 * shares rare names (people, places: spelling-folded, countries by region code), rare words, and dates;
 * TF-IDF over the notebook makes the rare ones count. Names weigh double: two stories about "security
 * talks" share words, two reports of one meeting share who was there.
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
const NAME_WEIGHT = 2;
const DATE_WEIGHT = 1.5;

/**
 * Characters of an article (title and text) its profile reads: 30,000 words, ten times a long report. What
 * an article is about shows well before that, and a 5 MB file then costs what a long article does.
 */
export const PROFILE_MAX_CHARS = 200_000;

export function articleProfile(a: { id: string; title: string; body: string; publishedAt: string | null }): Profile {
  const features = new Map<string, number>();
  const add = (k: string, w = 1) => features.set(k, (features.get(k) ?? 0) + w);
  const text = `${a.title.slice(0, PROFILE_MAX_CHARS)}\n${a.body.slice(0, PROFILE_MAX_CHARS)}`.slice(0, PROFILE_MAX_CHARS);
  const toks = tokenizeOnce(text);
  toks.forEach((t, i) => {
    const prev = toks[i - 1];
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
    if (k && !/^\d+$/.test(k)) add(`w:${k}`);
  });
  if (a.publishedAt) add(`d:${Number(a.publishedAt.slice(5, 7))}-${Number(a.publishedAt.slice(8, 10))}`, DATE_WEIGHT);
  return { id: a.id, keys: [...features.keys()].map(intern), counts: Float64Array.from(features.values()), published: a.publishedAt };
}

type Vec = Map<string, number>;

function weigh(p: Profile, idf: (k: string) => number): Vec {
  const v: Vec = new Map();
  let norm = 0;
  for (let i = 0; i < p.keys.length; i++) {
    const k = p.keys[i]!;
    const w = (1 + Math.log(p.counts[i]!)) * idf(k);
    v.set(k, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [k, w] of v) v.set(k, w / norm);
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
  const scored = others
    .filter((o) => o.id !== target.id)
    .map((o) => {
      const ov = weigh(o, idf);
      let dot = 0;
      for (const [k, w] of tv) dot += w * (ov.get(k) ?? 0);
      // Reports of one event appear within days of each other.
      if (target.published && o.published && Math.abs(days(target.published) - days(o.published)) <= 3) dot += 0.05;
      return { id: o.id, score: Math.round(Math.min(1, dot) * 1000) / 1000 };
    });
  return scored.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, limit);
}
