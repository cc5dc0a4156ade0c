import type { Block, MetaField, MetaKey } from '../../contract';
import { readPdfSource } from './pdf-source';

/**
 * A PDF's stored source (pdf-source.ts) as an article: running headers, footers and page numbers go to the
 * hidden layer with the reason, lines are joined into paragraphs (across columns and pages when a sentence
 * runs on), words broken at a line's end are mended, and the document's own metadata gives the title, the
 * author and the date. Pure and deterministic, so re-analysis gives the same article.
 */
export type ExtractedPdf = { text: string; hidden: Block[]; meta: Partial<Record<MetaKey, MetaField>> };

/** "3", "- 3 -", "Page 3", "page 3 of 10", "3 / 10", "iv": a page number, alone on its line. */
const PAGE_NUMBER = /^(?:[-–—]\s*)?(?:(?:page|p\.|seite|página|pagina|sayfa)\s*)?(?:\d{1,4}|x{0,3}(?:ix|iv|v?i{1,3}|v)|x{1,3})(?:\s*(?:of|\/|von|de|di)\s*\d{1,4})?(?:\s*[-–—])?$/i;

/** How many lines from the top and from the foot of a page are looked at for running headers and footers. */
const EDGE = 2;

type Hidden = { text: string; reason: string };

const key = (line: string) => line.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();

function hiddenBlock(h: Hidden): Block {
  return { kind: 'boilerplate', text: h.text, reason: h.reason, lang: null, post: null, start: null, end: null };
}

/**
 * Which lines of each page are page furniture: a page number at the top or foot, or a line (digits aside,
 * so "Annual report 2025 — 3" matches "Annual report 2025 — 4") found at the same edge on most pages.
 */
export function findRunningLines(pages: string[][]): { keep: string[][]; hidden: Hidden[] } {
  const edges = pages.map((lines) => {
    const idx = lines.flatMap((l, i) => (l.trim() ? [i] : []));
    return { top: idx.slice(0, EDGE), bottom: idx.slice(-EDGE) };
  });
  const counts = new Map<string, number>();
  for (const [p, e] of edges.entries()) {
    const seen = new Set<string>();
    for (const i of e.top) seen.add(`top ${key(pages[p]![i]!)}`);
    for (const i of e.bottom) seen.add(`bottom ${key(pages[p]![i]!)}`);
    for (const s of seen) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const running = (where: 'top' | 'bottom', line: string) => {
    // A line that ends a sentence is text, even when its like ends every page ("… on page 3."): headers do not.
    if (/[.!?]$/.test(line)) return 0;
    const n = counts.get(`${where} ${key(line)}`) ?? 0;
    return pages.length >= 2 && n >= 2 && n * 2 > pages.length ? n : 0;
  };
  const hidden: Hidden[] = [];
  const said = new Set<string>();
  const keep = pages.map((lines, p) => {
    const drop = new Set<number>();
    for (const where of ['top', 'bottom'] as const) {
      for (const i of edges[p]![where]) {
        const line = lines[i]!.trim();
        const n = running(where, line);
        const reason = PAGE_NUMBER.test(line)
          ? `page number (page ${p + 1})`
          : n
            ? `running ${where === 'top' ? 'header' : 'footer'}, on ${n} of ${pages.length} pages`
            : null;
        if (!reason || drop.has(i)) continue;
        drop.add(i);
        // A running line is said once; each page number once per page.
        const once = PAGE_NUMBER.test(line) ? `${p} ${line}` : `${where} ${key(line)}`;
        if (!said.has(once)) hidden.push({ text: line, reason });
        said.add(once);
      }
    }
    return lines.filter((_, i) => !drop.has(i));
  });
  return { keep, hidden };
}

/** Short words often written with a hyphen before another word ("well-known", "self-made", "e-mail"). */
const COMPOUND_HEADS = new Set(
  'well self ex all half cross long short full high low far near ill non semi mid one two three four five first second third so co anti pre post multi pro'.split(
    ' ',
  ),
);

/**
 * Join a line ending in a hyphen to the next. Without a dictionary the document's own words decide: the word
 * written whole elsewhere ("international") joins; written with its hyphen elsewhere ("well-known") keeps
 * it. Otherwise the hyphen is kept when it cannot be a typesetter's break: the next line starts with a
 * capital or a digit ("anti-\nAmerican", "COVID-\n19"), the first part is one letter ("e-\nmail") or a word
 * that often heads a compound ("well-\nknown"). Anything else was broken to fit the line, and is mended.
 */
export function joinHyphenated(left: string, right: string, words: Set<string>): string {
  const soft = left.endsWith('\u00AD');
  const m = /([\p{L}]+)[-\u2010\u00AD]$/u.exec(left);
  const next = /^([\p{L}\p{N}]+)/u.exec(right);
  if (!m || !next) return `${left} ${right}`;
  const head = m[1]!;
  const tail = next[1]!;
  const whole = `${head}${tail}`.toLowerCase();
  const hyphened = `${head}-${tail}`.toLowerCase();
  const base = left.slice(0, -1);
  if (soft || words.has(whole)) return `${base}${right}`;
  if (words.has(hyphened)) return `${base}-${right}`;
  if (!/^\p{Ll}/u.test(tail) || head.length === 1 || COMPOUND_HEADS.has(head.toLowerCase())) return `${base}-${right}`;
  return `${base}${right}`;
}

/** Every word of the document, lower case, with its inner hyphens, as joinHyphenated's vocabulary. */
function vocabulary(pages: string[][]): Set<string> {
  const words = new Set<string>();
  for (const lines of pages)
    for (const l of lines) {
      // The part before a line-end hyphen is half a word: it is not evidence of anything.
      const whole = l.toLowerCase().replace(/[\p{L}]+[-\u2010\u00AD]$/u, '');
      for (const w of whole.match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? []) words.add(w);
    }
  return words;
}

const ENDS_SENTENCE = /[.!?:;"”’»)\]]$/;

/** Lines into paragraphs: a blank line ends one; a page ends one unless its last sentence runs on to the next page. */
function paragraphs(pages: string[][], words: Set<string>): string[] {
  const out: string[] = [];
  let cur: string | null = null;
  const add = (line: string) => {
    if (cur === null) cur = line;
    else if (/[-\u2010\u00AD]$/.test(cur)) cur = joinHyphenated(cur, line, words);
    else cur = `${cur} ${line}`;
  };
  const end = () => {
    if (cur !== null) out.push(cur);
    cur = null;
  };
  for (const lines of pages) {
    const first = lines.find((l) => l.trim());
    if (cur !== null && !(first && /^\p{Ll}/u.test(first.trim()) && !ENDS_SENTENCE.test(cur))) end();
    for (const raw of lines) {
      const line = raw.trim();
      if (line) add(line);
      else end();
    }
  }
  end();
  return out;
}

const field = (value: string | undefined, confidence: number, cue: string): MetaField | null =>
  value?.trim() ? { value: value.trim(), confidence, source: 'file', cue } : null;

/** Titles producers write for every document: a file name, "Untitled", the application's placeholder. */
const JUNK_TITLE = /^(untitled|document\d*|title|slide \d+|microsoft (word|powerpoint|excel)\b.*|.*\.(docx?|pdf|indd|pptx?|odt|rtf|tex|qxd))$/i;

export const isJunkTitle = (title: string) => JUNK_TITLE.test(title.trim());

export function extractPdfArticle(raw: string): ExtractedPdf {
  const src = readPdfSource(raw);
  const { keep, hidden } = findRunningLines(src.pages);
  const text = paragraphs(keep, vocabulary(keep)).join('\n\n');
  const meta: Partial<Record<MetaKey, MetaField>> = {};
  const set = (k: MetaKey, f: MetaField | null) => {
    if (f) meta[k] = f;
  };
  const ownTitle = src.meta.title && !isJunkTitle(src.meta.title) ? src.meta.title : undefined;
  set('title', field(ownTitle, 0.85, `PDF metadata: ${src.meta.titleFrom ?? 'Title'}`) ?? field(src.meta.heading, 0.8, 'the largest line on the first page'));
  set('author', field(src.meta.author, 0.6, 'PDF metadata: Author'));
  set('publishedAt', field(src.meta.date, 0.6, `PDF metadata: ${src.meta.dateFrom ?? 'CreationDate'}`));
  return { text, hidden: hidden.map(hiddenBlock), meta };
}
