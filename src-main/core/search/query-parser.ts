import { RATING_ID_PATTERN } from '../../../src-shared/verdicts';
import { normalise, terms } from './normalise';
import type { Clause, Filters, ParsedQuery, QueryHint } from './query-ast';
import { emptyFilters, hasFilters } from './query-ast';
import { stemmerFor } from './stemmer';
import { parseDateFilter } from './query-dates';

/** Longer queries are cut here (with a hint): nobody types more, and it bounds the work a query can cause. */
export const MAX_QUERY_LENGTH = 1000;
export const MAX_CLAUSES = 32;
export const MIN_PREFIX = 2;

const FILTER_KEYS = ['outlet', 'tag', 'lang', 'before', 'after', 'in', 'verdict'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

const LANGUAGE_NAMES: Record<string, string> = {
  english: 'en',
  arabic: 'ar',
  turkish: 'tr',
  french: 'fr',
  german: 'de',
  spanish: 'es',
  russian: 'ru',
  persian: 'fa',
  farsi: 'fa',
  hebrew: 'he',
  kurdish: 'ku',
};

/** Control characters, bidi marks and isolates, zero-width characters: never part of what a user means. */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]/g;

type Lexeme =
  { kind: 'or'; raw: string } | { kind: 'and'; raw: string } | { kind: 'item'; negated: boolean; key: string | null; value: string; quoted: boolean; raw: string };

/** Split the query into words, quoted phrases, `key:value` filters and OR, never failing. */
function lex(q: string, hints: QueryHint[]): Lexeme[] {
  const out: Lexeme[] = [];
  let i = 0;
  const n = q.length;
  const readQuoted = (from: number): { value: string; next: number } => {
    const close = q.indexOf('"', from + 1);
    if (close === -1) {
      hints.push({ message: 'A quote is not closed: the rest of the query is searched as a phrase', fragment: q.slice(from) });
      return { value: q.slice(from + 1), next: n };
    }
    return { value: q.slice(from + 1, close), next: close + 1 };
  };
  while (i < n) {
    while (i < n && /\s/.test(q[i]!)) i++;
    if (i >= n) break;
    const start = i;
    let negated = false;
    if (q[i] === '-' && i + 1 < n && !/\s/.test(q[i + 1]!)) {
      negated = true;
      i++;
    }
    if (q[i] === '"') {
      const { value, next } = readQuoted(i);
      out.push({ kind: 'item', negated, key: null, value, quoted: true, raw: q.slice(start, next) });
      i = next;
      continue;
    }
    let j = i;
    while (j < n && !/\s/.test(q[j]!) && q[j] !== '"') j++;
    const word = q.slice(i, j);
    const colon = word.indexOf(':');
    const key = colon > 0 ? word.slice(0, colon).toLowerCase() : null;
    if (key !== null && (FILTER_KEYS as readonly string[]).includes(key)) {
      if (colon === word.length - 1 && q[j] === '"') {
        const { value, next } = readQuoted(j);
        out.push({ kind: 'item', negated, key, value, quoted: true, raw: q.slice(start, next) });
        i = next;
        continue;
      }
      out.push({ kind: 'item', negated, key, value: word.slice(colon + 1), quoted: false, raw: q.slice(start, j) });
    } else if (!negated && (word === 'OR' || word === '|' || word === '||')) {
      out.push({ kind: 'or', raw: word });
    } else if (!negated && (word === 'AND' || word === '&&')) {
      out.push({ kind: 'and', raw: word });
    } else {
      if (key !== null && /^[a-z]{2,10}$/.test(key) && colon < word.length - 1) {
        hints.push({
          message: `"${key}:" is not a filter (filters: ${FILTER_KEYS.map((k) => `${k}:`).join(' ')}); it is searched as text`,
          fragment: word,
        });
      }
      out.push({ kind: 'item', negated, key: null, value: word, quoted: false, raw: q.slice(start, j) });
    }
    i = j;
  }
  return out;
}

/** A word or phrase as clauses: one term, a prefix, or a phrase when folding splits it (al-Shibani). */
function toClause(value: string, quoted: boolean, raw: string, hints: QueryHint[]): Clause | null {
  const isPrefix = !quoted && /[\p{L}\p{N}]\*+$/u.test(value);
  const ts = terms(isPrefix ? value.replace(/\*+$/, '') : value);
  if (ts.length === 0) {
    hints.push({ message: quoted ? 'An empty phrase was ignored' : `"${raw}" has no letters or digits and was ignored`, fragment: raw });
    return null;
  }
  if (isPrefix) {
    const last = ts[ts.length - 1]!;
    if (ts.length === 1) {
      if (last.length < MIN_PREFIX) {
        hints.push({ message: `A prefix needs at least ${MIN_PREFIX} letters: "${raw}" was searched as a word`, fragment: raw });
        return { kind: 'term', term: last, raw };
      }
      return { kind: 'prefix', prefix: last, raw };
    }
    hints.push({ message: `"*" applies to one word: "${raw}" was searched as a phrase`, fragment: raw });
  }
  if (ts.length === 1) return { kind: 'term', term: ts[0]!, raw };
  return { kind: 'phrase', terms: ts.slice(0, 64), raw };
}

function applyFilter(key: FilterKey, value: string, raw: string, filters: Filters, hints: QueryHint[]): void {
  const v = value.trim();
  if (!v) {
    hints.push({ message: `"${key}:" needs a value, e.g. ${example[key]}`, fragment: raw });
    return;
  }
  switch (key) {
    case 'outlet': {
      const ts = terms(v);
      if (ts.length) filters.outlet.push(ts);
      else hints.push({ message: `"${raw}" names no outlet`, fragment: raw });
      return;
    }
    case 'tag':
      filters.tag.push(normalise(v).replace(/^#/, ''));
      return;
    case 'lang': {
      const code = LANGUAGE_NAMES[v.toLowerCase()] ?? v.toLowerCase();
      if (/^[a-z]{2,3}$/.test(code)) filters.lang.push(code);
      else hints.push({ message: `"${v}" is not a language code; try lang:en, lang:ar or lang:tr`, fragment: raw });
      return;
    }
    case 'before':
    case 'after': {
      const date = parseDateFilter(v, key);
      if (date) filters[key] = date;
      else hints.push({ message: `"${key}:" needs a date written YYYY-MM-DD (or YYYY-MM, YYYY), e.g. ${example[key]}`, fragment: raw });
      return;
    }
    case 'in': {
      const scope = v.toLowerCase();
      if (scope === 'notes' || scope === 'note') filters.in = 'notes';
      else if (scope === 'articles' || scope === 'article') filters.in = 'articles';
      else if (scope === 'all') filters.in = 'all';
      else hints.push({ message: `"in:" takes notes, articles or all`, fragment: raw });
      return;
    }
    case 'verdict': {
      // A rating's id, or its label as typed ("Mostly true" is mostly-true); the notebook's list is not known here.
      const rating = v.toLowerCase().replace(/\s+/g, '-');
      if (RATING_ID_PATTERN.test(rating)) filters.verdict.push(rating);
      else hints.push({ message: `"${raw}" names no rating; try verdict:false, verdict:mostly-true or verdict:any`, fragment: raw });
    }
  }
}

const example: Record<FilterKey, string> = {
  outlet: 'outlet:"new arab"',
  tag: 'tag:actor/turkiye',
  lang: 'lang:ar',
  before: 'before:2025-10-13',
  after: 'after:2025-10-01',
  in: 'in:notes',
  verdict: 'verdict:false',
};

/**
 * A clause as each of the notebook's languages stems it, besides as written (for articles of a language
 * without a stemmer): the alternatives of one group, so `elections` finds an English "election".
 */
function stemmedVariants(c: Clause, languages: readonly string[]): Clause[] {
  const out = [c];
  const seen = new Set([clauseKey(c)]);
  for (const lang of languages) {
    const stem = stemmerFor(lang);
    if (!stem) continue;
    const v: Clause =
      c.kind === 'term'
        ? { ...c, term: stem(c.term) }
        : c.kind === 'prefix'
          ? { ...c, prefix: stem(c.prefix) }
          : { ...c, terms: c.terms.map(stem) };
    const key = clauseKey(v);
    if (seen.has(key) || (v.kind === 'prefix' && v.prefix.length < MIN_PREFIX)) continue;
    seen.add(key);
    out.push(v);
  }
  return out;
}

const clauseKey = (c: Clause) => `${c.kind}:${c.kind === 'term' ? c.term : c.kind === 'prefix' ? c.prefix : c.terms.join(' ')}`;

/**
 * Parse what the user typed. Never throws: whatever cannot be understood is dropped or searched as plain
 * text, and a hint says so. `languages` are the notebook's: each word is also searched as each of them
 * stems it (the index holds every article's words stemmed in its own language).
 */
export function parseQuery(input: string, languages: readonly string[] = []): ParsedQuery {
  const hints: QueryHint[] = [];
  let q = typeof input === 'string' ? input : '';
  if (q.length > MAX_QUERY_LENGTH) {
    hints.push({
      message: `The query was cut to its first ${MAX_QUERY_LENGTH} characters`,
      fragment: q.slice(MAX_QUERY_LENGTH, MAX_QUERY_LENGTH + 20),
    });
    q = q.slice(0, MAX_QUERY_LENGTH);
  }
  q = q.replace(INVISIBLE, ' ').replace(/[“”„‟«»]/g, '"');
  const filters = emptyFilters();
  const groups: Clause[][] = [];
  const strict: boolean[] = [];
  let allRequired = false;
  let typed = 0;
  const not: Clause[] = [];
  let pendingOr: string | null = null;
  let lastWasPositive = false;

  for (const lx of lex(q, hints)) {
    if (lx.kind === 'and') {
      // Every word is required anyway; AND says so explicitly, which keeps the query strict.
      allRequired = true;
      continue;
    }
    if (lx.kind === 'or') {
      if (!lastWasPositive) hints.push({ message: `"${lx.raw}" needs a word or phrase on both sides`, fragment: lx.raw });
      else pendingOr = lx.raw;
      continue;
    }
    if (lx.key) {
      if (lx.negated)
        hints.push({ message: `Filters cannot be negated: "${lx.raw}" was applied as "${lx.raw.slice(1)}"`, fragment: lx.raw });
      applyFilter(lx.key as FilterKey, lx.value, lx.raw, filters, hints);
      if (pendingOr) hints.push({ message: `"${pendingOr}" joins words or phrases, not filters`, fragment: pendingOr });
      pendingOr = null;
      lastWasPositive = false;
      continue;
    }
    const clause = toClause(lx.value, lx.quoted, lx.raw, hints);
    if (!clause) continue;
    if (typed >= MAX_CLAUSES) {
      hints.push({ message: `Only the first ${MAX_CLAUSES} words are used`, fragment: lx.raw });
      break;
    }
    typed++;
    const variants = stemmedVariants(clause, languages);
    if (lx.negated) {
      if (pendingOr) hints.push({ message: `"${pendingOr}" cannot join an excluded word; "${lx.raw}" just excludes`, fragment: pendingOr });
      not.push(...variants);
      pendingOr = null;
      lastWasPositive = false;
      continue;
    }
    if (pendingOr && groups.length) {
      groups[groups.length - 1]!.push(...variants);
      strict[groups.length - 1] = true;
    } else {
      groups.push(variants);
      strict.push(lx.quoted);
    }
    pendingOr = null;
    lastWasPositive = true;
  }
  if (pendingOr) hints.push({ message: `"${pendingOr}" at the end has nothing to join and was ignored`, fragment: pendingOr });
  if (groups.length === 0 && not.length > 0 && !hasFilters(filters)) {
    hints.push({ message: 'Excluding words alone matches nothing: add a word or a filter to search for', fragment: not[0]!.raw });
  }
  return { ast: { groups, strict, allRequired, not, filters }, hints };
}
