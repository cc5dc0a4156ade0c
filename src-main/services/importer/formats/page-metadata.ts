import type { MetaField, MetaKey } from '../../../contract';
import { JSONLD_META } from './sanitize-page';

/** Metadata a web page states about itself, each value with how sure we are and where it was read. */
export type PageMeta = Partial<Record<MetaKey, MetaField>>;

const field = (value: string | null | undefined, confidence: number, cue: string): MetaField | null => {
  const v = value?.replace(/\s+/g, ' ').trim();
  return v ? { value: v.slice(0, 1000), confidence, source: 'page', cue } : null;
};

const ARTICLE_TYPES = /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BlogPosting|WebPage|Report)$/;

type Json = Record<string, unknown>;
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const nameOf = (v: unknown): string | null =>
  asArray(v)
    .map((x) => str(x) ?? (x && typeof x === 'object' ? str((x as Json).name) : null))
    .filter((x): x is string => !!x)
    .join(', ') || null;

/** The first object that is an article, looking inside arrays and @graph. */
function findArticle(blocks: unknown[]): Json | null {
  const queue = [...blocks];
  while (queue.length) {
    const o = queue.shift();
    if (Array.isArray(o)) queue.push(...o);
    else if (o && typeof o === 'object') {
      const j = o as Json;
      if (asArray(j['@type']).some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t)) && (j.headline || j.name)) return j;
      if (j['@graph']) queue.push(j['@graph']);
    }
  }
  return null;
}

/** "2025-10-12T09:30:00+03:00" -> "2025-10-12", checking it is a real date. */
export function isoDay(v: string | null | undefined): string | null {
  const m = v?.trim().match(/^(\d{4})-(\d{2})-(\d{2})/);
  if (!m) return null;
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(`${m[1]}-${m[2]}-${m[3]}`) ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

const httpUrl = (v: string | null | undefined) => (v && /^https?:\/\/\S+$/i.test(v.trim()) ? v.trim() : null);

/**
 * Read title, byline, date, site name, language and URL from a (sanitised) page: JSON-LD first (0.95), then
 * OpenGraph and article:* tags (0.9), then plain meta tags, <title> and <html lang> (0.6–0.85). The first
 * source that states a field wins; the cue names it, so the reader can show where each value came from.
 */
export function readPageMetadata(doc: Document): PageMeta {
  const meta = (key: string) => doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content') ?? null;
  const jsonLdRaw = meta(JSONLD_META);
  let ld: Json | null;
  try {
    ld = jsonLdRaw ? findArticle(JSON.parse(jsonLdRaw) as unknown[]) : null;
  } catch {
    ld = null;
  }
  const out: PageMeta = {};
  const offer = (key: MetaKey, f: MetaField | null) => {
    if (f && !out[key]) out[key] = f;
  };
  if (ld) {
    offer('title', field(str(ld.headline) ?? str(ld.name), 0.95, 'JSON-LD headline'));
    offer('author', field(nameOf(ld.author), 0.95, 'JSON-LD author'));
    offer('publishedAt', field(isoDay(str(ld.datePublished)), 0.95, `JSON-LD datePublished ${str(ld.datePublished) ?? ''}`.trim()));
    offer('outlet', field(nameOf(ld.publisher), 0.95, 'JSON-LD publisher'));
    offer('language', field(str(ld.inLanguage)?.toLowerCase().split(/[-_]/)[0], 0.9, 'JSON-LD inLanguage'));
    offer('url', field(httpUrl(str(ld.url) ?? str(ld.mainEntityOfPage)), 0.95, 'JSON-LD url'));
  }
  offer('title', field(meta('og:title'), 0.9, 'OpenGraph og:title'));
  offer('outlet', field(meta('og:site_name'), 0.9, 'OpenGraph og:site_name'));
  const published = meta('article:published_time') ?? meta('og:published_time');
  offer('publishedAt', field(isoDay(published), 0.9, `article:published_time ${published ?? ''}`.trim()));
  offer(
    'author',
    field(meta('article:author') && !httpUrl(meta('article:author')) ? meta('article:author') : null, 0.85, 'article:author'),
  );
  offer('url', field(httpUrl(meta('og:url')), 0.9, 'OpenGraph og:url'));
  offer('author', field(meta('author') ?? meta('byl') ?? meta('dc.creator') ?? meta('citation_author'), 0.85, 'meta author'));
  const dcDate = meta('date') ?? meta('dc.date') ?? meta('citation_publication_date') ?? meta('pubdate');
  offer('publishedAt', field(isoDay(dcDate), 0.85, `meta date ${dcDate ?? ''}`.trim()));
  offer('outlet', field(meta('application-name') ?? meta('publisher'), 0.7, 'meta application-name'));
  offer('url', field(httpUrl(doc.querySelector('link[rel~="canonical"]')?.getAttribute('href')), 0.85, 'canonical link'));
  offer('title', field(doc.querySelector('title')?.textContent, 0.6, '<title>'));
  const lang = doc.documentElement.getAttribute('lang');
  offer('language', field(lang?.toLowerCase().split(/[-_]/)[0], 0.85, `<html lang="${lang ?? ''}">`));
  const time = doc.querySelector('article time[datetime], time[itemprop="datePublished"]')?.getAttribute('datetime');
  offer('publishedAt', field(isoDay(time), 0.75, `<time datetime="${time ?? ''}">`));
  return out;
}
