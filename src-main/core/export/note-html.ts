import type { Tokens } from 'marked';
import { Marked } from 'marked';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ESC[c]!);
const SAFE_URL = /^(https?:|mailto:)/i;

/**
 * Notes are Markdown; the HTML report shows them formatted, as the reader does, and just as inert. The
 * renderer is marked's with three parts replaced: raw HTML in a note is shown as text (the app does the
 * same), links keep only http(s) and mailto targets, and images become their alt text, since a report
 * never fetches anything. Everything else marked escapes itself.
 */
const notes = new Marked({
  async: false,
  gfm: true,
  breaks: true,
  renderer: {
    html(token: Tokens.HTML | Tokens.Tag) {
      return escape(token.text);
    },
    link(this: { parser: { parseInline: (t: Tokens.Link['tokens']) => string } }, token: Tokens.Link) {
      const text = this.parser.parseInline(token.tokens);
      if (!SAFE_URL.test(token.href.trim())) return text;
      const title = token.title ? ` title="${escape(token.title)}"` : '';
      return `<a href="${escape(token.href.trim())}"${title} rel="noreferrer">${text}</a>`;
    },
    image(token: Tokens.Image) {
      return escape(token.text);
    },
  },
});

/** A note's Markdown as safe HTML for the report. */
export function noteHtml(markdown: string): string {
  return notes.parse(markdown) as string;
}
