import { JSDOM } from 'jsdom';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { noteHtml, noteTree } from '@shared/note-markdown';
import { noteElements } from './note-elements';

/** A DOM as plain data: tag, attributes (the app's link target and rel left out) and children; text as strings. */
type Shape = string | { tag: string; attrs: Record<string, string>; children: Shape[] };
function shape(html: string): Shape[] {
  const doc = new JSDOM(`<body>${html}</body>`).window.document;
  const walk = (n: Node): Shape => {
    if (n.nodeType === 3) return n.textContent ?? '';
    const e = n as Element;
    const attrs = Object.fromEntries(
      [...e.attributes].filter((a) => a.name !== 'target' && a.name !== 'rel').map((a) => [a.name, a.value]),
    );
    return { tag: e.tagName.toLowerCase(), attrs, children: [...e.childNodes].map(walk) };
  };
  doc.body.normalize();
  return [...doc.body.childNodes].map(walk);
}
const inApp = (md: string) =>
  renderToStaticMarkup(createElement('div', null, ...noteElements(noteTree(md)))).replace(/^<div>|<\/div>$/g, '');
const inReport = (md: string) => noteHtml(md);

const notes = {
  table: '| outlet | minister |\n|:--|--:|\n| TRT | **Murhaf** |\n| Shafaq | Ashraf |',
  'line breaks': 'first line\nsecond line\n\nnext paragraph',
  lists: '- one\n- two\n  - nested\n\n3. three\n4. four\n\n- [x] checked\n- [ ] open',
  'quote, code and rule': '> quoted *claim*\n>\n> more\n\n```\nconst x = 1 < 2;\n```\n\n---\n\n`inline <code>`',
  links:
    'see [MoD](https://mod.gov.sy/x "source"), <https://a.example/?a=1&b=2>, www.example.com, [mail](mailto:a@b.c) and [bad](javascript:alert(1))',
  'raw HTML and images':
    '<b>bold?</b> <img src=x onerror=alert(1)>\n\n<iframe src="https://evil.example"></iframe>\n\n![the map](https://x.example/m.png)',
  'headings and emphasis': '# Title\n## Sub &amp; more\n**strong** _em_ ~~struck~~ \\*not em\\* &copy; &#65;',
  'right to left': 'قال **الوزير** إن\nالاجتماع مثمر',
};

describe('a note reads the same in the app and in the HTML report (one Markdown renderer)', () => {
  it.each(Object.entries(notes))('%s', (_name, md) => {
    const app = shape(inApp(md));
    expect(app.length).toBeGreaterThan(0);
    expect(app).toEqual(shape(inReport(md)));
  });

  it('with GFM tables and typed line breaks in both', () => {
    expect(inApp(notes.table)).toContain('<table><thead><tr><th align="left">outlet</th><th align="right">minister</th>');
    expect(inApp(notes['line breaks'])).toMatch(/first line<br\/?>second line/);
    expect(inReport(notes['line breaks'])).toContain('first line<br>second line');
  });

  it('links open outside the app, and only safe ones are links', () => {
    const html = inApp(notes.links);
    expect(html).toContain('<a href="https://mod.gov.sy/x" title="source" target="_blank" rel="noopener noreferrer">MoD</a>');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('bad');
  });
});
