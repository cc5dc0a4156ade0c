import { JSDOM } from 'jsdom';
import { Marked } from 'marked';
import { micromark } from 'micromark';

/**
 * What an HTML-enabled Markdown viewer makes of a file, at its most permissive: raw HTML passed through and
 * every link kept whatever its scheme. Two real renderers:
 * - marked with GitHub-flavoured Markdown (tables, autolinked URLs), the renderer VS Code-style previews
 *   and many static sites use; it knows no front matter, so that is rendered as Markdown too;
 * - micromark, the CommonMark parser under react-markdown, with `allowDangerousHtml` and
 *   `allowDangerousProtocol`: what react-markdown + rehype-raw (raw HTML re-parsed as HTML) shows when
 *   its URL filter is off, as in Obsidian-like viewers.
 */
export const viewers = {
  marked: (md: string) => new Marked({ gfm: true, breaks: false, async: false }).parse(md) as string,
  commonmark: (md: string) => micromark(md, { allowDangerousHtml: true, allowDangerousProtocol: true }),
} as const;

const ACTIVE_ELEMENTS = new Set([
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'base',
  'meta',
  'link',
  'style',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'svg',
  'math',
  'template',
  'noscript',
  'video',
  'audio',
  'source',
  'portal',
]);
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'data',
  'srcdoc',
  'background',
  'poster',
  'srcset',
  'ping',
  'cite',
]);
const SAFE_URL = /^(https?:\/\/|mailto:|#)/i;

/**
 * Everything in rendered HTML that could run, fetch from a non-web scheme or hide content: active elements,
 * `on…` handlers, `style` attributes, URL attributes whose scheme is not http(s)/mailto/#, and HTML comments.
 * An empty list means the page is inert.
 */
export function executableConstructs(html: string): string[] {
  const { document, NodeFilter } = new JSDOM(`<!doctype html><body>${html}</body>`).window;
  const found: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_COMMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === node.COMMENT_NODE) {
      found.push(`comment <!--${node.textContent}-->`);
      continue;
    }
    const el = node as Element;
    const name = el.tagName.toLowerCase();
    if (ACTIVE_ELEMENTS.has(name)) found.push(`<${name}>`);
    for (const attr of [...el.attributes]) {
      const a = attr.name.toLowerCase();
      // Browsers drop control characters and spaces around a URL before reading its scheme.
      // eslint-disable-next-line no-control-regex
      const value = attr.value.replace(/[\u0000-\u0020]/g, '');
      if (a.startsWith('on')) found.push(`<${name} ${a}>`);
      else if (a === 'style') found.push(`<${name} style>`);
      else if (URL_ATTRIBUTES.has(a) && value !== '' && !SAFE_URL.test(value)) found.push(`<${name} ${a}="${attr.value}">`);
    }
  }
  return found;
}
