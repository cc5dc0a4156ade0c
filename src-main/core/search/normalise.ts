/**
 * Search's side of the one text fold (src-shared/fold.ts). Indexing, query parsing and snippet highlighting
 * all go through here, so a word matches exactly when the index and the query fold it to the same term.
 * A term is a maximal run of letters and digits of the folded text, and Arabic terms lose a leading article ال;
 * in a language with a stemmer (the article's language), the term is then stemmed (stemmer.ts), so
 * "elections" and "election" are one term.
 */
import { fold, foldCodePoint } from '../../../src-shared/fold';
import type { Stem } from './stemmer';
import { stemmerFor } from './stemmer';

/** Fold a whole string at once (the fast path used for indexing): the shared fold itself. */
export const normalise = fold;

/**
 * A folded string with, for each of its UTF-16 units, the range of the original text it came from.
 * Characters that fold to nothing (harakat, bidi marks) are attached to the character before them, so a
 * highlight of "احمد" in "أَحْمَدُ" covers the whole original word, marks included.
 */
export type MappedText = { text: string; starts: Int32Array; ends: Int32Array };

export function normaliseMapped(input: string): MappedText {
  const parts: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  while (i < input.length) {
    const code = input.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    const c = input.slice(i, i + width);
    const folded = code < 0x80 ? (code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : c) : foldCodePoint(c);
    if (folded.length === 0) {
      if (ends.length) ends[ends.length - 1] = i + width;
    } else {
      parts.push(folded);
      for (let k = 0; k < folded.length; k++) {
        starts.push(i);
        ends.push(i + width);
      }
    }
    i += width;
  }
  return { text: parts.join(''), starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

/** Map a range of folded text back to the original text. */
export function originalRange(m: MappedText, start: number, end: number): { start: number; end: number } {
  if (end <= start || start >= m.starts.length) return { start: 0, end: 0 };
  return { start: m.starts[start]!, end: m.ends[Math.min(end, m.ends.length) - 1]! };
}

const ARABIC_LETTER = /[\u0621-\u064a]/;
const CLITIC_ARTICLE = /^(?:[وفبك]?ال|لل)/;

/**
 * The last step for every term: drop a leading Arabic definite article (with a one-letter conjunction or
 * preposition glued to it: و ف ب ك, or لل) when enough of the word is left, so مدرسة finds المدرسة.
 */
export function finalizeTerm(term: string): string {
  if (term.length < 4 || !ARABIC_LETTER.test(term[0]!)) return term;
  const m = CLITIC_ARTICLE.exec(term);
  if (!m) return term;
  const rest = term.slice(m[0].length);
  // "ال" + two letters is already a word worth keeping (الله is not the article + له).
  const min = m[0] === 'ال' ? 2 : 3;
  return rest.length >= min && term !== 'الله' ? rest : term;
}

const TERM = /[\p{L}\p{N}]+/gu;
/** A word as written: letters, digits, and what folding drops from inside words (marks, tatweel, format characters). */
const WORD = /[\p{L}\p{N}\p{M}\p{Cf}\u0640]+/gu;
const ASCII_WORD = /^[A-Za-z0-9]+$/;
/** Per language ('' = no stemming): written word → its terms. Bounded, as a notebook's vocabulary is not. */
const wordCache = new Map<string, Map<string, string[]>>();

/** The terms of one written word (usually one; a ligature or fraction can fold into several). */
function wordTerms(word: string, stem: Stem | null, key: string): string[] {
  let cache = wordCache.get(key);
  if (!cache) wordCache.set(key, (cache = new Map()));
  let out = cache.get(word);
  if (out) return out;
  out = [];
  if (ASCII_WORD.test(word)) out.push(word.toLowerCase());
  else for (const m of normalise(word).matchAll(TERM)) out.push(finalizeTerm(m[0]));
  // Stemming comes after folding, so two words that fold alike always stem alike (kalin = Kalın).
  if (stem) out = out.map(stem);
  if (cache.size > 200_000) cache.clear();
  cache.set(word, out);
  return out;
}

/**
 * The one tokeniser: finds words in the ORIGINAL text and folds each (and stems it in `lang`, when that
 * language has a stemmer), so every term knows the range of the original text it came from (the offset map
 * highlighting needs), at the cost of a cache lookup per word rather than a character-by-character map.
 */
export function forEachTerm(text: string, visit: (term: string, start: number, end: number) => void, lang: string | null = null): void {
  const stem = stemmerFor(lang);
  const key = stem ? lang! : '';
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    const end = start + m[0].length;
    for (const t of wordTerms(m[0], stem, key)) visit(t, start, end);
  }
}

/** Index terms of a text: folded, split on anything that is not a letter or digit, finalised, stemmed in `lang`. */
export function terms(text: string, lang: string | null = null): string[] {
  const out: string[] = [];
  forEachTerm(text, (t) => out.push(t), lang);
  return out;
}

export type Token = { term: string; start: number; end: number };

/** Terms (stemmed in `lang`) with their ranges in the ORIGINAL text: what highlighting uses. */
export function tokensWithOffsets(text: string, lang: string | null = null): Token[] {
  const out: Token[] = [];
  forEachTerm(text, (term, start, end) => out.push({ term, start, end }), lang);
  return out;
}
