import { describe, expect, it } from 'vitest';
import { noteHtml } from './note-markdown';

const SAFE_TAG =
  /^<\/?(p|br|em|strong|code|pre|ul|ol|li|blockquote|del|h[1-6]|hr|table|thead|tbody|tr|th|td|a(?: href="(?:https?|mailto):[^"]*"(?: title="[^"]*")? rel="noreferrer")?)\s*\/?>$/;

describe('noteHtml (notes in the HTML report)', () => {
  it('formats a note as the reader does: emphasis, lists, quotes, code and safe links', () => {
    const html = noteHtml('**Ashraf** is *wrong*; see [MoD](https://mod.gov.sy/x "source")\n\n- one\n- two\n\n> quoted\n\n`code`');
    expect(html).toContain('<strong>Ashraf</strong>');
    expect(html).toContain('<em>wrong</em>');
    expect(html).toContain('<a href="https://mod.gov.sy/x" title="source" rel="noreferrer">MoD</a>');
    expect(html).toMatch(/<ul>\s*<li>one<\/li>\s*<li>two<\/li>\s*<\/ul>/);
    expect(html).toMatch(/<blockquote>\s*<p>quoted<\/p>/);
    expect(html).toContain('<code>code</code>');
  });

  it('keeps line breaks inside a paragraph, as typed', () => {
    expect(noteHtml('first line\nsecond line')).toContain('first line<br>second line');
  });

  it.each([
    ['a script tag', '<script>alert(1)</script>'],
    ['an inline handler', '<img src=x onerror=alert(1)>'],
    ['a javascript: link', '[click](javascript:alert(1))'],
    ['a data: link', '[click](data:text/html;base64,PHNjcmlwdD4=)'],
    ['an image fetch', '![tracker](https://evil.example/pixel.png)'],
    ['an autolinked javascript URL', '<javascript:alert(1)>'],
    ['an SVG payload', '<svg><script>alert(1)</script></svg>'],
    ['an iframe', '<iframe src="https://evil.example"></iframe>'],
    ['a reference link', '[x][r]\n\n[r]: javascript:alert(1)'],
  ])('renders %s inert', (_label, note) => {
    // Every real tag in the output is a harmless formatting tag; the only attributes are a safe link's.
    const tags = noteHtml(note).match(/<[^>]*>/g) ?? [];
    for (const tag of tags) expect(tag).toMatch(SAFE_TAG);
  });

  it('shows raw HTML as text, so nothing typed is lost', () => {
    expect(noteHtml('<b>bold?</b>')).toContain('&lt;b&gt;bold?&lt;/b&gt;');
    expect(noteHtml('![the map](https://x.example/m.png)')).toContain('the map');
  });
});
