/**
 * The headline of a pasted whole page. Select All + Copy brings the menu, the logo's text and a cookie notice
 * above the story, so the first line is rarely the headline. What survives copying is position and shape: the
 * headline sits above the first long paragraph of the story, with the credit and the date just under it (a
 * byline, "Published 1 day ago", a standfirst or a photo caption may sit between), it is a phrase of several
 * words that does not end like a sentence, and pages often print it twice (a breadcrumb ending with it, a
 * share button "Share … for: <headline>", the headline repeated in a gallery). Lists of other stories above
 * the article have the same shape but no credit of their own beside each item, and sit further away.
 */
import type { ClassifiedLine } from '../article/classify-lines';
import { findStatedDate } from '../text/dates';
import { opensAsByline, parseByline, readsAsName } from './byline';

const words = (s: string) => s.trim().split(/\s+/).filter(Boolean).length;
/** Scripts written without spaces count characters, not words. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const size = (s: string) => (CJK.test(s) ? Math.ceil(s.replace(/\s/g, '').length / 3) : words(s));

/** Page furniture that reads like prose: consent banners, sign-up prompts, legal lines. */
const FURNITURE =
  /\b(cookies?|privacy|consent|javascript|browser|subscribe|subscription|sign up|sign in|log in|newsletter|terms of (use|service)|all rights reserved|advertis\w*|external links?|new (?:window|tab)|this site|our site|this website|our website)\b/i;

/** The first long paragraph of the story: at least 25 words, ending like a sentence, not page furniture. */
export function firstStoryParagraph(lines: ClassifiedLine[]): number {
  return lines.findIndex((l) => {
    const t = l.text.trim();
    return (l.kind === 'paragraph' || l.kind === 'standfirst') && size(t) >= 25 && /[.!?…"”’»)]$/u.test(t) && !FURNITURE.test(t);
  });
}

/** A photo caption or credit: "(Photo: Getty Images)", "Reuters file", "[File photo]". */
const CAPTION =
  /\b(photo|photograph|image|picture|illustration|credit|getty|shutterstock|file photo)\b|\s\/\s*\p{Lu}[\p{L}.]+(\s+file)?$|\[file\]/iu;
/** An agency's credit in a caption, in its own capitals ("(AP)"; "(ePA)" in a headline is an abbreviation). */
const AGENCY_CREDIT = /\((AP|AFP|Reuters|REUTERS|EPA)\)/u;
/** A caption glued to its credit by copying: "…in Braunau am Inn, Austria.Leonhard Foeger / Reuters". */
const GLUED_SENTENCE = /\p{Ll}{2}\.\p{Lu}\p{Ll}/u;
/** "Doug Mills/The New York Times": a short credit with a slash between names (a headline may hold "A/B"). */
const SLASH_CREDIT = /\p{L}\/\p{Lu}/u;
/** Buttons and prompts: short lines about sharing, links, comments, accounts. */
const BUTTON =
  /\b(share|sharing|copy|copied|link|url|comments?|signed|print|e-?mail|menu|search|close|follow|login|account|loading|connection|click|tap|download|app|watch|listen|play)\b/i;

/**
 * What copying glues to a headline from the elements beside it: a gallery counter ("… 1 / 23"), a read or
 * share count ("… 3.409 letture", "… 258 Shares"), the date ("… 19 November 2019") or the credit
 * ("… by Jane Doe"). Cut only when a headline-sized phrase is left.
 */
const COUNTER = /\s+\d{1,3}\s*\/\s*\d{1,3}$/u;
const COUNT =
  /\s+\d[\d.,]*\s*[kKmM]?\s+(shares?|views?|reads?|comments?|likes?|letture|lectures?|lecturas?|leituras?|visualizações|visualizzazioni|visite|vues|aufrufe|kommentare|commenti|comentarios|comentários|просмотров|просмотра)$/iu;
const GLUED_CREDIT = /\s+by\s+(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3})$/u;
/** "… written by Regan": with "written" or "posted" before it, a credit may be one name (a pen name). */
const GLUED_SIGNED = /\s+(?:written|posted)\s+by\s+(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})$/iu;
/** An icon font's ligature name copied as text ("chevron_left Browse All Posts"): it and what follows go. */
const ICON_TAIL = /\s+[a-z]+_[a-z_]+\b.*$/u;

export function trimHeadline(raw: string): string {
  let t = raw.replace(/\s+/g, ' ').trim();
  const keep = (cut: string) => size(cut) >= 3;
  // "… by Jeff Foust — November 18, 2019": the date goes first, then the credit before it.
  for (let round = 0; round < 3; round++) {
    const before = t;
    for (const re of [COUNTER, COUNT]) {
      const cut = t.replace(re, '');
      if (cut !== t && keep(cut)) t = cut;
    }
    const date = /\d/.test(t) ? findStatedDate(t) : null;
    if (date && date.index > 0 && date.index + date.text.length >= t.length - 1) {
      const cut = t.slice(0, date.index).replace(/[\s|·•,–—-]+$/u, '');
      if (keep(cut) && !findStatedDate(cut)) t = cut;
    }
    const icon = t.replace(ICON_TAIL, '');
    if (icon !== t && keep(icon)) t = icon;
    const credit = GLUED_SIGNED.exec(t) ?? GLUED_CREDIT.exec(t);
    if (credit && readsAsName(credit[1]!) && keep(t.slice(0, credit.index))) t = t.slice(0, credit.index);
    if (t === before) break;
  }
  return t;
}

const RELATIVE = /^(?:(?:published|posted|updated)\s+)?(?:\d+|an?|one)\s+(?:minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago$/i;

/** "Rep. Ilhan Omar", "Gov. Noem", "St. Paul": a short capitalised abbreviation, not the end of a sentence. */
const ABBREVIATION = /^\p{Lu}\p{Ll}{0,3}$/u;
function secondSentence(t: string): boolean {
  for (const m of t.matchAll(/(\S+)[.!?]\s+\p{Lu}/gu)) if (/\p{Ll}$/u.test(m[1]!) && !ABBREVIATION.test(m[1]!)) return true;
  return false;
}

/** Written as a sentence, not in title case or as a score line: four words or more in lower case (or no spaces). */
const readsAsSentence = (t: string) => CJK.test(t) || t.split(/\s+/).filter((w) => /^\p{Ll}/u.test(w)).length >= 4;

/** `creditBelow`: a credit or date is printed on the next line, so a short line in capitals is a headline. */
function headlineShaped(t: string, creditBelow = false): boolean {
  const n = size(t);
  // Every test here only rules a line out, so the cheapest (its length) runs first: most lines of a story
  // are paragraphs far longer than a headline, and the patterns below need not run on them.
  if (n < 3 || n > 24 || t.length > 220) return false;
  if (CAPTION.test(t) || AGENCY_CREDIT.test(t) || GLUED_SENTENCE.test(t)) return false;
  if ((n <= 6 && SLASH_CREDIT.test(t)) || (n <= 5 && BUTTON.test(t))) return false;
  // A time and a numeric date: a dateline glued to a button ("21:17 18.11.2019Get short URL").
  if (RELATIVE.test(t) || (/\b\d{1,2}:\d{2}\b/.test(t) && /\d{1,2}[./-]\d{1,2}[./-]\d{2,4}/.test(t))) return false;
  if (/[.,;:]$/.test(t) && !/\.\.\.$|…$/.test(t)) return false;
  if (/^(by|von|por|par|posted|written|updated|published|photo|image|credit|source)\b/i.test(t)) return false;
  if (!/\p{Ll}/u.test(t) && !CJK.test(t) && n <= 6 && !creditBelow) return false; // a section label in capitals
  if (FURNITURE.test(t) || /https?:|www\.|@\w/.test(t)) return false;
  // A date, a table row or a second sentence inside: a dateline, a teaser or a standfirst, not a headline.
  if (/\t/.test(t) || secondSentence(t) || findStatedDate(t)) return false;
  const credit = parseByline(t);
  if (credit === null || !/^\p{Lu}/u.test(t)) return true;
  // "Lisa Doe and Tom Roe Sioux Falls Argus Leader": names joined by a lower-case "and" and nothing else in
  // lower case is a credit line without its "By", however long.
  const lower = t.split(/\s+/).filter((w) => /^\p{Ll}/u.test(w));
  const first = t.split(/\s+(?:and|und|et|y|e|i|&)\s+/)[0]!;
  if (lower.length && lower.every((w) => /^(and|und|et|y|e|i|&)$/.test(w)) && readsAsName(first)) return false;
  return words(t) > 6;
}

/**
 * How strongly a line reads as the credit or date printed under a headline: 2 for a dated or "By …" line,
 * 1 for a line that is only a person's name ("Dan Evon"), 0 otherwise.
 */
function creditStrength(l: ClassifiedLine): number {
  const t = l.text.trim();
  if (!t || t.length > 160) return 0;
  if (l.role === 'date' || l.role === 'byline') return 2;
  if (words(t) <= 14 && (opensAsByline(t) || RELATIVE.test(t) || findStatedDate(t))) return 2;
  if (words(t) <= 8) {
    const b = parseByline(t);
    if (b?.names.length && t.split(/\s+/).length >= 2 && !/^\p{Lu}+$/u.test(t.replace(/\s/g, ''))) return 1;
  }
  return 0;
}

const key = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

export type Headline = { index: number; text: string };

/** How many lines above the first story paragraph the headline may be (galleries and share bars sit between). */
const WINDOW = 40;
/** What being one of a list of other stories, or the standfirst under the headline, costs a candidate. */
const LIST_PENALTY = 6;

/** The page's headline (its line and its text without what copying glued to it), or null. */
export function findHeadline(lines: ClassifiedLine[]): Headline | null {
  const story = firstStoryParagraph(lines);
  if (story <= 0) return null;
  const from = Math.max(0, story - WINDOW);
  const credit = new Map<number, number>();
  const creditAt = (j: number) => {
    if (j < 0 || j >= lines.length) return 0;
    let c = credit.get(j);
    if (c === undefined) credit.set(j, (c = creditStrength(lines[j]!)));
    return c;
  };
  // Every line's text, to see where the page prints a phrase twice or at the end of a longer line.
  // Read on first need: a story whose candidates are all short or ill-shaped never needs them.
  let keyed: string[] | null = null;
  const lineKeys = () => (keyed ??= lines.map((l) => (l.text.length <= 400 ? key(l.text) : '')));
  // Each line's headline text, or null when it cannot be the headline.
  const shaped = new Map<number, string | null>();
  const shapedAt = (i: number): string | null => {
    if (i < from || i >= story) return null;
    if (shaped.has(i)) return shaped.get(i)!;
    const l = lines[i]!;
    // Lines hidden only for standing outside the article's main text can still be its headline.
    const eligible = l.kind !== 'boilerplate' || l.reason === 'repeated title' || l.reason === 'page text before the article';
    const t = eligible ? trimHeadline(l.text) : '';
    const out = eligible && headlineShaped(t, creditAt(i + 1) === 2) ? t : null;
    shaped.set(i, out);
    return out;
  };
  /** A headline-sized phrase: a line that can be the headline, of five words or more. */
  const phraseAt = (i: number) => {
    const t = shapedAt(i);
    return t !== null && size(t) >= 5;
  };
  // Four or more headline-sized phrases in a row (menu items are shorter; a headline, its standfirst and a
  // caption make three) are a list of other stories; an item with a credit under it ends the list.
  const listAt = (i: number) => {
    if (!phraseAt(i) || creditAt(i + 1)) return false;
    let run = 1;
    for (let j = i - 1; phraseAt(j); j--) run++;
    for (let j = i + 1; phraseAt(j); j++) run++;
    return run >= 4;
  };
  let best: Headline | null = null;
  let bestScore = -Infinity;
  for (let i = story - 1; i >= from; i--) {
    const l = lines[i]!;
    const t = shapedAt(i);
    if (t === null) continue;
    const k = key(t);
    const inList = listAt(i);
    // A headline with a longer phrase under it: that phrase is its standfirst (the summary under a headline
    // is longer than the headline, and written as a sentence), so the credit under the standfirst is the
    // headline's, and the standfirst itself is no headline.
    const standfirstUnder = (upper: number) => {
      const head = shapedAt(upper);
      const stand = shapedAt(upper + 1);
      return phraseAt(upper) && !listAt(upper) && phraseAt(upper + 1) && size(stand!) > Math.max(7, size(head!)) && readsAsSentence(stand!);
    };
    const isStandfirst = !inList && standfirstUnder(i - 1);
    const hasStandfirst = !inList && standfirstUnder(i);
    // A credit or a date just under it (a standfirst or caption between), or a date just above it.
    let near = 0;
    for (let j = i + 1; j <= Math.min(story, i + 5); j++) {
      const c = creditAt(j);
      if (c) {
        near = Math.max(near, (c === 2 ? 9 : 4) - 1.5 * (j - i - 1 - (hasStandfirst ? 1 : 0)));
        break;
      }
    }
    if (!near && (creditAt(i - 1) === 2 || creditAt(i - 2) === 2)) near = 4;
    // Printed again elsewhere (exactly, or at the end of a breadcrumb or share line): a story's own headline.
    let twice = 0;
    let holdsAnother = false;
    if (k.length >= 12) {
      const keys = lineKeys();
      for (let j = 0; j < keys.length; j++) {
        if (j === i || !keys[j]) continue;
        if (keys[j] === k || (keys[j]!.length > k.length && keys[j]!.endsWith(k))) twice = 4;
        else if (k.length > keys[j]!.length && keys[j]!.length >= 12 && k.endsWith(keys[j]!) && j >= from && j < story) holdsAnother = true;
      }
    }
    // A standfirst's length is no merit over the headline above it.
    const length = Math.min(size(t), 12, isStandfirst ? size(shapedAt(i - 1)!) : 12);
    const score =
      length +
      near +
      twice -
      (holdsAnother ? 6 : 0) -
      (inList ? LIST_PENALTY : 0) -
      (isStandfirst ? LIST_PENALTY : 0) -
      0.25 * (story - i) +
      (l.role === 'title' ? 2 : 0);
    if (score > bestScore) {
      best = { index: i, text: t };
      bestScore = score;
    }
  }
  return best;
}
