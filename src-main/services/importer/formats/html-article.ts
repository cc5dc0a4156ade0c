import { Readability } from '@mozilla/readability';
import type * as Jsdom from 'jsdom';
import { AppError, clipPath } from '../../../contract/errors';
import type { PageMeta } from './page-metadata';
import { readPageMetadata, siteName, WEAK_OUTLET } from './page-metadata';
import type { PageLine } from './page-lines';
import { hideCrossLinks, hideLinkRuns, hideTagLabels, linesText, pageLines, withLeftOut } from './page-lines';
import { sanitizePage } from './sanitize-page';
import { lazyRequire } from '../../lazy-require';
import { outletNamedInText } from '../../../core/metadata/outlet-in-text';
import { canonicalOutlet } from '../../../core/article/outlets';

const jsdom = lazyRequire<typeof Jsdom>('jsdom');

export type ExtractedPage = {
  /** The article as plain text: the headline line, then one paragraph per block, blank lines between. */
  text: string;
  meta: PageMeta;
  /** Lines of `text` the page marks as furniture (caption, credit, byline, share prompt), with the reason. */
  furniture: Map<string, string>;
};

/** Class or id names of advertising slots; Readability keeps an ad that sits among the article's paragraphs. */
const AD_NAME =
  /^(ad|ads|advert|adverts|advertisement|advertising|sponsor|sponsored|promo|promoted|dfp|adslot|outbrain|taboola)$|^ad[-_]|[-_]ad$|[-_]ads$|^ads[-_]|^advert/i;
const AD_TEXT = /^\s*(advertisement|advertising|advert|sponsored( content)?|anzeige|publicité|إعلان|reklam)\s*(—|-|:|$)/i;

/** Where the story itself is, when the page says so; no pre-clean may remove an element holding one. */
const STORY = 'article, main, [itemprop~="articleBody"], [role="main"], h1';
/** No pre-clean removes an element holding more than this share of the page's text: that is the page, not an ad. */
const MAX_REMOVED_SHARE = 0.2;

const textLength = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').length;

/**
 * Remove advertising slots before Readability runs. Guarded: an element named like an ad that holds the
 * story (`<div class="ad_body">` wrapping the whole page, or the <article>) or a large share of the text is kept.
 */
function removeAds(doc: Document): void {
  const total = Math.max(1, textLength(doc.body));
  const removable = (el: Element) => !el.matches(STORY) && !el.querySelector(STORY) && textLength(el) <= MAX_REMOVED_SHARE * total;
  for (const el of [...doc.body.querySelectorAll('[class], [id]')]) {
    if (!el.isConnected) continue;
    const names = [...el.classList, el.id].filter(Boolean);
    if (names.some((n) => AD_NAME.test(n)) && removable(el)) el.remove();
  }
  for (const el of [...doc.body.querySelectorAll('p, div, aside, span')]) {
    if (el.isConnected && AD_TEXT.test(el.textContent ?? '') && (el.textContent ?? '').length < 200) el.remove();
  }
}

const linkTextLength = (el: Element) => [...el.querySelectorAll('a')].reduce((n, a) => n + textLength(a), 0);

/**
 * Remove other stories' cards that a page nests inside the story's paragraphs: a hover card on a name
 * ("Ilhan Omar" followed by links to three other articles about her), a teaser box of headlines set in a
 * paragraph. Left in, copying and article finders read them as part of the sentence ("Rep. Ilhan OmarIlhan
 * OmarHillicon Valley: …"). A card is an inline element inside a paragraph holding two or more links and
 * almost nothing but link text; a link alone, or links among words of the sentence, are the story's own.
 */
function removeNestedCards(doc: Document): void {
  const total = Math.max(1, textLength(doc.body));
  for (const el of [...doc.body.querySelectorAll('p span, p aside, p div, li span, p ul')]) {
    if (!el.isConnected || el.closest('a') || el.matches(STORY) || el.querySelector(STORY)) continue;
    const links = el.querySelectorAll('a').length;
    const len = textLength(el);
    const paragraph = el.parentElement?.closest('p, li');
    if (links < 2 || len < 40 || !paragraph || len > MAX_REMOVED_SHARE * total) continue;
    // the card is all links, and the paragraph around it has words of its own (it is prose, not a link list)
    if (linkTextLength(el) / len >= 0.9 && textLength(paragraph) - len >= 40) el.remove();
  }
}

/** The furniture among the lines (a text that is also a body line is never hidden); furniture stands alone. */
function furnitureOf(lines: PageLine[]): Map<string, string> {
  const furniture = new Map<string, string>();
  const body = new Set<string>();
  for (const l of lines) {
    if (l.hidden) furniture.set(l.text, l.hidden);
    else body.add(l.text);
  }
  for (const t of body) furniture.delete(t);
  // a furniture line stands alone, so the analyser never joins it to a neighbour
  lines.forEach((l, i) => {
    if (l.hidden || lines[i - 1]?.hidden) l.soft = false;
  });
  return furniture;
}

/** The reason shown for a line inside the story that the article finder left out and no markup names. */
const LEFT_OUT = 'not part of the article text';

/**
 * Extract the article from a saved web page. The page is sanitised first (sanitizePage) and only the
 * sanitised copy is parsed, with scripts never run (jsdom's default) and nothing fetched; Readability (the
 * engine of Firefox's Reader View) then finds the article among navigation, ads and comments.
 */
export function extractHtmlArticle(sanitizedHtml: string, file: string): ExtractedPage {
  const { JSDOM } = jsdom();
  const dom = new JSDOM(sanitizedHtml, { url: 'https://parallax.invalid/' });
  const doc = dom.window.document;
  const meta = readPageMetadata(doc);
  removeAds(doc);
  removeNestedCards(doc);
  const parsed = new Readability(doc.cloneNode(true) as Document, { charThreshold: 200, keepClasses: true }).parse();
  const title = meta.title?.value ?? parsed?.title?.trim() ?? null;
  const page = hideTagLabels(pageLines(doc.body));
  let lines: PageLine[] = [];
  if (parsed?.content) {
    const content = new JSDOM(`<body>${parsed.content}</body>`).window.document.body;
    lines = hideCrossLinks(hideTagLabels(hideLinkRuns(withLeftOut(pageLines(content), page, LEFT_OUT))));
  }
  if (!lines.length) lines = hideLinkRuns(page);
  dom.window.close();
  const furniture = furnitureOf(lines);
  if (!lines.length) throw new AppError('EMPTY_FILE', `${clipPath(file)} holds no readable text`);
  // No byline from Readability: it falls back to meta author and JSON-LD names the reader is never shown;
  // readPageMetadata reads the byline the page shows (core/metadata/byline.ts).
  const found = siteName(parsed?.siteName);
  if (!meta.outlet && found) meta.outlet = { value: found, confidence: 0.75, source: 'page', cue: 'site name found in the page' };
  // A page whose metadata name no site (or only a handle or an agency) still names itself in its text: the copyright line in its footer
  // ("© 2019 The Harbour Post"), its own links ("Contact Harbour Post"), read as for a pasted page.
  const named = meta.outlet && meta.outlet.confidence > WEAK_OUTLET ? null : outletNamedInText(page);
  if (named)
    meta.outlet = { value: canonicalOutlet(named.outlet) ?? named.outlet, confidence: named.confidence, source: 'page', cue: named.cue };
  // The headline goes first, as in a pasted article, so the text analyser treats it as the title.
  if (title && lines[0]?.text !== title) lines.unshift({ text: title, hidden: null, soft: false });
  return { text: linesText(lines), meta, furniture };
}

export function prepareHtml(html: string): string {
  return sanitizePage(html);
}
