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
  // The access date is when the original was fetched, when it was kept (a snapshot); else when it was imported.
  const accessed = dateParts(a.snapshot?.fetchedAt ?? a.importedAt);
  const url = a.url ?? a.snapshot?.url ?? null;
  if (url && /^https?:\/\//i.test(url)) {
    item.URL = url;
    if (accessed) item.accessed = { 'date-parts': accessed };
  }
  if (a.language) item.language = a.language;
  if (a.dateline) item['publisher-place'] = a.dateline;
  return item;
}

export function cslJson(articles: ExportArticle[]): string {
  return `${JSON.stringify(articles.map(toCslItem), null, 2)}\n`;
}

const MONTH_MACROS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** One BibTeX entry as citation-js builds it: its values already in BibTeX's own escaping. */
type BibEntry = { type: string; label: string; properties: Record<string, string> };

/**
 * Citation keys unique in one export, case-insensitively (BibTeX and pybtex refuse a repeated key): a key
 * several entries share gets a, b, c… in export order, as reference managers do (`2025Syriaa`,
 * `2025Syriab`). The same export always gets the same keys.
 */
export function uniqueKeys(labels: string[]): string[] {
  const count = new Map<string, number>();
  for (const l of labels) count.set(l.toLowerCase(), (count.get(l.toLowerCase()) ?? 0) + 1);
  const taken = new Set(labels.filter((l) => count.get(l.toLowerCase()) === 1).map((l) => l.toLowerCase()));
  const suffix = (n: number): string => (n < 26 ? String.fromCharCode(97 + n) : suffix(Math.floor(n / 26) - 1) + suffix(n % 26));
  const next = new Map<string, number>();
  return labels.map((l) => {
    if (count.get(l.toLowerCase()) === 1) return l;
    let key: string;
    do {
      const n = next.get(l.toLowerCase()) ?? 0;
      next.set(l.toLowerCase(), n + 1);
      key = `${l}${suffix(n)}`;
    } while (taken.has(key.toLowerCase()));
    taken.add(key.toLowerCase());
    return key;
  });
}

/**
 * BibTeX entries (citation-js maps the CSL items and escapes the values). Keys are made unique, and the date
 * is written as BibTeX and biblatex read it: `month = oct` (the macro every style defines, not a string
 * such as {oct 12}, which biber and pybtex refuse) and the day in `day = {12}`.
 */
export function bibtex(articles: ExportArticle[]): string {
  if (!articles.length) return '';
  const items = articles.map(toCslItem);
  const entries = new Cite(items).format('bibtex', { format: 'object' }) as unknown as BibEntry[];
  const keys = uniqueKeys(entries.map((e) => e.label));
  const text = entries.map((e, i) => {
    const fields = Object.entries(e.properties).filter(([name]) => name !== 'month');
    const [, month, day] = items[i]!.issued?.['date-parts'][0] ?? [];
    const date = [...(month ? [`\tmonth = ${MONTH_MACROS[month - 1]},\n`] : []), ...(month && day ? [`\tday = {${day}},\n`] : [])];
    const yearAt = fields.findIndex(([name]) => name === 'year');
    const lines = fields.map(([name, value]) => `\t${name} = {${value}},\n`);
    lines.splice(yearAt < 0 ? lines.length : yearAt + 1, 0, ...date);
    return `@${e.type}{${keys[i]},\n${lines.join('')}}\n`;
  });
  return text.join('');
}

/**
 * A RIS value on one line with single spaces: a line break would end the field and let the next line pose
 * as another tag, and readers split a line at its first "  - " (two spaces), so none may stay inside.
 */
const risValue = (s: string) => s.replace(/\s+/g, ' ').trim();
const risDate = (parts: number[] | undefined) =>
  parts?.[0]
    ? `${parts[0]}/${parts[1] ? String(parts[1]).padStart(2, '0') : ''}/${parts[2] ? String(parts[2]).padStart(2, '0') : ''}/`
    : null;

/**
 * RIS (the 2011 specification, as Zotero, EndNote and Mendeley read it): a NEWS record per article, every
 * author as an `AU` line ("Family, Given", or an organisation's name whole), the year in `PY` and the full
 * date in `DA` (`2025/10/12/`), the access date in `Y2`. Values are never wrapped: a reference manager
 * reads a continuation line as part of the text, so wrapping broke addresses and titles.
 */
export function ris(articles: ExportArticle[]): string {
  const record = (item: CslItem): string => {
    const issued = item.issued?.['date-parts'][0];
    const lines: Array<[string, string | null | undefined]> = [
      ['TY', 'NEWS'],
      ...(item.author ?? []).map((a): [string, string] => [
        'AU',
        'literal' in a ? a.literal : [a.family, a.given].filter(Boolean).join(', '),
      ]),
      ['TI', item.title],
      ['T2', item['container-title']],
      ['PY', issued ? String(issued[0]) : null],
      ['DA', risDate(issued)],
      ['CY', item['publisher-place']],
      ['LA', item.language],
      ['UR', item.URL],
      ['Y2', risDate(item.accessed?.['date-parts'][0])],
      ['ID', item.id],
    ];
    const body = lines.filter(([, v]) => v && risValue(v)).map(([tag, v]) => `${tag}  - ${risValue(v!)}\r\n`);
    return `${body.join('')}ER  - \r\n`;
  };
  return articles.map((a) => record(toCslItem(a))).join('\r\n');
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
