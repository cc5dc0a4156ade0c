/**
 * The headline of a pasted whole page. Select All + Copy brings the menu, the logo's text and a cookie notice
 * above the story, so the first line is rarely the headline. What survives copying is position and shape: the
 * headline sits a few lines above the first long paragraph of the story (with a byline, a date, share buttons
 * or a standfirst between), it is a phrase of several words that does not end like a sentence, and it is the
 * longest such phrase there (menu items are one to three words).
 */
import type { ClassifiedLine } from '../article/classify-lines';
import { findStatedDate } from '../text/dates';
import { parseByline } from './byline';

const words = (s: string) => s.trim().split(/\s+/).filter(Boolean).length;
/** Scripts written without spaces count characters, not words. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const size = (s: string) => (CJK.test(s) ? Math.ceil(s.replace(/\s/g, '').length / 3) : words(s));

/** Page furniture that reads like prose: consent banners, sign-up prompts, legal lines. */
const FURNITURE =
  /\b(cookies?|privacy|consent|javascript|browser|subscribe|subscription|sign up|sign in|log in|newsletter|terms of (use|service)|all rights reserved|advertis\w*|this site|our site|this website|our website)\b/i;

/** The first long paragraph of the story: at least 25 words, ending like a sentence, not page furniture. */
export function firstStoryParagraph(lines: ClassifiedLine[]): number {
  return lines.findIndex((l) => {
    const t = l.text.trim();
    return (l.kind === 'paragraph' || l.kind === 'standfirst') && size(t) >= 25 && /[.!?…"”’»)]$/u.test(t) && !FURNITURE.test(t);
  });
}

/** A photo caption or credit: "(Photo: Getty Images)", "Doug Mills/The New York Times", "[File photo]". */
const CAPTION =
  /\b(photo|photograph|image|picture|illustration|credit|getty|shutterstock|file photo)\b|\((ap|afp|reuters|epa)\)|\p{L}\/\p{Lu}|\s\/\s*\p{Lu}[\p{L}.]+$|\[file\]/iu;
/** Buttons and prompts: short lines about sharing, links, comments, accounts. */
const BUTTON =
  /\b(share|sharing|copy|copied|link|comments?|signed|print|e-?mail|menu|search|close|follow|login|account|loading|connection|click|tap|download|app|watch|listen|play)\b/i;

function headlineShaped(t: string): boolean {
  const n = size(t);
  if (CAPTION.test(t) || (n <= 7 && BUTTON.test(t))) return false;
  if (n < 3 || n > 24 || t.length > 220) return false;
  if (/[.,;:]$/.test(t) && !/\.\.\.$|…$/.test(t)) return false;
  if (/^(by|von|por|par|posted|written|updated|published|photo|image|credit|source)\b/i.test(t)) return false;
  if (!/\p{Ll}/u.test(t) && !CJK.test(t) && n <= 6) return false; // a section label in capitals
  if (FURNITURE.test(t) || /https?:|www\.|@\w/.test(t)) return false;
  // A date, a table row or a second sentence inside: a dateline, a teaser or a standfirst, not a headline.
  if (/\t/.test(t) || /\p{Ll}[.!?]\s+\p{Lu}/u.test(t) || findStatedDate(t)) return false;
  return parseByline(t) === null || !/^\p{Lu}/u.test(t) || words(t) > 6;
}

/** The line that is the page's headline, or -1. */
export function findHeadline(lines: ClassifiedLine[]): number {
  const story = firstStoryParagraph(lines);
  if (story <= 0) return -1;
  let best = -1;
  let bestScore = -Infinity;
  for (let i = story - 1; i >= Math.max(0, story - 15); i--) {
    const l = lines[i]!;
    // Lines hidden only for standing outside the article's main text can still be its headline.
    if (l.kind === 'boilerplate' && l.reason !== 'repeated title' && l.reason !== 'page text before the article') continue;
    const t = l.text.trim();
    if (!headlineShaped(t)) continue;
    // Longer phrases read more like a headline than a menu item or a caption credit; nearer the story is likelier.
    const score = Math.min(size(t), 20) - 0.6 * (story - i) + (l.role === 'title' ? 3 : 0);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return best;
}
