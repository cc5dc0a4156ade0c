/**
 * The one reading of a note's Markdown, for the app (React elements, features/annotate/note-elements.ts)
 * and the HTML report (`noteHtml`): both are built from the tree made here, so a note has the same
 * structure in both. The rules: GitHub-flavoured Markdown (tables, strikethrough, task lists, autolinks),
 * a single line break is a line break, raw HTML is shown as the characters typed (never parsed), links keep
 * only http(s) and mailto targets, and images become their alt text, so nothing is fetched.
 */
import { Lexer } from 'marked';
import type { Token, Tokens } from 'marked';
import { escapeHtml } from './html';

export type NoteTag =
  | 'p'
  | 'h1'
  | 'h2'
  | 'h3'
  | 'h4'
  | 'h5'
  | 'h6'
  | 'blockquote'
  | 'ul'
  | 'ol'
  | 'li'
  | 'pre'
  | 'code'
  | 'em'
  | 'strong'
  | 'del'
  | 'a'
  | 'br'
  | 'hr'
  | 'table'
  | 'thead'
  | 'tbody'
  | 'tr'
  | 'th'
  | 'td';
/** Attributes a note can carry: a link's target and title, an ordered list's start, a table column's alignment. Nothing else. */
export type NoteAttrs = { href?: string; title?: string; start?: string; align?: 'left' | 'center' | 'right' };
export type NoteElement = { tag: NoteTag; attrs: NoteAttrs; children: NoteNode[] };
/** A node is text (shown as typed) or an element. */
export type NoteNode = string | NoteElement;

const OPTIONS = { gfm: true, breaks: true } as const;
const SAFE_URL = /^(?:https?:|mailto:)/i;
/** Elements without content. */
export const VOID_TAGS: ReadonlySet<NoteTag> = new Set(['br', 'hr']);

/** The named character references a note is likely to use; numeric ones are decoded by marked itself. */
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  copy: '©',
  reg: '®',
  trade: '™',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  deg: '°',
  euro: '€',
  pound: '£',
  times: '×',
  middot: '·',
  bull: '•',
};
const decode = (s: string) => s.replace(/&([a-z]+);/g, (m, name: string) => ENTITIES[name] ?? m);

/** Adjacent texts joined: one text node each, in the report's HTML and in the app's DOM alike. */
function joined(nodes: NoteNode[]): NoteNode[] {
  const out: NoteNode[] = [];
  for (const n of nodes) {
    const last = out.length - 1;
    if (typeof n === 'string' && typeof out[last] === 'string') out[last] += n;
    else if (n !== '') out.push(n);
  }
  return out;
}

const el = (tag: NoteTag, children: NoteNode[], attrs: NoteAttrs = {}): NoteElement => ({ tag, attrs, children: joined(children) });

function inline(tokens: readonly Token[] | undefined): NoteNode[] {
  const out: NoteNode[] = [];
  for (const t of tokens ?? []) {
    switch (t.type) {
      case 'text': {
        const text = t as Tokens.Text;
        if (text.tokens?.length) out.push(...inline(text.tokens));
        else out.push(decode(text.text));
        break;
      }
      case 'escape':
        out.push((t as Tokens.Escape).text);
        break;
      case 'strong':
      case 'em':
      case 'del':
        out.push(el(t.type, inline((t as Tokens.Strong).tokens)));
        break;
      case 'codespan':
        out.push(el('code', [(t as Tokens.Codespan).text]));
        break;
      case 'br':
        out.push(el('br', []));
        break;
      case 'link': {
        const link = t as Tokens.Link;
        const href = link.href.trim();
        const children = inline(link.tokens);
        if (!SAFE_URL.test(href)) out.push(...children);
        else out.push(el('a', children, link.title ? { href, title: link.title } : { href }));
        break;
      }
      case 'image':
        out.push((t as Tokens.Image).text);
        break;
      case 'html':
      case 'tag':
        out.push((t as Tokens.HTML).raw);
        break;
      case 'checkbox':
        out.push((t as Tokens.Checkbox).checked ? '☑ ' : '☐ ');
        break;
      default:
        // Anything a later marked adds is shown as the text it was written as.
        if ('raw' in t && typeof t.raw === 'string') out.push(t.raw);
    }
  }
  return out;
}

function blocks(tokens: readonly Token[]): NoteNode[] {
  const out: NoteNode[] = [];
  for (const t of tokens) {
    switch (t.type) {
      case 'space':
      case 'def':
        break;
      case 'paragraph':
        out.push(el('p', inline((t as Tokens.Paragraph).tokens)));
        break;
      case 'text': {
        // Text directly in a list item of a tight list: its inline content, no paragraph.
        const text = t as Tokens.Text;
        out.push(...(text.tokens?.length ? inline(text.tokens) : [decode(text.text)]));
        break;
      }
      case 'heading': {
        const h = t as Tokens.Heading;
        out.push(el(`h${Math.min(6, Math.max(1, h.depth))}` as NoteTag, inline(h.tokens)));
        break;
      }
      case 'blockquote':
        out.push(el('blockquote', blocks((t as Tokens.Blockquote).tokens)));
        break;
      case 'code':
        out.push(el('pre', [el('code', [(t as Tokens.Code).text])]));
        break;
      case 'hr':
        out.push(el('hr', []));
        break;
      case 'list': {
        const list = t as Tokens.List;
        const items = list.items.map((item) => el('li', blocks(item.tokens)));
        const start = list.ordered && list.start !== '' && Number(list.start) !== 1 ? { start: String(list.start) } : {};
        out.push(el(list.ordered ? 'ol' : 'ul', items, start));
        break;
      }
      case 'table': {
        const table = t as Tokens.Table;
        const cell = (tag: 'th' | 'td', c: Tokens.TableCell) => el(tag, inline(c.tokens), c.align ? { align: c.align } : {});
        const head = el('thead', [
          el(
            'tr',
            table.header.map((c) => cell('th', c)),
          ),
        ]);
        const rows = table.rows.map((r) =>
          el(
            'tr',
            r.map((c) => cell('td', c)),
          ),
        );
        out.push(el('table', rows.length ? [head, el('tbody', rows)] : [head]));
        break;
      }
      case 'checkbox':
        // A task list item's box, as the character a reader sees.
        out.push((t as Tokens.Checkbox).checked ? '☑ ' : '☐ ');
        break;
      case 'html':
        // A block of raw HTML: a paragraph of the characters typed.
        out.push(el('p', [(t as Tokens.HTML).raw.replace(/\n+$/, '')]));
        break;
      default:
        if ('raw' in t && typeof t.raw === 'string' && t.raw.trim()) out.push(el('p', [t.raw.trim()]));
    }
  }
  return out;
}

/** A note's Markdown as a tree of the elements above and plain text. */
export function noteTree(markdown: string): NoteNode[] {
  return joined(blocks(Lexer.lex(markdown, OPTIONS)));
}

/** A tree as HTML: every text escaped, every attribute one of NoteAttrs (links also get rel="noreferrer"). */
export function treeHtml(nodes: readonly NoteNode[]): string {
  let html = '';
  for (const n of nodes) {
    if (typeof n === 'string') {
      html += escapeHtml(n);
      continue;
    }
    let attrs = '';
    for (const [k, v] of Object.entries(n.attrs)) attrs += ` ${k}="${escapeHtml(v)}"`;
    if (n.tag === 'a') attrs += ' rel="noreferrer"';
    html += VOID_TAGS.has(n.tag) ? `<${n.tag}${attrs}>` : `<${n.tag}${attrs}>${treeHtml(n.children)}</${n.tag}>`;
  }
  return html;
}

/** A note's Markdown as safe HTML (the HTML report). */
export const noteHtml = (markdown: string): string => treeHtml(noteTree(markdown));
