import { commentAttribution, commentsMarker } from './line-rules';

/**
 * A whole page copied as text (Select All, Copy) has lost its markup: what is left of the menus, teasers,
 * footers and comments around the story is lines. What survives copying is their shape: the story is a run
 * of long lines that end like sentences, interrupted at most by a few short ones (subheads, captions, a
 * date); menus and link lists are runs of short lines, and lists of other stories are headlines in title
 * case. The story is found as the contiguous run of lines with the most prose in it, where every prose line
 * counts for its length and every other line against it (the body-text-extraction idea of Finn, Kushmerick
 * and Smyth, 2001, on lines instead of tags).
 */

/** A line as the main-text search sees it: its text and whether an earlier rule already decided it. */
export type LineShape = { text: string; settled: 'meta' | 'boilerplate' | 'post' | null; repeated?: boolean };

const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
/** Sentence ends in the scripts news is written in, with closing quotes and brackets after them. */
const SENTENCE_END = /[.!?…。！？؟।](?:["”’»)\]]*)$|["”’»]$/u;
const CASED_WORD = /^\p{Lu}/u;
const BULLET = /^[-–•*·▪]\s/u;

const wordsOf = (s: string) => s.split(/\s+/).filter(Boolean);

/** How much a line reads as running prose: > 0 for prose, < 0 for furniture. */
export function proseScore(line: LineShape): number {
  if (line.settled === 'post') return line.text.length;
  const t = line.text.trim();
  if (line.settled === 'meta') return -5;
  if (line.settled === 'boilerplate' || line.repeated) return -SHORT_LINE_COST;
  // An item of a list written as one ("- Best actor - …", "• …") belongs to the story; menus copy without bullets.
  if (BULLET.test(t) && wordsOf(t).length >= 4) return t.length / 4;
  const unspaced = UNSPACED.test(t);
  const ws = wordsOf(t);
  const long = unspaced ? t.length >= 40 : ws.length >= 10;
  if (long && SENTENCE_END.test(t) && !isTitleCase(ws) && !isGluedTeaser(t)) return t.length;
  // A long line that stops mid-sentence (a truncated teaser, a paragraph cut by a layout) counts for half.
  if (unspaced ? t.length >= 80 : ws.length >= 25) return t.length / 2;
  return -SHORT_LINE_COST;
}

/** What one short line costs the run it sits in: a subhead or two are absorbed, a menu is not. */
const SHORT_LINE_COST = 40;

/** Headlines of other stories are in title case; prose capitalises a minority of its words. */
function isTitleCase(ws: string[]): boolean {
  if (ws.length < 4) return false;
  const cased = ws.filter((w) => /\p{L}/u.test(w));
  const caps = cased.filter((w) => CASED_WORD.test(w)).length;
  return cased.length > 0 && caps / cased.length >= 0.7 && cased.some((w) => /^\p{Ll}/u.test(w) === false);
}

/** Prose before a comments marker that makes it the end of a story, not a comment count under its headline. */
const STORY_BEFORE_COMMENTS = 500;
/** A signed, timed comment is unmistakable: a short post above it is enough to be the story. */
const STORY_BEFORE_SIGNED_COMMENT = 150;
/** Readers' comments count for nothing: a thread can be longer than the story, and is still not the article. */
const COMMENT_WEIGHT = 0;

/**
 * A story card copies as its headline glued to its summary, with no space between them:
 * "Customers Leave Without Paying Bill At SteakhouseA party of six left…". The headline part is in title case.
 */
export function isGluedTeaser(t: string): boolean {
  const glue = /[\p{Ll}\p{N}][’'"”]?(?=\p{Lu}[\p{Ll}\s])/gu;
  for (const m of t.matchAll(glue)) {
    const head = wordsOf(t.slice(0, m.index + 1));
    if (head.length >= 4 && isTitleCase(head)) return true;
  }
  return false;
}

/** The run [start, end) with the most prose, or null when no line reads as prose at all. */
export function mainTextRange(lines: LineShape[]): { start: number; end: number } | null {
  let best = 0;
  let bestRange: { start: number; end: number } | null = null;
  let sum = 0;
  let start = 0;
  let prose = 0;
  let inComments = false;
  lines.forEach((l, i) => {
    const t = l.text.trim();
    if (!inComments && prose >= STORY_BEFORE_COMMENTS && commentsMarker.test(t)) inComments = true;
    if (!inComments && prose >= STORY_BEFORE_SIGNED_COMMENT && commentAttribution.test(t)) inComments = true;
    const raw = proseScore(l);
    if (raw > 0) prose += raw;
    const s = inComments && raw > 0 ? raw * COMMENT_WEIGHT : raw;
    if (sum <= 0) {
      sum = 0;
      start = i;
    }
    sum += s;
    if (sum > best) {
      best = sum;
      bestRange = { start, end: i + 1 };
    }
  });
  return bestRange;
}

/**
 * Whether the text around the main text is a page's furniture: a menu or link list copies as a run of short
 * lines with no blank line between them. A pasted article (or an extracted one) whose closing list of
 * results or credits is set out paragraph by paragraph has none, and keeps everything.
 */
export function hasMenuRun(lines: LineShape[], blankBefore: (i: number) => boolean, range = { start: 0, end: 0 }): boolean {
  let run = 0;
  for (let i = 0; i < lines.length; i++) {
    // A line followed by a blank line cannot start a run: skip scoring it (most lines of an article).
    if (run === 0 && (i + 1 >= lines.length || blankBefore(i + 1))) continue;
    const inside = i >= range.start && i < range.end;
    const short = !inside && lines[i]!.settled === null && proseScore(lines[i]!) < 0;
    run = short ? (run > 0 && !blankBefore(i) ? run + 1 : 1) : 0;
    if (run >= MENU_RUN) return true;
  }
  return false;
}

/** Consecutive short lines that make a menu (two could be a dateline and a byline). */
const MENU_RUN = 3;
