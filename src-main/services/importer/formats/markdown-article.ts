import { Lexer } from 'marked';
import type { Token, Tokens } from 'marked';
import { parse as parseYaml } from 'yaml';
import type { MetaField, MetaKey } from '../../../contract';
import { isoDay } from './page-metadata';

export type ExtractedMarkdown = { text: string; meta: Partial<Record<MetaKey, MetaField>>; tags: string[] };

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)\r?\n?/;

/** Inline Markdown as the text a reader sees: emphasis, links and code marks dropped, the words kept. */
function inlineText(tokens: Token[] | undefined, fallback: string): string {
  if (!tokens) return fallback;
  return tokens
    .map((t) => {
      if (t.type === 'br') return ' ';
      if (t.type === 'image') return (t as Tokens.Image).text;
      if (t.type === 'html') return '';
      if ('tokens' in t && t.tokens) return inlineText(t.tokens, 'text' in t ? String(t.text) : '');
      return 'text' in t ? String(t.text) : '';
    })
    .join('');
}

function blockLines(tokens: Token[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    switch (t.type) {
      case 'heading':
      case 'paragraph':
        out.push(inlineText((t as Tokens.Paragraph).tokens, (t as Tokens.Paragraph).text));
        break;
      case 'blockquote':
        out.push(...blockLines((t as Tokens.Blockquote).tokens));
        break;
      case 'list':
        for (const item of (t as Tokens.List).items) out.push(...blockLines(item.tokens));
        break;
      case 'text':
        out.push(inlineText((t as Tokens.Text).tokens, (t as Tokens.Text).text));
        break;
      case 'code':
        out.push((t as Tokens.Code).text);
        break;
      case 'table': {
        const tb = t as Tokens.Table;
        for (const row of tb.rows) out.push(row.map((c) => inlineText(c.tokens, c.text)).join(' | '));
        break;
      }
      default: // html, hr, space, def: no reading text
    }
  }
  return out.map((l) => l.replace(/[ \t]+/g, ' ').trim()).filter(Boolean);
}

const fromFile = (value: unknown, cue: string): MetaField | null =>
  typeof value === 'string' && value.trim() ? { value: value.trim(), confidence: 1, source: 'file', cue } : null;

/**
 * A Markdown file as an article: YAML front matter (title, outlet/site, date, url, author, language, tags,
 * as Obsidian and Parallax's own export write them) for the metadata, the text with its Markdown marks
 * removed for reading. Raw HTML in the file is dropped, never rendered.
 */
export function extractMarkdownArticle(source: string): ExtractedMarkdown {
  let body = source;
  let fm: Record<string, unknown> = {};
  const m = FRONT_MATTER.exec(source);
  if (m) {
    try {
      const parsed = parseYaml(m[1]!) as unknown;
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) fm = parsed as Record<string, unknown>;
    } catch {
      /* not YAML after all: keep it as text */
    }
    body = source.slice(m[0].length);
  }
  const lines = blockLines(new Lexer().lex(body));
  const meta: Partial<Record<MetaKey, MetaField>> = {};
  const set = (k: MetaKey, f: MetaField | null) => {
    if (f) meta[k] = f;
  };
  const date = fm.date instanceof Date ? fm.date.toISOString().slice(0, 10) : typeof fm.date === 'string' ? isoDay(fm.date) : null;
  set('title', fromFile(fm.title, 'front matter: title'));
  set('outlet', fromFile(fm.outlet ?? fm.site ?? fm.publisher ?? fm.source, 'front matter: outlet'));
  set('publishedAt', fromFile(date, 'front matter: date'));
  set('url', fromFile(typeof fm.url === 'string' && /^https?:\/\//i.test(fm.url) ? fm.url : null, 'front matter: url'));
  set('author', fromFile(fm.author, 'front matter: author'));
  set('language', fromFile(typeof fm.language === 'string' ? fm.language.toLowerCase() : null, 'front matter: language'));
  const tags = (Array.isArray(fm.tags) ? fm.tags : typeof fm.tags === 'string' ? fm.tags.split(/[,\s]+/) : [])
    .filter((t): t is string => typeof t === 'string')
    .map((t) => t.replace(/^#/, '').trim())
    .filter(Boolean);
  const title = meta.title?.value;
  if (title && lines[0] !== title) lines.unshift(title);
  return { text: lines.join('\n\n'), meta, tags };
}
