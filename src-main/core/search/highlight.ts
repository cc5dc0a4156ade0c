import type { Token } from './normalise';
import { tokensWithOffsets } from './normalise';
import type { Clause, QueryAst } from './query-ast';
import { hasStemmer, prefixMatchesTerm } from './stemmer';

export type Range = { start: number; end: number };

function clauseMatches(tokens: Token[], c: Clause): Range[] {
  const out: Range[] = [];
  if (c.kind === 'term') {
    for (const t of tokens) if (t.term === c.term) out.push({ start: t.start, end: t.end });
  } else if (c.kind === 'prefix') {
    for (const t of tokens) if (prefixMatchesTerm(c.prefix, t.term)) out.push({ start: t.start, end: t.end });
  } else {
    const n = c.terms.length;
    for (let i = 0; i + n <= tokens.length; i++) {
      let k = 0;
      while (k < n && tokens[i + k]!.term === c.terms[k]) k++;
      if (k === n) out.push({ start: tokens[i]!.start, end: tokens[i + n - 1]!.end });
    }
  }
  return out;
}

function mergeRanges(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

/** The query's hits in one text, in UTF-16 offsets of that (original, unfolded) text. */
export type TextMatch = { hits: Range[]; groupsMatched: boolean[]; excluded: boolean };

/**
 * `lang` is the language of the text (its article's): its words are stemmed as the index stemmed them, so
 * a query's stemmed forms mark every word that shares the stem ("elections" marks "election").
 */
export function matchText(text: string, ast: QueryAst, lang: string | null = null): TextMatch {
  const tokens = tokensWithOffsets(text, lang);
  const hits: Range[] = [];
  const groupsMatched = ast.groups.map((g) => {
    let any = false;
    for (const c of g) {
      const found = clauseMatches(tokens, c);
      if (found.length) any = true;
      hits.push(...found);
    }
    return any;
  });
  const excluded = ast.not.some((c) => clauseMatches(tokens, c).length > 0);
  return { hits: mergeRanges(hits), groupsMatched, excluded };
}

/**
 * Does a document made of several texts (title and body, or note and quote) satisfy the query? Every
 * group must match in one of them, and no excluded word or phrase may occur in any. `relaxed` (most of
 * the words): only the groups the user asked for explicitly are required, and at least one group matches.
 */
export function satisfies(matches: TextMatch[], ast: QueryAst, relaxed = false): boolean {
  if (matches.some((m) => m.excluded)) return false;
  const found = (i: number) => matches.some((m) => m.groupsMatched[i]);
  if (relaxed) return ast.groups.some((_, i) => found(i)) && ast.groups.every((_, i) => !ast.strict[i] || found(i));
  return ast.groups.every((_, i) => found(i));
}

export type Snippet = { text: string; offset: number; highlights: Range[] };

const WORD = /[\p{L}\p{N}]/u;

/** Move a cut to a word boundary so a snippet never starts or ends mid-word. */
function snapStart(text: string, at: number, hit: number): number {
  if (at <= 0) return 0;
  // Prefer the start of the sentence the hit is in, when it is close enough.
  const window = text.slice(at, hit);
  const sentence = Math.max(window.lastIndexOf('. '), window.lastIndexOf('? '), window.lastIndexOf('! '), window.lastIndexOf('\n'));
  if (sentence >= 0) return at + sentence + (window[sentence] === '\n' ? 1 : 2);
  const lineStart = text.lastIndexOf('\n', at);
  if (lineStart >= 0 && at - lineStart < 40) return lineStart + 1;
  let i = at;
  while (i > 0 && WORD.test(text[i - 1]!)) i--;
  return i;
}

function snapEnd(text: string, at: number): number {
  if (at >= text.length) return text.length;
  const lineEnd = text.indexOf('\n', at);
  if (lineEnd >= 0 && lineEnd - at < 40) return lineEnd;
  let i = at;
  while (i < text.length && WORD.test(text[i]!)) i++;
  return i;
}

/**
 * Up to `max` windows of about `width` characters around the hits, the windows with the most hits first
 * and then shown in text order. Each snippet carries its start offset and its highlights relative to it.
 */
export function makeSnippets(text: string, hits: Range[], max = 3, width = 200): Snippet[] {
  if (hits.length === 0) return [];
  const windows: { start: number; end: number; hits: Range[] }[] = [];
  let i = 0;
  while (i < hits.length) {
    const first = hits[i]!;
    const start = snapStart(text, Math.max(0, first.start - Math.floor(width / 3)), first.start);
    const end = snapEnd(text, Math.max(first.end, start + width));
    const inside: Range[] = [];
    while (i < hits.length && hits[i]!.end <= end) inside.push(hits[i++]!);
    if (inside.length === 0) inside.push(hits[i++]!);
    windows.push({ start, end: Math.max(end, inside[inside.length - 1]!.end), hits: inside });
  }
  return windows
    .map((w, order) => ({ w, order }))
    .sort((a, b) => b.w.hits.length - a.w.hits.length || a.order - b.order)
    .slice(0, max)
    .sort((a, b) => a.order - b.order)
    .map(({ w }) => {
      const raw = text.slice(w.start, w.end);
      const lead = raw.length - raw.trimStart().length;
      const body = raw.trim();
      const offset = w.start + lead;
      return {
        // One space per line break keeps the highlight offsets valid.
        text: body.replace(/\n/g, ' '),
        offset,
        highlights: w.hits.map((h) => ({ start: h.start - offset, end: h.end - offset })),
      };
    });
}

/**
 * A snippet as plain text with its hits wrapped in [[…]], for the CLI. Not «…»: Arabic and French text use
 * guillemets as quotation marks, so they would be ambiguous.
 */
export function markSnippet(s: { text: string; highlights: Range[] }, open = '[[', close = ']]'): string {
  let out = '';
  let at = 0;
  for (const h of s.highlights) {
    out += s.text.slice(at, h.start) + open + s.text.slice(h.start, h.end) + close;
    at = h.end;
  }
  return out + s.text.slice(at);
}

/**
 * A character outside ASCII that the tokeniser counts as part of a word (letters, digits, marks, format
 * characters). A text without any reads, word for word, as the ASCII regular expressions read it: a £, a
 * curly quote or a dash separates words for both.
 */
const NON_ASCII_WORD_CHAR = /(?!\p{ASCII})[\p{L}\p{N}\p{M}\p{Cf}]/u;
const compiled = new WeakMap<QueryAst, { groups: RegExp[][]; not: RegExp[] } | null>();

function clauseRegex(c: Clause): RegExp | null {
  const parts = c.kind === 'term' ? [c.term] : c.kind === 'prefix' ? [c.prefix] : c.terms;
  if (!parts.every((p) => /^[a-z0-9]+$/.test(p))) return null;
  const tail = c.kind === 'prefix' ? '' : '(?![A-Za-z0-9])';
  return new RegExp(`(?<![A-Za-z0-9])${parts.join('[^A-Za-z0-9]+')}${tail}`, 'i');
}

/**
 * `satisfies` for plain-ASCII queries on texts whose words are all ASCII, with one regular expression per
 * clause instead of tokenising: there the two agree exactly (a word is a run of [A-Za-z0-9]; anything else,
 * £ and curly quotes included, separates words). Null when it does not apply (accents, other scripts, a
 * text in a language with a stemmer), and the caller tokenises.
 */
export function quickSatisfies(texts: string[], ast: QueryAst, lang: string | null = null): boolean | null {
  // A stem is not a word of the text ("elect" for "elections"): stemmed texts are tokenised.
  if (hasStemmer(lang)) return null;
  let c = compiled.get(ast);
  if (c === undefined) {
    const groups = ast.groups.map((g) => g.map(clauseRegex));
    const not = ast.not.map(clauseRegex);
    c = groups.flat().includes(null) || not.includes(null) ? null : { groups: groups as RegExp[][], not: not as RegExp[] };
    compiled.set(ast, c);
  }
  if (!c || texts.some((t) => NON_ASCII_WORD_CHAR.test(t))) return null;
  if (c.not.some((re) => texts.some((t) => re.test(t)))) return false;
  return c.groups.every((g) => g.some((re) => texts.some((t) => re.test(t))));
}
