import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import type { CitationStyle } from '../../contract';
import { CHICAGO_STYLE } from './chicago-style';
import type { ExportArticle } from './export-article';
import { escapeMarkdown } from './markdown-safety';

/** One CSL-JSON item (the subset Parallax writes), as Zotero, pandoc and citeproc read it. */
export type CslItem = {
  id: string;
  type: 'article-newspaper';
  title: string;
  'container-title'?: string;
  author?: Array<{ family: string; given?: string } | { literal: string }>;
  issued?: { 'date-parts': number[][] };
  accessed?: { 'date-parts': number[][] };
  URL?: string;
  language?: string;
  'publisher-place'?: string;
};

const STYLE_IDS: Record<CitationStyle, string> = { apa: 'apa', chicago: 'parallax-chicago' };
let chicagoRegistered = false;

function ensureStyles(): void {
  if (chicagoRegistered) return;
  (plugins.config.get('@csl') as { styles: { add: (id: string, xml: string) => void } }).styles.add('parallax-chicago', CHICAGO_STYLE);
  chicagoRegistered = true;
}

const dateParts = (iso: string | null): number[][] | null => {
  const m = iso?.match(/^(\d{4})-(\d{2})-(\d{2})/);
  return m ? [[Number(m[1]), Number(m[2]), Number(m[3])]] : null;
};

/** Bylines that name no person ("Staff Reporter", "agencies") are kept whole rather than split into names. */
const INSTITUTIONAL = /\b(staff|reporter|reporters|correspondent|agencies|agency|desk|editors?|team|news|bureau|wires?)\b/i;

/** "By Jane Doe and John Smith" -> two CSL names; "Staff Reporter" -> one literal name. */
export function parseAuthors(byline: string | null): CslItem['author'] {
  const text = byline?.replace(/^\s*by\s+/i, '').trim();
  if (!text) return undefined;
  if (INSTITUTIONAL.test(text)) return [{ literal: text }];
  return text
    .split(/\s*(?:,|;|\band\b|&)\s*/i)
    .filter(Boolean)
    .map((name) => {
      const words = name.split(/\s+/);
      if (words.length < 2 || words.length > 4) return { literal: name };
      return { family: words.at(-1)!, given: words.slice(0, -1).join(' ') };
    });
}

export function toCslItem(a: ExportArticle): CslItem {
  const item: CslItem = { id: a.id, type: 'article-newspaper', title: a.title };
  if (a.outlet) item['container-title'] = a.outlet;
  const author = parseAuthors(a.author);
  if (author) item.author = author;
  const issued = dateParts(a.publishedAt);
  if (issued) item.issued = { 'date-parts': issued };
  const accessed = dateParts(a.importedAt);
  if (a.url && /^https?:\/\//i.test(a.url)) {
    item.URL = a.url;
    if (accessed) item.accessed = { 'date-parts': accessed };
  }
  if (a.language) item.language = a.language;
  if (a.dateline) item['publisher-place'] = a.dateline;
  return item;
}

export function cslJson(articles: ExportArticle[]): string {
  return `${JSON.stringify(articles.map(toCslItem), null, 2)}\n`;
}

export function bibtex(articles: ExportArticle[]): string {
  if (!articles.length) return '';
  return `${(new Cite(articles.map(toCslItem)).format('bibtex') as string).trim()}\n`;
}

export function ris(articles: ExportArticle[]): string {
  if (!articles.length) return '';
  return `${(new Cite(articles.map(toCslItem)).format('ris') as string).trim()}\n`;
}

/**
 * Formatted references through the CSL processor (citeproc-js inside citation-js), one string per article in
 * the order given. Plain text for Markdown; HTML (already escaped by the processor) for the report.
 */
export function formatReferences(articles: ExportArticle[], style: CitationStyle, format: 'markdown' | 'html'): Map<string, string> {
  ensureStyles();
  const out = new Map<string, string>();
  if (!articles.length) return out;
  // One processor run for all items (one engine, one pass), split back into entries by their ids.
  const html = new Cite(articles.map(toCslItem)).format('bibliography', {
    format: 'html',
    template: STYLE_IDS[style],
    lang: 'en-US',
  }) as string;
  const entry = /<div data-csl-entry-id="([^"]+)" class="csl-entry">([\s\S]*?)<\/div>\n/g;
  for (let m = entry.exec(html); m; m = entry.exec(html)) {
    const body = m[2]!.trim();
    out.set(m[1]!, format === 'html' ? body : htmlToMarkdown(body));
  }
  return out;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#38': '&', nbsp: '\u00A0' };
const unescapeHtml = (s: string) => s.replace(/&(#?\w+);/g, (m, e: string) => ENTITIES[e] ?? m);

/** citeproc's HTML entry as Markdown: italics and bold kept, the text itself escaped. */
function htmlToMarkdown(html: string): string {
  return html
    .split(/(<[^>]+>)/)
    .map((part) => {
      if (!part.startsWith('<')) return escapeMarkdown(unescapeHtml(part));
      if (/^<\/?(i|em)\b/.test(part)) return '*';
      if (/^<\/?(b|strong)\b/.test(part)) return '**';
      return '';
    })
    .join('')
    .trim();
}
