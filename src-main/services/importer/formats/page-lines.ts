/**
 * A saved page's article element turned into text lines, the way a reader sees it: every block boundary and
 * every <br> starts a new line, inline markup never glues or splits words. Lines that the page's own markup
 * marks as page furniture inside the article (a photo caption or credit, the byline box, share and newsletter
 * prompts, "Read more" links) are returned with the reason, so the analyser keeps them one click away instead
 * of in the body. The names looked at are the generic words any site's templates use ("caption", "credit",
 * "byline", "share", "newsletter", "related"), never one site's classes.
 */

/** Elements that start and end a line of their own. */
const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'THEAD',
  'TFOOT',
  'TR',
  'TD',
  'TH',
  'UL',
  'CAPTION',
  'CENTER',
]);

/** Why a piece of the article is furniture, read from what the page calls the element (class or id words). */
const FURNITURE: Array<{ name: RegExp; reason: string }> = [
  { name: /caption/i, reason: 'photo caption' },
  { name: /credit|copyright|photographer/i, reason: 'photo credit' },
  { name: /byline|(^|[-_\s])(author|authors|writer|contributor)s?([-_\s]|$)/i, reason: 'byline' },
  { name: /newsletter|subscri|sign-?up/i, reason: 'newsletter prompt' },
  { name: /(^|[-_\s])(share|sharing|sharebar|share-?tools)([-_\s]|$)/i, reason: 'share or subscribe button' },
  { name: /cookie|consent|gdpr/i, reason: 'cookie notice' },
  { name: /(^|[-_\s])(tags|tag-?list|topics)([-_\s]|$)/i, reason: 'topic tags' },
  { name: /(^|[-_\s])comments?([-_\s]|$)/i, reason: 'comments' },
  { name: /related|read-?more|more-?stories|recommended|also-?read|read-?next|see-?also/i, reason: 'link to another article' },
];

/** A furniture element never hides more than this many characters: a wrapper so named is not furniture. */
const FURNITURE_MAX_CHARS = 600;

/** `soft`: the line follows a single <br> inside the same block (a line break, not a new paragraph). */
/** `linked`: the share of the line's letters inside links (1 for a menu entry, near 0 for prose). */
export type PageLine = { text: string; hidden: string | null; soft: boolean; el?: Element; linked?: number };

const nameOf = (el: Element) => `${typeof el.className === 'string' ? el.className : ''} ${el.id}`.trim();

/** A link to a topic page rather than to an article: `rel=tag`, or an address under /tag/, /topics/… */
const TAG_LINK = /\/(tags?|topics?|tema|temas|etiquetas?|schlagworte?|themen|argomenti|mots-cles|konu|etiket)\//i;
const isTagLink = (a: Element) => /\btag\b/i.test(a.getAttribute('rel') ?? '') || TAG_LINK.test(a.getAttribute('href') ?? '');

/** A block that is only links to topic pages ("Border, Trade, Diplomacy" under "Tags") is a list of topic tags. */
function isTagList(el: Element): boolean {
  if (el.tagName === 'A' || ![...el.children].some((c) => c.tagName === 'A' || c.tagName === 'LI')) return false;
  const links = [...el.querySelectorAll('a')];
  if (!links.length || !links.every(isTagLink)) return false;
  const text = (el.textContent ?? '').replace(/[\s,;|•·#]+/g, '');
  const linked = links.reduce((n, a) => n + (a.textContent ?? '').replace(/[\s,;|•·#]+/g, '').length, 0);
  return text.length <= FURNITURE_MAX_CHARS && linked >= 0.8 * text.length;
}

/** The label above a list of topic tags. */
const TAG_LABEL = /^(tags?|topics?|tagged( with)?|related topics|keywords|etiquetas|temas?|schlagw(ö|oe)rter|themen|mots[- ]cl(é|e)s|argomenti|etiketler|konular)\s*:?$/iu;

function furnitureReason(el: Element): string | null {
  if (el.tagName === 'FIGCAPTION') return 'photo caption';
  if (isTagList(el)) return 'topic tags';
  const name = nameOf(el);
  if (!name) return null;
  const hit = FURNITURE.find((f) => f.name.test(name));
  if (!hit) return null;
  return (el.textContent ?? '').length <= FURNITURE_MAX_CHARS ? hit.reason : null;
}

/** Walk an element's subtree into lines, each with the furniture reason of the element it sits in. */
export function pageLines(root: Element): PageLine[] {
  const out: PageLine[] = [];
  let buf = '';
  let bufHidden: string | null = null;
  let soft = false;
  let bufEl: Element = root;
  let linkedChars = 0;
  const flush = (next: 'line' | 'para') => {
    const text = buf.replace(/\s+/g, ' ').trim();
    if (text) out.push({ text, hidden: bufHidden, soft, el: bufEl, linked: Math.min(1, linkedChars / text.replace(/\s/g, '').length) });
    linkedChars = 0;
    // a <br> after text is a line break; a second <br> in a row, or a block's edge, ends the paragraph
    soft = next === 'line' && !!text;
    buf = '';
  };
  const walk = (node: Node, hidden: string | null, inLink: boolean) => {
    if (node.nodeType === 3) {
      const t = node.textContent ?? '';
      if (!buf.trim()) {
        bufHidden = hidden;
        bufEl = node.parentElement ?? root;
      } else if (hidden !== bufHidden && t.trim()) {
        // furniture inline inside a paragraph ("<span class=credit>Photo: AP</span> The talks…") is its own line
        flush('para');
        bufHidden = hidden;
        bufEl = node.parentElement ?? root;
      }
      buf += t;
      if (inLink) linkedChars += t.replace(/\s/g, '').length;
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (el.tagName === 'BR') return flush('line');
    if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return; // not shown to a reader
    const reason = hidden ?? furnitureReason(el);
    const edge = BLOCK_TAGS.has(el.tagName) || reason !== hidden;
    if (edge) flush('para');
    for (const child of el.childNodes) walk(child, reason, inLink || el.tagName === 'A');
    if (edge) flush('para');
  };
  walk(root, null, false);
  flush('para');
  return out;
}

/** Hide the label ("Tags", "Topics:") printed on its own line above a list of topic tags. */
export function hideTagLabels(lines: PageLine[]): PageLine[] {
  lines.forEach((l, i) => {
    if (!l.hidden && lines[i + 1]?.hidden === 'topic tags' && TAG_LABEL.test(l.text)) l.hidden = 'topic tags';
  });
  return lines;
}

/** The lines as the text the analyser reads: paragraphs apart by a blank line, <br> breaks by a newline. */
export function linesText(lines: Array<Pick<PageLine, 'text' | 'soft'>>): string {
  return lines.map((l, i) => (i === 0 ? '' : l.soft ? '\n' : '\n\n') + l.text).join('');
}

/** A run of this many short lines that are all links is a menu or a list of other stories, not the article. */
const MENU_RUN = 3;
const isMenuEntry = (l: PageLine) => (l.linked ?? 0) >= 0.9 && l.text.split(/\s+/).length <= 12;

/** Hide runs of short all-link lines (a menu, "you may also like" lists), wherever the article finder left them. */
export function hideLinkRuns(lines: PageLine[]): PageLine[] {
  for (let i = 0; i < lines.length;) {
    let j = i;
    while (j < lines.length && !lines[j]!.hidden && isMenuEntry(lines[j]!)) j++;
    if (j - i >= MENU_RUN) for (let k = i; k < j; k++) lines[k]!.hidden = 'list of links';
    i = Math.max(j, i + 1);
  }
  return lines;
}

/**
 * A paragraph that is one link set in capitals ("'DANCING WITH THE STARS' STAR OPENS UP ABOUT HER HEALTH"):
 * a newsroom's cross-link to another story between the paragraphs, not a sentence of this one.
 */
const isCapitalCrossLink = (l: PageLine) => {
  const letters = l.text.replace(/[^\p{L}]/gu, '');
  return (
    (l.linked ?? 0) >= 0.9 &&
    l.text.split(/\s+/).length >= 4 &&
    letters.length >= 15 &&
    letters.replace(/[^\p{Lu}]/gu, '').length >= 0.9 * letters.length
  );
};

/** Hide cross-links to other stories in capitals that sit among the story's paragraphs. */
export function hideCrossLinks(lines: PageLine[]): PageLine[] {
  for (const l of lines) if (!l.hidden && isCapitalCrossLink(l)) l.hidden = 'link to another article';
  return lines;
}

/** Prose a reader would call part of the story: a long, finished sentence that is not a link. */
const looksLikeProse = (l: PageLine) =>
  !l.hidden && (l.linked ?? 0) < 0.2 && l.text.split(/\s+/).length >= 30 && /[.!?…"”»)]$/u.test(l.text);

/** A line of a quotation or an embedded post the story quotes (`<blockquote>`, a tweet's or a post's embed). */
const isQuoted = (l: PageLine) => !!l.el?.closest('blockquote');

/** How many lines after the story's end, inside the element that holds the story, come back as hidden lines. */
const TRAILING_LINES = 40;

/**
 * The article finder's lines, with what it left out around them put back as hidden lines. Readability
 * deletes a byline box, a share bar or a "related" list it finds inside the story, and turns a named <div>
 * into a bare <p>; a reader should still see those one click away, with the reason. `page` is every line
 * of the page in reading order (from the page itself, so with its element names): from the headline (or the
 * first article line) to the end of the element holding the story, a page line the finder did not keep
 * comes back hidden, with its furniture reason or `leftOut`, and a kept line takes the page's furniture
 * reason. Every article line is kept, in its order.
 */
export function withLeftOut(article: PageLine[], page: PageLine[], leftOut: string): PageLine[] {
  const kept = new Map<string, number[]>();
  article.forEach((l, i) => kept.set(l.text, [...(kept.get(l.text) ?? []), i]));
  const firstKept = page.findIndex((l) => kept.has(l.text));
  if (firstKept < 0) return article;
  let lastKept = firstKept;
  for (let i = page.length - 1; i > firstKept; i--)
    if (kept.has(page[i]!.text)) {
      lastKept = i;
      break;
    }
  // the header above the story (byline, date, the lead photo's caption) starts at the headline
  const head = page.findLastIndex((l, i) => i < firstKept && l.el?.closest('h1'));
  // the story's element: the closest one holding its first and last line, unless that is the whole page
  let box: Element | null = page[firstKept]!.el ?? null;
  while (box && !box.contains(page[lastKept]!.el ?? null)) box = box.parentElement;
  if (box && (box.tagName === 'BODY' || box.tagName === 'HTML')) box = null;
  let end = lastKept;
  while (box && end + 1 < page.length && end < lastKept + TRAILING_LINES && box.contains(page[end + 1]!.el ?? null)) end++;
  const out: PageLine[] = [];
  let next = 0;
  for (let i = head >= 0 ? head + 1 : firstKept; i <= end; i++) {
    const l = page[i]!;
    const at = kept.get(l.text)?.find((k) => k >= next);
    if (at !== undefined) {
      for (; next < at; next++) out.push(article[next]!);
      out.push({ ...article[next]!, hidden: article[next]!.hidden ?? l.hidden });
      next++;
    } else if (!kept.has(l.text)) {
      // a paragraph of prose between the story's own lines is the story, even if the finder scored its box low;
      // so is a quotation or an embedded post there (a tweet is a <blockquote> of short lines and links)
      const story = i < lastKept && !l.hidden && (looksLikeProse(l) || isQuoted(l));
      out.push({ text: l.text, hidden: story ? null : (l.hidden ?? leftOut), soft: false });
    }
  }
  for (; next < article.length; next++) out.push(article[next]!);
  return out;
}
