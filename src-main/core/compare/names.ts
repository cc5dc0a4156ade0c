import anyAscii from 'any-ascii';
import { distance } from 'fastest-levenshtein';
import { givenNamesAlike } from './aliases';
import { normaliseWord } from './tokens';

/**
 * Name spellings. A transliterated name keeps its consonants and loses its vowels to whoever writes it
 * (al-Shaibani, al-Shibani, Al-Sheebani; Salameh, Salama), so two name words are "the same" when their
 * consonant skeletons match and the spellings are still close. Arabic script has no written short vowels:
 * it is transliterated (any-ascii) and compared on the skeleton alone.
 */

/** Arabic-script article and particles that attach to a name ("الشيباني" = al-Shaibani). */
const ARABIC_PREFIX = /^(?:وال|بال|فال|لل|ال)(?=\p{L}{2,})/u;
const LATIN_PARTICLE = /^(?:al|el|ul|as|ash|ad|ar|an|at|az)[-\u2010'’]/;
/**
 * Any letter of Arabic script. A module constant, like every pattern with a Unicode property escape here:
 * tsx (esbuild targeting Node) rewrites such a literal inside a function into `new RegExp(...)` run on each call.
 */
export const ARABIC_SCRIPT = /\p{Script=Arabic}/u;

const keyMemo = new Map<string, string>();
const skeletonMemo = new Map<string, string>();
function memo(cache: Map<string, string>, key: string, make: (k: string) => string): string {
  let v = cache.get(key);
  if (v === undefined) {
    if (cache.size > 50_000) cache.clear();
    v = make(key);
    cache.set(key, v);
  }
  return v;
}

/** Latin key of one name word: accents folded, "al-" dropped, possessive dropped. */
export function nameKey(word: string): string {
  return memo(keyMemo, word, computeNameKey);
}

function computeNameKey(word: string): string {
  let w = normaliseWord(word).replace(/'s$/, '');
  if (ARABIC_SCRIPT.test(w)) w = anyAscii(w.replace(ARABIC_PREFIX, '')).toLowerCase();
  else w = anyAscii(w).toLowerCase();
  return w.replace(LATIN_PARTICLE, '').replace(/[^a-z0-9]/g, '');
}

/** Consonant classes that transliterations swap freely (q/k/g, sh/s, th/t, ph/f); vowels, h, w and y dropped. */
export function skeleton(key: string): string {
  return memo(skeletonMemo, key, computeSkeleton);
}

function computeSkeleton(key: string): string {
  const s = key
    .replace(/sh|ch|zh|th|ş|ç/g, 's')
    .replace(/kh|gh|q|c|g|x/g, 'k')
    .replace(/dh|d/g, 't')
    .replace(/ph|v/g, 'f')
    .replace(/p/g, 'b')
    .replace(/z|j/g, 's')
    .replace(/[aeiouyhw'`]/g, '');
  return s.replace(/(.)\1+/g, '$1');
}

/** Two name words are one spelling apart: equal keys, or same skeleton and a close spelling. */
const sameMemo = new Map<string, boolean>();
export function sameNameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const key = a < b ? `${a}|${b}` : `${b}|${a}`;
  let v = sameMemo.get(key);
  if (v === undefined) {
    if (sameMemo.size > 200_000) sameMemo.clear();
    v = computeSameNameWord(a, b);
    sameMemo.set(key, v);
  }
  return v;
}

function computeSameNameWord(a: string, b: string): boolean {
  const sa = skeleton(a);
  if (sa.length < 2 || sa !== skeleton(b)) return false;
  const sim = 1 - distance(a, b) / Math.max(a.length, b.length);
  return sim >= 0.6;
}

/** For Arabic-script words only the skeleton can be compared. */
export function sameAcrossScripts(latinKey: string, otherKey: string, minLength = 2): boolean {
  const s = skeleton(latinKey);
  return s.length >= minLength && s === skeleton(otherKey);
}

/**
 * Do two full names (word keys, connectors removed) name the same person? First and last words must match
 * and the shorter name's words must appear in order in the longer one: "Asaad Hassan al Shaibani" and
 * "Asaad al-Shibani" do, "Murhaf Abu Qasra" and "Ashraf Abu Qasra" do not.
 */
export function sameFullName(a: string[], b: string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (!sameGivenName(short[0]!, long[0]!) || !sameNameWord(short[short.length - 1]!, long[long.length - 1]!)) return false;
  let j = 1;
  for (let i = 1; i < short.length - 1; i++) {
    while (j < long.length - 1 && !sameNameWord(short[i]!, long[j]!)) j++;
    if (j >= long.length - 1) return false;
    j++;
  }
  return true;
}

/** One given name: spelled alike (Murhaf, Marhaf) or a known short form of it (Chuck, Charles). */
export function sameGivenName(a: string, b: string): boolean {
  return sameNameWord(a, b) || givenNamesAlike(a, b);
}

/** `short` is the tail ("Abu Qasra", "Fidan") or, for one word, any word of `full`. */
export function isShortFormOf(short: string[], full: string[]): boolean {
  if (short.length >= full.length || short.length === 0) return false;
  const tail = full.slice(full.length - short.length);
  if (short.every((w, i) => sameNameWord(w, tail[i]!))) return true;
  return false;
}

/** Do the two names share their last word but differ in a first word beyond transliteration? */
export function differentGivenName(a: string[], b: string[]): boolean {
  if (a.length < 2 || b.length < 2) return false;
  return !sameGivenName(a[0]!, b[0]!) && isSameSurname(a, b);
}

function isSameSurname(a: string[], b: string[]): boolean {
  // A surname of several words ("Abu Qasra") must match whole.
  const n = Math.min(a.length, b.length) - 1;
  const ta = a.slice(a.length - n);
  const tb = b.slice(b.length - n);
  return n > 0 && ta.every((w, i) => sameNameWord(w, tb[i]!));
}
