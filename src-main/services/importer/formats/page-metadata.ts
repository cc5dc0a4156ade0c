import type { MetaField, MetaKey } from '../../../contract';
import { agencyName, joinNames, parseByline } from '../../../core/metadata/byline';
import { stripSectionLabel, stripSiteName } from '../../../core/metadata/title';
import { findStatedDate } from '../../../core/text/dates';
import { tokenSimilarity } from '../../../core/text/similarity';
import { fold } from '../../../../src-shared/fold';
import { JSONLD_META } from './sanitize-page';

/** Metadata a web page states about itself, each value with how sure we are and where it was read. */
export type PageMeta = Partial<Record<MetaKey, MetaField>>;

const clip = (s: string) => (s.length > 200 ? `${s.slice(0, 199)}…` : s);
const field = (value: string | null | undefined, confidence: number, cue: string): MetaField | null => {
  const v = value?.replace(/\s+/g, ' ').trim();
  return v ? { value: v.slice(0, 1000), confidence, source: 'page', cue: clip(cue) } : null;
};

const ARTICLE_TYPES =
  /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|ReviewNewsArticle|BackgroundNewsArticle|LiveBlogPosting|BlogPosting|Report|TechArticle|ScholarlyArticle|SocialMediaPosting|WebPage|ItemPage)$/;

type Json = Record<string, unknown>;
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);
/** "schema:NewsArticle", "http://schema.org/NewsArticle" -> "NewsArticle". */
const typesOf = (j: Json) => asArray(j['@type']).map((t) => (typeof t === 'string' ? t.replace(/^.*[/:#]/, '') : ''));
/** Names of a JSON-LD person or organisation: a string, {name}, an array of either, {name: [..]}. */
const namesIn = (v: unknown): string[] =>
  asArray(v).flatMap((x) => {
    if (typeof x === 'string') return x.trim() ? [x] : [];
    if (x && typeof x === 'object') return asArray((x as Json).name).flatMap((n) => (typeof n === 'string' && n.trim() ? [n] : []));
    return [];
  });

/** Every object in the page's JSON-LD, looking inside arrays and @graph. */
function allObjects(blocks: unknown[]): Json[] {
  const out: Json[] = [];
  const queue = [...blocks];
  while (queue.length && out.length < 500) {
    const o = queue.shift();
    if (Array.isArray(o)) queue.push(...o);
    else if (o && typeof o === 'object') {
      out.push(o as Json);
      if ((o as Json)['@graph']) queue.push((o as Json)['@graph']);
    }
  }
  return out;
}

/** The article among the page's objects: a news type first, then any article type; one with a date over one without. */
function findArticle(objects: Json[]): Json | null {
  const articles = objects.filter((j) => typesOf(j).some((t) => ARTICLE_TYPES.test(t)) && (j.headline || j.name || j.datePublished));
  const rank = (j: Json) =>
    (typesOf(j).some((t) => /NewsArticle|Article|Posting|Report/.test(t)) ? 2 : 0) + (j.datePublished ? 1 : 0) + (j.headline ? 1 : 0);
  return articles.sort((a, b) => rank(b) - rank(a))[0] ?? null;
}

/** A timestamp's date and UTC offset: "2019-11-19T23:40:00-05:00" -> 2019-11-19, -300 minutes. */
type Stamp = { day: string; offset: number | null; utc: number | null };
function readStamp(v: string | null | undefined): Stamp | null {
  const m = v?.trim().match(/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?/i);
  if (!m) return null;
  const day = `${m[1]}-${m[2]}-${m[3]}`;
  const d = new Date(`${day}T00:00:00Z`);
  // A year before the web ("0001-01-01", a placeholder some publishing systems write) is not a date.
  if (Number.isNaN(d.getTime()) || !d.toISOString().startsWith(day) || Number(m[1]) < 1990) return null;
  let offset: number | null = null;
  if (m[7]) offset = /z/i.test(m[7]) ? 0 : (m[7][0] === '-' ? -1 : 1) * (Number(m[7].slice(1, 3)) * 60 + Number(m[7].slice(-2)));
  const utc = m[4] && offset !== null ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4], +m[5]!, +(m[6] ?? 0)) - offset * 60_000 : null;
  return { day, offset, utc };
}

/** "2025-10-12T09:30:00+03:00" -> "2025-10-12", checking it is a real date. */
export function isoDay(v: string | null | undefined): string | null {
  return readStamp(v)?.day ?? null;
}

/** The confidence of an outlet read from a weak cue, which the page's own text may replace. */
export const WEAK_OUTLET = 0.5;

/**
 * A site name as the site is called: the first part of "Autoracing | F1 | Indy" or "The Jerusalem Post |
 * JPost.com" (the rest are sections and addresses); a web address given as the name is no name.
 */
export const siteName = (v: string | null | undefined): string | null => {
  const first = v?.split(/\s+\|\s+/)[0]?.trim();
  return first && !/^https?:\/\/|^www\./i.test(first) ? first : null;
};

const httpUrl = (v: string | null | undefined) => (v && /^https?:\/\/\S+$/i.test(v.trim()) ? v.trim() : null);

/** Where on the page a credit sits that is not the story's byline: comments, related stories, footers, author boxes of other pieces. */
const ELSEWHERE = 'footer, nav, aside, [class*="comment"], [id*="comment"], [class*="related"], [class*="recommend"], [class*="sidebar"]';
const BYLINE_SELECTOR =
  '[itemprop~="author"], [rel~="author"], [class*="byline"], [id*="byline"], [class*="author"], [id*="author"], [class*="Byline"], [class*="Author"]';

/** The page's text as a reader sees it, folded, to check that a name from metadata is shown to the reader. */
function visibleText(doc: Document): string {
  return fold(doc.body?.textContent ?? '').replace(/\s+/g, ' ');
}
const shown = (visible: string, name: string) => {
  const f = fold(name).replace(/\s+/g, ' ').trim();
  return f.length >= 2 && visible.includes(f);
};

/** An element's text with a space where elements meet: "Jeff Foust</a><span>Monday" is not "Jeff FoustMonday". */
function spacedText(el: Element): string {
  const parts: string[] = [];
  const walk = (n: Node, depth: number) => {
    for (const c of n.childNodes) {
      if (c.nodeType === 3) parts.push((c as Text).data);
      else if (c.nodeType === 1 && depth < 20) {
        parts.push(' ');
        walk(c, depth + 1);
        parts.push(' ');
      }
    }
  };
  walk(el, 0);
  return parts
    .join('')
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:!?])/g, '$1')
    .trim();
}

/** The first byline element in the page that credits someone (or explicitly nobody: "Staff"). */
function domByline(doc: Document, outlets: string[]): { names: string[]; cue: string } | null {
  let nobody: { names: string[]; cue: string } | null = null;
  let seen = 0;
  for (const el of doc.body?.querySelectorAll(BYLINE_SELECTOR) ?? []) {
    if (++seen > 60) break;
    if (el.closest(ELSEWHERE)) continue;
    // The innermost credit: a byline box holding a name element is read through that element.
    if (el.querySelector(BYLINE_SELECTOR) && (el.textContent ?? '').length > 80) continue;
    const text = (el.getAttribute('content') ?? spacedText(el)).replace(/\s+/g, ' ').trim();
    if (!text || text.length > 200) continue;
    const b = parseByline(text, outlets);
    if (b?.names.length) return { names: b.names, cue: `byline on the page: ${text}` };
    if (b && !nobody) nobody = { names: [], cue: `byline on the page: ${text}` };
  }
  return nobody;
}

const DATE_SELECTOR =
  'time, [itemprop="datePublished"], [class*="date"], [class*="Date"], [class*="time"], [class*="Time"], [class*="publish"], [class*="posted"], [class*="byline"], [class*="meta"], [id*="date"]';

/**
 * The publication date printed near the headline: the first date-like element after the <h1> (so not the
 * masthead's "today") whose words give a full date and do not call it an update. Read in the page's locale.
 */
function printedDate(doc: Document, locale: string | null): { iso: string; text: string } | null {
  const h1 = doc.body?.querySelector('article h1, h1');
  let seen = 0;
  for (const el of doc.body?.querySelectorAll(DATE_SELECTOR) ?? []) {
    if (++seen > 200) break;
    if (h1 && h1.compareDocumentPosition(el) & 2 /* DOCUMENT_POSITION_PRECEDING */) continue;
    if (el.closest(ELSEWHERE) || el.querySelector(DATE_SELECTOR)) continue;
    const text = spacedText(el);
    if (!text || text.length > 120) continue;
    if (MODIFIED.test(text) && !/publi|posted|erschienen|veröffentlicht/i.test(text)) continue;
    const found = findStatedDate(text, locale);
    if (found) return { iso: found.iso, text };
  }
  return null;
}

/** A date in an element's words: is it the modification date rather than the publication date? */
const MODIFIED =
  /updat|modif|edited|revised|aktualisiert|geändert|actualiz|atualiz|mis à jour|modifié|aggiornat|обновлен|изменен|수정|更新/i;

/**
 * Read title, byline, date, site name, language and URL from a (sanitised) page: JSON-LD first (0.95), then
 * OpenGraph, article:* and itemprop tags (0.9), then plain meta tags, <time> elements, <title> and <html
 * lang> (0.6–0.85). Each field's cue names where it was read, so the reader can show it. Published dates win
 * over modification dates wherever a page states both; an author is taken only when the page shows the
 * name to its reader (a byline element, or a metadata name that appears in the text): a name only in the
 * metadata is not a credit the reader sees, and is often the site's account or desk.
 */
export function readPageMetadata(doc: Document): PageMeta {
  const metaAll = (key: string) =>
    [...doc.querySelectorAll(`meta[property="${key}" i], meta[name="${key}" i], meta[itemprop="${key}" i]`)]
      .map((m) => m.getAttribute('content')?.trim() ?? '')
      .filter(Boolean);
  const meta = (key: string) => metaAll(key)[0] ?? null;
  let objects: Json[];
  try {
    const raw = meta(JSONLD_META);
    objects = raw ? allObjects(JSON.parse(raw) as unknown[]) : [];
  } catch {
    objects = [];
  }
  const ld = findArticle(objects);
  // JSON-LD strings are often HTML-escaped twice ("&#8216;", "&amp;"): decode them as the browser shows them.
  const decode = (v: string | null): string | null => {
    if (!v || !/[&<]/.test(v)) return v;
    const t = doc.createElement('template');
    t.innerHTML = v;
    return t.content.textContent;
  };
  const out: PageMeta = {};
  const offer = (key: MetaKey, f: MetaField | null) => {
    if (f && !out[key]) out[key] = f;
  };

  // The page's web address, and its name ("ctpost" in www.ctpost.com), to tell the page's own name from others.
  const address =
    httpUrl(meta('og:url')) ?? httpUrl(doc.querySelector('link[rel~="canonical"]')?.getAttribute('href')) ?? (ld && httpUrl(str(ld.url)));
  const hostName = address ? new URL(address).hostname.replace(/^(www|m|amp|edition|beta)\./, '').split('.')[0] : null;

  // Outlet: the publisher, the site name.
  const website = objects.find((j) => typesOf(j).includes('WebSite'));
  const publisher = ld ? decode(namesIn(ld.publisher)[0] ?? null) : null;
  // A site carrying a wire story often names the agency as its publisher ("Associated Press" on a local
  // paper's page): that is the story's source, not the site, unless the address is the agency's own.
  const agencyOnly = !!publisher && !!agencyName(publisher) && !(hostName && fold(publisher).replace(/\W/g, '').includes(hostName));
  if (!agencyOnly) offer('outlet', field(publisher, 0.95, 'JSON-LD publisher'));
  offer('outlet', field(siteName(meta('og:site_name')), 0.9, 'OpenGraph og:site_name'));
  offer('outlet', field(siteName(website ? (namesIn(website)[0] ?? null) : null), 0.85, 'JSON-LD WebSite name'));
  offer('outlet', field(siteName(meta('application-name') ?? meta('publisher')), 0.7, 'meta application-name'));
  // Weak cues, which a name the page's own text gives replaces (html-article.ts): a social handle
  // ("CBSNews", "SputnikInt") and an agency named as the publisher.
  offer('outlet', field(meta('twitter:site')?.replace(/^@/, ''), WEAK_OUTLET, 'meta twitter:site (a handle)'));
  if (agencyOnly) offer('outlet', field(publisher, WEAK_OUTLET, 'JSON-LD publisher (a news agency)'));
  const outlets = [
    out.outlet?.value,
    meta('og:site_name'),
    website && namesIn(website)[0],
    meta('application-name'),
    ld && namesIn(ld.publisher)[0],
    hostName && hostName.length >= 4 ? hostName : null,
  ].filter((o): o is string => !!o);

  // Title: the visible headline when the metadata agree it is the headline, else the metadata's without the site name.
  const metaTitles: Array<[string | null, number, string]> = [
    [ld ? decode(str(ld.headline) ?? str(ld.name)) : null, 0.95, 'JSON-LD headline'],
    [meta('og:title'), 0.9, 'OpenGraph og:title'],
    [meta('twitter:title'), 0.85, 'twitter:title'],
    [meta('headline'), 0.85, 'itemprop headline'],
    [doc.querySelector('title')?.textContent ?? null, 0.6, '<title>'],
  ];
  const known = metaTitles.filter((t): t is [string, number, string] => !!t[0]?.trim());
  const h1s = [...(doc.body?.querySelectorAll('h1, [itemprop="headline"]') ?? [])]
    .map((h) => (h.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter((t) => t.length > 3 && t.length < 400);
  const visible = h1s.find((h) => known.some(([t]) => tokenSimilarity(h, stripSiteName(t, outlets)) >= 0.6 || fold(t).includes(fold(h))));
  if (visible) offer('title', field(visible, 0.95, `headline on the page, as in the ${known[0]![2]}`));
  for (const [t, c, cue] of known) {
    const cut = stripSectionLabel(stripSiteName(t, outlets));
    offer('title', field(cut, c, cut === t.trim() ? cue : `${cue} without the site name: ${t}`));
  }

  // Author: a byline the reader sees.
  const visibleWords = visibleText(doc);
  const metaNames: Array<[string[], string]> = [
    [ld ? namesIn(ld.author) : [], 'JSON-LD author'],
    [metaAll('author'), 'meta author'],
    [metaAll('article:author').filter((a) => !httpUrl(a)), 'article:author'],
    [metaAll('byl').map((b) => b.replace(/^by\s+/i, '')), 'meta byl'],
    [metaAll('dc.creator'), 'dc.creator'],
    [metaAll('citation_author'), 'citation_author'],
    [metaAll('parsely-author'), 'parsely-author'],
  ];
  const byline = domByline(doc, outlets);
  for (const [names, cue] of metaNames) {
    const credited = names
      .flatMap((n) => parseByline(decode(n) ?? n, outlets)?.names ?? [])
      .filter((n, i, all) => all.indexOf(n) === i && shown(visibleWords, n));
    if (credited.length) {
      offer('author', field(joinNames(credited), 0.95, `${cue}, shown on the page`));
      break;
    }
  }
  if (byline?.names.length) offer('author', field(joinNames(byline.names), 0.85, byline.cue));
  // A credit that names nobody ("Staff", the outlet itself): no author, and none from elsewhere.
  if (!out.author && byline) out.author = { value: null, confidence: 0.85, source: 'page', cue: clip(byline.cue) };

  const locale = doc.documentElement.getAttribute('lang') ?? (ld ? str(ld.inLanguage) : null);
  // Date: published over modified; a timestamp read in the zone the page's other timestamps carry.
  const stamps: Array<[string | null, number, string]> = [
    [ld ? str(ld.datePublished) : null, 0.95, 'JSON-LD datePublished'],
    [meta('article:published_time'), 0.9, 'article:published_time'],
    [meta('article:publicationdate') ?? meta('article:publication_date'), 0.9, 'article:publicationdate'],
    [meta('og:published_time'), 0.9, 'og:published_time'],
    [
      doc.querySelector('[itemprop="datePublished"]')?.getAttribute('content') ??
        doc.querySelector('[itemprop="datePublished"]')?.getAttribute('datetime') ??
        null,
      0.9,
      'itemprop datePublished',
    ],
    [meta('datePublished'), 0.9, 'meta datePublished'],
    [
      meta('pubdate') ??
        meta('publishdate') ??
        meta('publish-date') ??
        meta('publish_date') ??
        meta('publication_date') ??
        meta('original-publish-date') ??
        meta('parsely-pub-date') ??
        meta('sailthru.date') ??
        meta('dc.date.issued') ??
        meta('dcterms.created') ??
        meta('dc.date') ??
        meta('dcterms.date') ??
        meta('date') ??
        meta('citation_publication_date'),
      0.85,
      'meta date',
    ],
  ];
  const times = [...doc.querySelectorAll('time[datetime]')].filter((t) => !t.closest(ELSEWHERE));
  const describedAsModified = (t: Element) =>
    /dateModified/i.test(t.getAttribute('itemprop') ?? '') ||
    MODIFIED.test(`${t.getAttribute('class') ?? ''} ${t.textContent ?? ''} ${(t.parentElement?.textContent ?? '').slice(0, 80)}`);
  const published = [...times.filter((t) => t.closest('article')), ...times].find((t) => !describedAsModified(t));
  if (published) stamps.push([published.getAttribute('datetime'), 0.75, '<time datetime>']);
  // The page's own zone: the offset its timestamps carry ("…-05:00"), if any carries one other than UTC.
  const allStamps = [
    ...stamps.map(([v]) => v),
    meta('article:modified_time'),
    meta('og:updated_time'),
    ld ? str(ld.dateModified) : null,
    ...times.map((t) => t.getAttribute('datetime')),
  ]
    .map(readStamp)
    .filter((s): s is Stamp => s !== null);
  const localOffset = allStamps.find((s) => s.offset !== null && s.offset !== 0)?.offset ?? null;
  // A date printed by the headline or byline is what the reader is told: it wins over the metadata (which
  // may be in UTC, already the next day for an evening story, or a re-publication time).
  const printed = printedDate(doc, locale);
  if (printed) offer('publishedAt', field(printed.iso, 0.95, `date printed on the page: ${printed.text}`));
  for (const [v, c, cue] of stamps) {
    const s = readStamp(v);
    if (!s) continue;
    let day = s.day;
    if (s.offset === 0 && s.utc !== null && localOffset !== null) day = new Date(s.utc + localOffset * 60_000).toISOString().slice(0, 10);
    offer('publishedAt', field(day, c, `${cue} ${v ?? ''}`.trim()));
  }

  if (ld) offer('language', field(str(ld.inLanguage)?.toLowerCase().split(/[-_]/)[0], 0.9, 'JSON-LD inLanguage'));
  const lang = doc.documentElement.getAttribute('lang');
  offer('language', field(lang?.toLowerCase().split(/[-_]/)[0], 0.85, `<html lang="${lang ?? ''}">`));
  if (ld) offer('url', field(httpUrl(str(ld.url) ?? str(ld.mainEntityOfPage)), 0.95, 'JSON-LD url'));
  offer('url', field(httpUrl(meta('og:url')), 0.9, 'OpenGraph og:url'));
  offer('url', field(httpUrl(doc.querySelector('link[rel~="canonical"]')?.getAttribute('href')), 0.85, 'canonical link'));
  return out;
}
