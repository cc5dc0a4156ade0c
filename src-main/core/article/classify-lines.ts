import type { BlockKind, EmbeddedPost } from '../../contract';
import { findStatedDate } from '../text/dates';
import { tokenSimilarity } from '../text/similarity';
import {
  boilerplateRules,
  bylinePattern,
  dateCuePattern,
  outletDatelinePattern,
  sourceLinePattern,
  trailingListMarker,
} from './line-rules';
import type { LineShape } from './main-text';
import { hasMenuRun, mainTextRange } from './main-text';
import { canonicalOutlet, outletWords } from './outlets';
import { parseEmbeddedPost } from './posts';

/** One logical line of the pasted text (a paragraph, a heading, a caption...). */
export type SourceLine = { text: string; blankBefore: boolean; blankAfter: boolean };

/** What a line turned out to be; `role` says which metadata field a meta line feeds. */
export type ClassifiedLine = SourceLine & {
  kind: BlockKind;
  reason: string | null;
  post: EmbeddedPost | null;
  role: 'title' | 'date' | 'byline' | 'source' | 'outlet-dateline' | 'url' | null;
};

/** How far from the top a header (title, date, standfirst) can be. */
const HEADER_LINES = 12;

const words = (s: string) => s.trim().split(/\s+/).filter(Boolean).length;
const endsLikeSentence = (s: string) => /[.!?…:;,"”’)]$/u.test(s.trim());

/** Short, at most 25 words, not a finished sentence: what headlines look like. */
export function looksLikeHeadline(s: string): boolean {
  const n = words(s);
  return n >= 2 && n <= 25 && s.length <= 220 && !/[.;,]$/.test(s.trim());
}

export function isDateLine(s: string): boolean {
  if (words(s) > 8) return false;
  // One reading of the line serves both tests (chrono is the costly part).
  const d = findStatedDate(s);
  return d !== null && (dateCuePattern.test(s) || d.coverage >= 0.6);
}

/** Outlet named in an "Outlet – City" line, if the left part is recognisably a news organisation. */
export function outletOfDatelineLine(s: string): { outlet: string; place: string } | null {
  const m = outletDatelinePattern.exec(s.trim());
  if (!m || words(s) > 8 || /[.!?]$/.test(s.trim())) return null;
  const named = m[1]!.trim();
  const outlet = canonicalOutlet(named) ?? (outletWords.test(named) ? named : null);
  return outlet ? { outlet, place: m[2]!.trim() } : null;
}

/**
 * Classify every line. Rules run from the most certain (a tweet signature, "Skip to main content") to the
 * most contextual (which line is the title, which is a standfirst), each pass seeing what the previous
 * ones decided.
 */
/**
 * `wholePage: false` for text an article finder already took out of its page (a saved page's extracted
 * text): the search for the main text of a copied page must not cut it again (a list set with <br> reads
 * like a menu there).
 */
export function classifyLines(lines: SourceLine[], { wholePage = true }: { wholePage?: boolean } = {}): ClassifiedLine[] {
  const out: ClassifiedLine[] = lines.map((l) => ({ ...l, kind: 'paragraph', reason: null, post: null, role: null }));
  const open = (i: number) => out[i]!.kind === 'paragraph' && out[i]!.reason === null;
  const mark = (i: number, kind: BlockKind, reason: string, role: ClassifiedLine['role'] = null) => {
    Object.assign(out[i]!, { kind, reason, role });
  };

  markTrailingList(out, mark);
  // Header-only rules (section labels) stop at the first sentence of prose: below it, "WORLD OF WARCRAFT" is content.
  const firstProse = out.findIndex((l) => words(l.text) >= 12 && endsLikeSentence(l.text));
  const headerEnd = firstProse < 0 ? HEADER_LINES : Math.min(firstProse, HEADER_LINES);

  out.forEach((line, i) => {
    if (!open(i)) return;
    const t = line.text.trim();
    const post = parseEmbeddedPost(t);
    if (post) {
      Object.assign(line, { kind: 'post', reason: null, post });
      return;
    }
    const rule = boilerplateRules.find((r) => (!r.headerOnly || i < headerEnd) && r.test(t));
    if (rule) return mark(i, 'boilerplate', rule.reason);
    if (/^(source:\s*)?https?:\/\/\S+$/i.test(t)) return mark(i, 'meta', 'web address', 'url');
    if (sourceLinePattern.test(t)) return mark(i, 'meta', 'source line', 'source');
    if (bylinePattern.test(t)) return mark(i, 'meta', 'byline', 'byline');
    if (i < HEADER_LINES && outletOfDatelineLine(t)) return mark(i, 'meta', 'outlet and place line', 'outlet-dateline');
    if (isDateLine(t)) return mark(i, 'meta', 'date line', 'date');
  });

  const main = wholePage ? markOutsideMainText(out, open, mark) : null;
  // The title is the first line of the story proper, if that line reads as a headline; an article that
  // opens straight into prose (one seed does) has no title line, and a later subheading must not be taken.
  // On a whole page, it is the headline just above the story, not the page's first line (a menu).
  const titleIndex = main ? main.title : firstHeadline(out, open);
  if (titleIndex >= 0) {
    mark(titleIndex, 'meta', 'title (shown in the header)', 'title');
    markRepeatedTitles(out, titleIndex, open, mark);
    markStandfirst(out, titleIndex, open);
  }
  markHeadings(out, titleIndex, open);
  return out;
}

function firstHeadline(out: ClassifiedLine[], open: (i: number) => boolean): number {
  const firstOpen = out.findIndex((_l, i) => open(i));
  return firstOpen >= 0 && firstOpen < 8 && looksLikeHeadline(out[firstOpen]!.text) ? firstOpen : -1;
}

/**
 * The headline above the story, told from the credit, date, share and photo lines around it: at least three
 * words, and no date, time, "By …", "Share …", credit or address in it.
 */
function readsAsHeadlineAboveStory(t: string): boolean {
  if (!looksLikeHeadline(t) || words(t) < 3) return false;
  if (/\b\d{1,2}:\d{2}\b|@|https?:|www\./i.test(t) || findStatedDate(t)) return false;
  return !/^(by|posted|published|updated|share|copy|image|photo|credit|video|watch|tags?)\b/i.test(t.trim());
}

/** How far above the story its headline, byline and date may sit (kickers, captions and share rows between). */
const HEAD_WINDOW = 15;

/**
 * A whole page copied as text: keep the main text (main-text.ts) and hide what is around it, each line with
 * the reason. Text that is all story (a pasted article, a saved page's extracted text) has little or nothing
 * around its main text, and is left as it is. Returns the title line found above the story (or -1).
 */
function markOutsideMainText(
  out: ClassifiedLine[],
  open: (i: number) => boolean,
  mark: (i: number, k: BlockKind, r: string) => void,
): { title: number } | null {
  const blankBefore = (i: number) => out[i]!.blankBefore;
  // Most texts are not whole pages: without a menu anywhere there is nothing around the story to find.
  if (
    !hasMenuRun(
      out.map((l) => ({ text: l.text, settled: settledAs(l) })),
      blankBefore,
    )
  )
    return null;
  // A line the page prints twice (a menu in the header and the footer, a teaser beside the story) is furniture.
  const seen = new Map<string, number>();
  for (const l of out) seen.set(l.text, (seen.get(l.text) ?? 0) + 1);
  const shapes = out.map((l) => ({ text: l.text, settled: settledAs(l), repeated: seen.get(l.text)! > 1 }));
  const range = mainTextRange(shapes);
  if (!range || !hasMenuRun(shapes, blankBefore, range)) return null;
  let title = -1;
  for (let i = range.start - 1; i >= Math.max(0, range.start - HEAD_WINDOW); i--) {
    if (open(i) && readsAsHeadlineAboveStory(out[i]!.text)) {
      title = i;
      break;
    }
  }
  // A headline printed twice (a short and a long form) is the first of the two; the other is a repeat.
  for (let i = title - 1; i >= Math.max(0, range.start - HEAD_WINDOW) && title >= 0; i--) {
    if (open(i) && looksLikeHeadline(out[i]!.text) && tokenSimilarity(out[i]!.text, out[title]!.text) >= 0.5) title = i;
  }
  out.forEach((l, i) => {
    if (i === title || (i >= range.start && i < range.end)) return;
    // Meta lines (dates, bylines) are out of the body already; the metadata reader decides which is the story's.
    if (l.kind === 'meta' || l.kind === 'boilerplate') return;
    mark(i, 'boilerplate', i < range.start ? 'page text before the article' : 'page text after the article');
  });
  return { title };
}

const settledAs = (l: ClassifiedLine): LineShape['settled'] =>
  l.kind === 'post' ? 'post' : l.kind === 'meta' ? 'meta' : l.kind === 'boilerplate' ? 'boilerplate' : null;

function markTrailingList(out: ClassifiedLine[], mark: (i: number, k: BlockKind, r: string) => void): void {
  for (let i = Math.max(1, out.length - 40); i < out.length; i++) {
    if (!trailingListMarker.test(out[i]!.text.trim())) continue;
    const rest = out.slice(i + 1);
    if (rest.length === 0 || !rest.every((l) => words(l.text) <= 30)) continue;
    for (let j = i; j < out.length; j++) mark(j, 'boilerplate', 'list of other headlines');
    return;
  }
}

function markRepeatedTitles(
  out: ClassifiedLine[],
  titleIndex: number,
  open: (i: number) => boolean,
  mark: (i: number, k: BlockKind, r: string) => void,
): void {
  const title = out[titleIndex]!.text;
  for (let i = titleIndex + 1; i < Math.min(out.length, titleIndex + HEADER_LINES); i++) {
    // a sentence that ends in a full stop inside its closing quote ("…from “Dancing with the Stars.”") is the
    // story's lead retelling the headline, not the headline printed again
    const sentence = /\.["'”’»)]+$/u.test(out[i]!.text.trim());
    if (open(i) && !sentence && looksLikeHeadline(out[i]!.text) && tokenSimilarity(title, out[i]!.text) >= 0.5) {
      mark(i, 'boilerplate', 'repeated title');
    }
  }
}

/**
 * A standfirst is the summary sentence under a headline. It is told apart from the first paragraph by
 * what follows it: more header material (a caption, a date, the title again) rather than the story.
 */
function markStandfirst(out: ClassifiedLine[], titleIndex: number, open: (i: number) => boolean): void {
  for (let i = titleIndex + 1; i < Math.min(out.length, titleIndex + HEADER_LINES); i++) {
    if (!open(i)) continue;
    if (!endsLikeSentence(out[i]!.text) || words(out[i]!.text) > 70) return;
    const rest = out.slice(i + 1);
    const next = rest[0];
    // ...and the story itself must still be to come: a lone paragraph before a closing byline is the story.
    const storyFollows = rest.some((l) => l.kind === 'paragraph' || l.kind === 'post');
    if (next && (next.kind === 'meta' || next.kind === 'boilerplate') && storyFollows) {
      Object.assign(out[i]!, { kind: 'standfirst' });
    }
    return;
  }
}

/** Short unpunctuated lines set apart by blank lines inside the story are subheadings ("Shared Security"). */
function markHeadings(out: ClassifiedLine[], titleIndex: number, open: (i: number) => boolean): void {
  out.forEach((l, i) => {
    if (i <= titleIndex || i === 0 || !open(i)) return;
    const t = l.text.trim();
    if (l.blankBefore && l.blankAfter && words(t) <= 8 && !endsLikeSentence(t) && /^\p{Lu}/u.test(t)) {
      Object.assign(l, { kind: 'heading' });
    }
  });
}

export function sourceOutlet(line: string): { outlet: string; confidence: number } | null {
  const m = sourceLinePattern.exec(line.trim());
  if (!m) return null;
  const first = m[1]!.split(/\s+and\s+|,|;|\//i)[0]!.trim();
  const known = canonicalOutlet(first);
  if (known) return { outlet: known, confidence: 0.9 };
  return first ? { outlet: first, confidence: 0.6 } : null;
}
