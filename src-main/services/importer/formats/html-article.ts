import { Readability } from '@mozilla/readability';
import type * as Jsdom from 'jsdom';
import { AppError, clipPath } from '../../../contract';
import type { PageMeta } from './page-metadata';
import { readPageMetadata } from './page-metadata';
import { sanitizePage } from './sanitize-page';
import { lazyRequire } from '../../lazy-require';

const jsdom = lazyRequire<typeof Jsdom>('jsdom');

export type ExtractedPage = {
  /** The article as plain text: the headline line, then one paragraph per block, blank lines between. */
  text: string;
  meta: PageMeta;
};

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, dd, dt, td';

/** Class or id names of advertising slots; Readability keeps an ad that sits among the article's paragraphs. */
const AD_NAME =
  /^(ad|ads|advert|adverts|advertisement|advertising|sponsor|sponsored|promo|promoted|dfp|adslot|outbrain|taboola)$|^ad[-_]|[-_]ad$|[-_]ads$|^ads[-_]|^advert/i;
const AD_TEXT = /^\s*(advertisement|advertising|sponsored( content)?|anzeige|publicité|إعلان|reklam)\s*(—|-|:|$)/i;

function removeAds(doc: Document): void {
  for (const el of [...doc.body.querySelectorAll('[class], [id]')]) {
    const names = [...el.classList, el.id].filter(Boolean);
    if (names.some((n) => AD_NAME.test(n))) el.remove();
  }
  for (const el of [...doc.body.querySelectorAll('p, div, aside, span')]) {
    if (el.isConnected && AD_TEXT.test(el.textContent ?? '') && (el.textContent ?? '').length < 200) el.remove();
  }
}

/** Plain text of the extracted article: one line per innermost block element, so nothing is read twice. */
function blocksText(root: Element): string[] {
  const out: string[] = [];
  for (const el of root.querySelectorAll(BLOCKS)) {
    if (el.querySelector(BLOCKS)) continue; // a container (a quote of paragraphs, a list item with paragraphs): its blocks are read
    const t = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (t) out.push(t);
  }
  if (!out.length) {
    const t = (root.textContent ?? '').replace(/[ \t]+/g, ' ').trim();
    if (t) out.push(...t.split(/\n\s*\n/));
  }
  return out;
}

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
  const parsed = new Readability(doc.cloneNode(true) as Document, { charThreshold: 200, keepClasses: false }).parse();
  let lines: string[] = [];
  if (parsed?.content) {
    const content = new JSDOM(`<body>${parsed.content}</body>`).window.document.body;
    lines = blocksText(content);
  }
  if (!lines.length) lines = blocksText(doc.body);
  dom.window.close();
  if (!lines.length) throw new AppError('EMPTY_FILE', `${clipPath(file)} holds no readable text`);
  const title = meta.title?.value ?? parsed?.title?.trim() ?? null;
  // No byline from Readability: it falls back to meta author and JSON-LD names the reader is never shown;
  // readPageMetadata reads the byline the page shows (core/metadata/byline.ts).
  if (!meta.outlet && parsed?.siteName)
    meta.outlet = { value: parsed.siteName, confidence: 0.75, source: 'page', cue: 'site name found in the page' };
  // The headline goes first, as in a pasted article, so the text analyser treats it as the title.
  if (title && lines[0] !== title) lines.unshift(title);
  return { text: lines.join('\n\n'), meta };
}

export function prepareHtml(html: string): string {
  return sanitizePage(html);
}
