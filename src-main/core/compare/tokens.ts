import { fold } from '../../../src-shared/fold';

/**
 * Word tokens for comparison: accent-, case- and script-insensitive keys with their place in the text, so
 * matching works on keys while highlights and diffs point back at the words the reader sees.
 */
export type Token = {
  /** The word as written. */
  text: string;
  /** Normalised key: NFKD without marks, lower case, Turkish dotless i folded, Arabic letter variants folded. */
  norm: string;
  /** Offsets inside the string that was tokenised. */
  start: number;
  end: number;
};

const WORD = /[\p{L}\p{N}]+(?:['’\u2019-][\p{L}\p{N}]+)*/gu;

const PLAIN = /^[A-Za-z0-9'-]*$/;

/** The one fold (src-shared/fold.ts), as search folds: accents, harakat, tatweel, ı, hamza, ya/ta marbuta forms; ’ read as '. */
export function normaliseWord(word: string): string {
  // Most words of English news are plain ASCII, where folding is lower-casing.
  if (PLAIN.test(word)) return word.toLowerCase();
  return fold(word).replace(/’/g, "'");
}

const recent = new Map<string, readonly Token[]>();
const RECENT_MAX = 4096;

/**
 * Texts longer than this are scanned a piece at a time, cut at white space: V8's regular expressions
 * overflow the stack on a run of a few million word characters in a two-byte string (a 5 MB blob pasted
 * as one line), and no word of prose is this long, so the words found are the same.
 */
const SCAN_CHARS = 65_536;

function scan(text: string, from: number, to: number, out: Token[]): void {
  const piece = from === 0 && to === text.length ? text : text.slice(from, to);
  for (const m of piece.matchAll(WORD)) {
    out.push({ text: m[0], norm: normaliseWord(m[0]), start: from + m.index, end: from + m.index + m[0].length });
  }
}

/** The words of a text, not remembered: for texts read once (a whole article's profile). */
export function tokenizeOnce(text: string): Token[] {
  const out: Token[] = [];
  if (text.length <= SCAN_CHARS) {
    scan(text, 0, text.length, out);
    return out;
  }
  for (let s = 0; s < text.length;) {
    let e = Math.min(text.length, s + SCAN_CHARS);
    if (e < text.length) {
      // Cut at white space near the end (no word holds any); a run with none in sight is cut where it is.
      let w = e;
      while (w > e - 4096 && !/\s/.test(text[w]!)) w--;
      if (w > e - 4096) e = w;
    }
    scan(text, s, e, out);
    s = e;
  }
  return out;
}

/**
 * The words of a text. A comparison tokenises each sentence four or five times (names, units, facts,
 * quotes), so the last few thousand texts are remembered: callers must not modify the array or its tokens.
 */
export function tokenize(text: string): readonly Token[] {
  const known = recent.get(text);
  if (known) return known;
  const out = tokenizeOnce(text);
  if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value!);
  recent.set(text, out);
  return out;
}

/** English function words and reporting filler: they say nothing about what a sentence reports. */
export const STOPWORDS = new Set(
  (
    'a an the and or but nor so yet of in on at to for from by with without about as into onto over under than then ' +
    "this that these those it its it's is are was were be been being am do does did done has have had having " +
    'he him his she her hers they them their theirs we us our ours you your yours i me my mine who whom whose which what ' +
    'when where why how all any both each few more most other some such no not only own same too very can will just ' +
    'should would could may might must shall also there here while after before during since until up down out off ' +
    'again further once s t don t ve ll re d m o y ain isn aren wasn weren hasn haven hadn doesn didn won wouldn ' +
    'shouldn couldn mustn if because though although whether per via among between across against through ' +
    'said says say added told according noted stated'
  ).split(/\s+/),
);

/** British and American spellings meet (defence/defense, organise/organize, honour/honor). */
function unifySpelling(w: string): string {
  return w
    .replace(/^(de|of)fence/, '$1fense')
    .replace(/([a-z]{3})is(e|ed|es|ing|ation)$/, '$1iz$2')
    .replace(/([a-z]{2})our$/, '$1or');
}

/**
 * A light English stemmer (plural, past, gerund, adverb) applied only to Latin-script words: enough for
 * "discussed/discuss", "talks/talk", "strengthening/strengthen" to meet without a dictionary.
 */
export function stem(norm: string): string {
  if (!/^[a-z]+$/.test(norm) || norm.length <= 3) return norm;
  let w = unifySpelling(norm);
  if (w.endsWith("'s")) w = w.slice(0, -2);
  if (w.length > 5 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && /(ss|us|is)$/.test(w)) {
    /* keep: class, status, analysis */
  } else if (w.length > 4 && w.endsWith('es') && /(ch|sh|x|z|ss)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s')) w = w.slice(0, -1);
  if (w.length > 6 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 5 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 5 && w.endsWith('ly')) w = w.slice(0, -2);
  if (w.length > 5 && w.endsWith('ation')) w = w.slice(0, -5);
  // Undouble a final consonant left by -ing/-ed ("planned" -> "plann" -> "plan").
  if (/([bdgklmnprt])\1$/.test(w) && w.length > 4) w = w.slice(0, -1);
  return w.replace(/e$/, '');
}

const keys = new Map<string, string | null>();

/** Forget the remembered tokens and word keys: benchmarks call it to time a first, cold comparison. */
export function forgetTokenCaches(): void {
  recent.clear();
  keys.clear();
}

/** The content key of a word: normalised, possessive dropped, stemmed; null for function words. */
export function contentKey(norm: string): string | null {
  // A vocabulary repeats: each word is stemmed once, and the table is dropped when it grows large.
  let key = keys.get(norm);
  if (key === undefined) {
    if (keys.size >= 50_000) keys.clear();
    key = computeContentKey(norm);
    keys.set(norm, key);
  }
  return key;
}

function computeContentKey(norm: string): string | null {
  // Clitics: "you've" is "you", "couldn't" is "could", "Türkiye's" is "Türkiye".
  const base = norm.replace(/'(s|ve|ll|re|d|m|t)$/, '').replace(/n$/, (n) => (norm.endsWith("n't") ? '' : n));
  if (base.length === 0 || STOPWORDS.has(base)) return null;
  if (/^\d+$/.test(base)) return base;
  if (base.length === 1) return null;
  return stem(base);
}
