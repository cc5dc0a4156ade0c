import type { Token, Tokens } from 'marked';
import { Lexer } from 'marked';
import { Document, visit } from 'yaml';

/**
 * Markdown that stays inert in any viewer, including the ones that render raw HTML (Obsidian, VS Code's
 * preview, GitHub-flavoured renderers). Two kinds of text go into an export:
 *
 * - values from outside (titles, outlets, authors, URLs, quotes, the article text): shown literally, every
 *   character that could start Markdown or HTML escaped (`escapeMarkdown`);
 * - notes, which are Markdown by design: kept as Markdown, but raw HTML is escaped and a link, image,
 *   autolink or reference definition whose target is not http(s), mailto or a `#anchor` is broken up, so
 *   it shows as the text it is (`inertMarkdown`).
 *
 * Both work on the text, not on one parser's idea of it, so they hold in renderers that disagree on edge
 * cases: an HTML tag needs `<` before a letter, `/`, `!` or `?`; a link needs an unescaped `]` followed by
 * `(` or `:`; an autolink needs `<` before a scheme. Escaping those is enough whatever the parser.
 */

/**
 * A URL inside article text stays as it is so viewers still link it, but only with characters that cannot
 * open a construct: no brackets, angle brackets, backticks, quotes or backslashes. Anything after those is
 * escaped like the rest of the text.
 */
const URL_IN_TEXT = /(https?:\/\/[A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]+)/;
const MARKDOWN_SPECIAL = /([\\`*_[\]<>#|~=^$])/g;

/** Markdown that shows `text` literally: no emphasis, links, HTML or headings sneak in from outside text. */
export function escapeMarkdown(text: string): string {
  return text
    .split(URL_IN_TEXT)
    .map((part, i) => (i % 2 ? part : part.replace(MARKDOWN_SPECIAL, '\\$1')))
    .join('')
    .replace(/^(\s*)([-+]|\d+[.)])(\s)/gm, '$1\\$2$3');
}

/** One-line values (titles, outlets) lose their line breaks, so a heading or list item stays one line. */
export const escapeInline = (text: string) => escapeMarkdown(text.replace(/\s*[\r\n]+\s*/g, ' '));

/**
 * A link destination for a URL from outside, or null when it is not http(s). Characters that could end the
 * destination or start something else are percent-encoded, so the link is exactly that URL.
 */
export function markdownDestination(url: string | null | undefined): string | null {
  if (!url || !/^https?:\/\//i.test(url.trim())) return null;
  return `<${url.trim().replace(/[^A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]/gu, (c) => encodeURIComponent(c))}>`;
}

/** Link targets a note may keep: web addresses, e-mail and anchors within the document. */
const SAFE_TARGET = /^(https?:\/\/|mailto:|#)/i;
/** `<https://…>`, `<mailto:…>` and `<name@example.org>`: autolinks to safe targets, left as they are. */
const SAFE_AUTOLINK =
  /^<(?:(?:https?:\/\/|mailto:)[^\s<>]*|[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*)>/;

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** The fence that would close a fenced code block, or null when it is closed (or not fenced). */
function openFence(block: Tokens.Code): string | null {
  const open = block.raw.match(FENCE)?.[1];
  if (!open) return null;
  const lines = block.raw.replace(/\n+$/, '').split('\n');
  const close = lines.length > 1 ? lines.at(-1)!.match(/^ {0,3}(`{3,}|~{3,})[ \t]*$/)?.[1] : undefined;
  return close && close[0] === open[0] && close.length >= open.length ? null : open;
}

/**
 * Where marked reads code in `src` (top-level code blocks, and code spans directly inside top-level
 * paragraphs, whose offsets are exact since marked's tokens cover the source without gaps), and the fence
 * a last, unclosed code block needs. Code inside lists, quotes or emphasis is not exempted: it is escaped
 * like text, which can only make it look odd, never make it run.
 */
function codeOf(src: string): { ranges: Array<[number, number]>; unclosed: string | null } {
  const tokens = Lexer.lex(src, { gfm: true });
  if (tokens.map((t) => t.raw).join('') !== src) return { ranges: [], unclosed: null };
  const ranges: Array<[number, number]> = [];
  let unclosed: string | null = null;
  let at = 0;
  for (const t of tokens) {
    if (t.type === 'code') {
      ranges.push([at, at + t.raw.length]);
      unclosed = openFence(t as Tokens.Code);
    } else if (t.type === 'paragraph') {
      const inline = (t as Tokens.Paragraph).tokens as Token[];
      const text = (t as Tokens.Paragraph).text;
      if (t.raw.startsWith(text) && inline.map((x) => x.raw).join('') === text) {
        let k = at;
        for (const x of inline) {
          if (x.type === 'codespan') ranges.push([k, k + x.raw.length]);
          k += x.raw.length;
        }
      }
    }
    if (t.type !== 'code' && t.type !== 'space') unclosed = null;
    at += t.raw.length;
  }
  return { ranges, unclosed };
}

/** The target after `](` or `]:`: spaces and at most one line break skipped, a `<…>` form opened. */
function targetAfter(src: string, from: number): string {
  const rest = src.slice(from, from + 200).replace(/^[ \t]*\n?[ \t]*/, '');
  return rest.startsWith('<') ? rest.slice(1) : rest;
}

/**
 * A note's Markdown with everything executable taken out: raw HTML (tags, comments, processing
 * instructions) escaped so it shows as text, and links, images, autolinks and reference definitions whose
 * target is not http(s), mailto or a `#anchor` broken up (their `]` or `<` escaped), so they show as
 * typed. Code blocks and code spans are left alone; the rest of the Markdown works as written. A code
 * block left open at the end is closed, or it would run on into what follows in the export and end at a
 * later note's fence, turning that note's code into live HTML.
 */
export function inertMarkdown(markdown: string): string {
  const src = markdown.replace(/\r\n?/g, '\n');
  const code = codeOf(src);
  const inCode = (i: number) => code.ranges.some(([a, b]) => i >= a && i < b);
  const out = src.replace(/(\\*)(<(?=[A-Za-z!?/])|\](?=[(:]))/g, (match: string, slashes: string, mark: string, offset: number) => {
    const at = offset + slashes.length;
    if (slashes.length % 2 === 1 || inCode(at)) return match; // already escaped, or code
    if (mark === '<') return SAFE_AUTOLINK.test(src.slice(at, at + 2048)) ? match : `${slashes}\\<`;
    return SAFE_TARGET.test(targetAfter(src, at + 2)) ? match : `${slashes}\\]`;
  });
  return code.unclosed ? `${out.replace(/\n*$/, '')}\n${code.unclosed}` : out;
}

/** Characters that would start HTML or a link if a viewer rendered the front matter as Markdown. */
const FRONT_MATTER_SPECIAL = /[<>[\]]/;
const YAML_ESCAPES: Record<string, string> = { '<': '\\x3C', '>': '\\x3E', '[': '\\x5B', ']': '\\x5D' };

/**
 * YAML front matter: valid YAML whatever the values hold, and inert even in a viewer that does not know
 * front matter and renders it as Markdown. A value holding `<`, `>`, `[` or `]` is written double-quoted
 * with those characters as YAML escapes (`\x3C`…), which every YAML reader turns back into the character.
 */
export function frontMatter(data: Record<string, unknown>): string {
  const clean = Object.fromEntries(
    Object.entries(data).filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && !v.length)),
  );
  const doc = new Document(clean);
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && FRONT_MATTER_SPECIAL.test(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  // Keys are fixed words and sequences are in block style, so these characters occur only inside the
  // double-quoted values chosen above, where a YAML escape means the same character.
  const yaml = doc.toString({ lineWidth: 0 }).replace(/[<>[\]]/g, (c) => YAML_ESCAPES[c]!);
  return `---\n${yaml}---\n`;
}
