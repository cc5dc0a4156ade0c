import type SanitizeHtml from 'sanitize-html';
import { escapeHtml } from '../../../../src-shared/html';
import { lazyRequire } from '../../lazy-require';

const loadSanitizer = lazyRequire<typeof SanitizeHtml>('sanitize-html');

/**
 * A saved web page made harmless before anything else sees it: scripts, styles, frames, forms and embedded
 * objects go with their contents; every on* attribute and every URL that is not http(s) or mailto goes; images
 * go (nothing is ever fetched). Structure and class/id names stay, because article extraction scores them
 * ("comment", "sidebar", "article"), and so do the head's <title> and <meta> tags, which carry the metadata.
 * JSON-LD lives in <script> tags, which are dropped; its objects are kept as JSON in one <meta> tag so the
 * stored page still holds everything re-analysis needs.
 */
export const JSONLD_META = 'parallax:json-ld';

export function jsonLdBlocks(html: string): unknown[] {
  const out: unknown[] = [];
  const re = /<script\b[^>]*type\s*=\s*["']?application\/ld\+json["']?[^>]*>([\s\S]*?)<\/script>/gi;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    try {
      // Some publishing systems wrap the JSON in `<![CDATA[ … ]]>` (or `//<![CDATA[`) for old XHTML parsers.
      out.push(JSON.parse(m[1]!.replace(/^\s*(?:\/\/\s*)?<!\[CDATA\[|(?:\/\/\s*)?\]\]>\s*$/g, '').trim()));
    } catch {
      /* a broken JSON-LD block is ignored, as browsers and search engines do */
    }
  }
  return out;
}

const HIDDEN_STYLE = /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)\s*(!important\s*)?(;|$)/i;

function markHidden(tagName: string, attribs: SanitizeHtml.Attributes): SanitizeHtml.Tag {
  if (attribs.style === undefined) return { tagName, attribs };
  const { style, ...rest } = attribs;
  return { tagName, attribs: HIDDEN_STYLE.test(style) ? { ...rest, hidden: '' } : rest };
}

export function sanitizePage(html: string): string {
  const jsonLd = jsonLdBlocks(html);
  const sanitizeHtml = loadSanitizer();
  const clean = sanitizeHtml(html, {
    allowedTags: [...sanitizeHtml.defaults.allowedTags.filter((t) => t !== 'img'), 'html', 'head', 'body', 'title', 'meta', 'link', 'time'],
    allowedAttributes: {
      '*': ['class', 'id', 'lang', 'dir', 'itemprop', 'itemscope', 'itemtype', 'role', 'rel', 'hidden', 'aria-hidden'],
      a: ['href', 'title', 'rel'],
      meta: ['name', 'property', 'content', 'itemprop', 'charset'],
      link: ['rel', 'href'],
      time: ['datetime'],
      blockquote: ['cite'],
      html: ['lang', 'dir'],
    },
    // What a browser would not show stays marked as hidden, so the article finder skips it as Firefox's Reader
    // View does (menus, pop-ups and galleries folded away): the `hidden` attribute and aria-hidden stay, and an
    // inline display:none or visibility:hidden becomes `hidden`; no style attribute itself survives.
    // (sanitize-html has this option since 2.x; its published types do not list it yet)
    ...({ allowedEmptyAttributes: ['hidden'] } as Partial<SanitizeHtml.IOptions>),
    transformTags: { '*': markHidden },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesAppliedToAttributes: ['href', 'cite'],
    allowProtocolRelative: false,
    // Only the canonical link is worth keeping; stylesheets and preloads would point at things never fetched.
    // A meta tag without a name or property (http-equiv refresh, say) says nothing we read and may carry a URL.
    exclusiveFilter: (frame) =>
      (frame.tag === 'link' && !/\bcanonical\b/i.test(frame.attribs.rel ?? '')) ||
      (frame.tag === 'meta' && !frame.attribs.name && !frame.attribs.property && !frame.attribs.itemprop && !frame.attribs.charset) ||
      (frame.tag === 'meta' && /^\s*(javascript|data|vbscript):/i.test(frame.attribs.content ?? '')),
    disallowedTagsMode: 'discard',
    nonTextTags: [
      'script',
      'style',
      'textarea',
      'option',
      'noscript',
      'template',
      'iframe',
      'object',
      'embed',
      'svg',
      'math',
      'canvas',
      'select',
      'button',
    ],
  });
  if (!jsonLd.length) return clean;
  const tag = `<meta name="${JSONLD_META}" content="${escapeHtml(JSON.stringify(jsonLd))}">`;
  return /<head[^>]*>/i.test(clean) ? clean.replace(/<head[^>]*>/i, (h) => `${h}\n${tag}`) : `${tag}\n${clean}`;
}
