import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Annotation } from '../../contract';
import { fixedArticles, fixedSettings } from '../../../tests/helpers/export-fixture';
import { executableConstructs, viewers } from '../../../tests/helpers/html-viewer';
import type { ExportArticle } from './export-article';
import { escapeMarkdown, frontMatter, inertMarkdown, markdownDestination } from './markdown-safety';
import { renderExport, renderToStrings } from './render-export';

/** Values an imported page or a shared annotation file could carry, each trying a different way to run. */
const HOSTILE = {
  title:
    '<img src=x onerror=alert(1)> <script>alert(2)</script> [t](javascript:alert(3)) <javascript:alert(4)> <!-- hidden --> `tick` | pipe',
  outlet: '<svg onload=alert(5)>News</svg>',
  author: '[a](javascript:alert(6)) ![i](data:text/html;base64,PHNjcmlwdD5hbGVydCg3KTwvc2NyaXB0Pg==)',
  dateline: '<iframe src="javascript:alert(8)"></iframe>',
  url: 'https://evil.example/"><img src=x onerror=alert(9)>',
  tags: ['<b onmouseover=alert(10)>x</b>', 'javascript:alert(11)'],
  quote: '<a href="javascript:alert(12)">click</a> and <style>*{}</style> and https://ok.example/[x](javascript:alert(13))',
  body: 'First <img src=x onerror=alert(14)> paragraph.\n\n<script>alert(15)</script>\n\n[x]: javascript:alert(16)\n\n[click][x] and <vbscript:msgbox(17)>',
};

/** Notes are Markdown: each of these tries to smuggle HTML or a script link through a different construct. */
const HOSTILE_NOTES = [
  '<img src=x onerror=alert(101)>',
  '<script>alert(102)</script>',
  '<!-- <img src=x onerror=alert(103)> -->',
  '[inline](javascript:alert(104))',
  '[mixed case](JaVaScRiPt:alert(105))',
  '[entity](java&#115;cript:alert(106))',
  '[escaped colon](javascript\\:alert(107))',
  '[angle](<javascript:alert(108)>)',
  '[spaced]( javascript:alert(109))',
  '![image](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMTEwKT4=)',
  '[reference][r]\n\n[r]: javascript:alert(111)',
  '[next line][s]\n\n[s]:\n  javascript:alert(112)',
  '<javascript:alert(113)>',
  '<data:text/html,<script>alert(114)</script>>',
  '\\\\<img src=x onerror=alert(115)>',
  '`<a href="`"><img src=x onerror=alert(116)>',
  '> quoted <img src=x onerror=alert(117)>\n> - [x](javascript:alert(118))',
  '- item\n\n  <details open ontoggle=alert(119)>',
  '| a | b |\n|---|---|\n| <img src=x onerror=alert(120)> | [c](javascript:alert(121)) |',
  '<?php echo 1 ?> <![CDATA[ x ]]> <!DOCTYPE html>',
  '[vb](vbscript:msgbox(122)) [file](file:///etc/passwd) [app](obsidian://open?vault=x)',
  // An unclosed fence would run on into the next note and close on its fence, turning its code into HTML.
  'an unclosed fence\n\n```',
  '```\n<img src=x onerror=alert(123)>\n```',
  '~~~~ also unclosed\n~~~',
  '~~~~\n<img src=x onerror=alert(124)>\n~~~~',
];

function hostileArticles(): ExportArticle[] {
  const all = fixedArticles();
  const base = all.find((a) => a.annotations.length);
  const other = all.find((a) => a !== base);
  const note = (n: Annotation, text: string, i: number): Annotation => ({
    ...n,
    id: `h${String(i).padStart(15, '0')}`,
    note: text,
    tags: i === 0 ? HOSTILE.tags : n.tags,
    quote: { ...n.quote, exact: i === 0 ? HOSTILE.quote : n.quote.exact },
  });
  return [
    {
      ...base!,
      title: HOSTILE.title,
      outlet: HOSTILE.outlet,
      author: HOSTILE.author,
      dateline: HOSTILE.dateline,
      url: HOSTILE.url,
      tags: HOSTILE.tags,
      body: HOSTILE.body,
      annotations: HOSTILE_NOTES.map((text, i) => note(base!.annotations[0]!, text, i)),
    },
    // An address that is not a web address is never made a link.
    { ...other!, url: 'javascript:alert(200)', outlet: null, title: '<img src=x onerror=alert(201)>' },
  ];
}

const comparison = {
  markdown: '| claim | outlet |\n| --- | --- |\n| <img src=x onerror=alert(300)> | [x](javascript:alert(301)) \\| `|` |',
  html: '<table></table>',
};

function renderAll(): Map<string, string> {
  const out = new Map<string, string>();
  for (const layout of ['combined', 'per-article'] as const) {
    const s = { ...fixedSettings({ layout, includeText: true }), title: '<script>alert(400)</script> story', comparison };
    for (const [name, text] of renderToStrings(renderExport('md', hostileArticles(), s, 'notes'))) out.set(`${layout}/${name}`, text);
  }
  return out;
}

describe('Markdown export of hostile values, opened in an HTML-enabled viewer', () => {
  const files = renderAll();

  it.each(Object.keys(viewers) as Array<keyof typeof viewers>)('leaves nothing that runs when %s renders any file', (viewer) => {
    expect(files.size).toBe(4); // combined; index and two article files
    for (const [name, md] of files) expect(executableConstructs(viewers[viewer](md)), `${viewer}: ${name}`).toEqual([]);
  });

  it('shows every hostile value as the text it is', () => {
    const md = files.get('combined/notes.md')!;
    const text = new JSDOM(viewers.commonmark(md)).window.document.body.textContent!;
    for (const v of [
      HOSTILE.title,
      HOSTILE.outlet,
      HOSTILE.dateline,
      '<script>alert(15)</script>',
      '[x](javascript:alert(104))'.replace('x', 'inline'),
    ])
      expect(text).toContain(v);
  });

  it('keeps the front matter valid YAML with the exact values, however they are written', () => {
    const id = hostileArticles()[0]!.id;
    const perArticle = [...files].find(([n, t]) => n.startsWith('per-article/') && t.includes(`parallax_id: ${id}`))!;
    const fm = parse(perArticle[1].split('\n---\n')[0]!.replace(/^---\n/, '')) as Record<string, unknown>;
    expect(fm).toMatchObject({ title: HOSTILE.title, outlet: HOSTILE.outlet, url: HOSTILE.url, author: HOSTILE.author });
    const nasty = {
      a: 'x: y\n---\n# not a heading',
      b: '"quoted" \'single\' #comment &anchor *alias !tag %directive @at `tick` | > <',
      c: '\u0000\u0007\u001b[31m\u0085\u2028\u202e\ufeff',
      d: ['- [x](javascript:alert(1))', '[[wikilink]]'],
      e: '   leading and trailing   ',
    };
    const yaml = frontMatter(nasty);
    expect(parse(yaml.slice(4, -4))).toEqual(nasty);
    expect(executableConstructs(viewers.marked(`${yaml}\n`))).toEqual([]);
  });

  it('links the source only when it is a web address, and percent-encodes what could break out', () => {
    expect(markdownDestination(HOSTILE.url)).toBe('<https://evil.example/%22%3E%3Cimg%20src=x%20onerror=alert(9)%3E>');
    expect(markdownDestination('javascript:alert(1)')).toBeNull();
    expect(markdownDestination('https://www.aa.com.tr/en/a-b_c?x=1#y')).toBe('<https://www.aa.com.tr/en/a-b_c?x=1#y>');
    expect(files.get('combined/notes.md')).not.toContain('javascript:alert(200))');
  });
});

describe('inertMarkdown (notes)', () => {
  it('leaves ordinary Markdown as the user wrote it', () => {
    const note = [
      '**Bold** and *italic*, `a < b` in code, 3 < 4 and x<-y.',
      'See [the ministry](https://mod.gov.sy/x "source"), <https://ok.example/a>, <jane@example.org> and [top](#notes).',
      '- a list\n- [mail](mailto:desk@example.org)',
      '```html\n<b>kept as code</b>\n```',
      '[ref]: https://example.org/ref',
    ].join('\n\n');
    expect(inertMarkdown(note)).toBe(note);
  });

  it('escapes raw HTML and breaks up links to other schemes, so they show as typed', () => {
    expect(inertMarkdown('<b>x</b> [c](javascript:alert(1)) <javascript:x>')).toBe(
      '\\<b>x\\</b> [c\\](javascript:alert(1)) \\<javascript:x>',
    );
    expect(inertMarkdown('already \\<b> and \\\\<i>')).toBe('already \\<b> and \\\\\\<i>');
    expect(inertMarkdown('[r]: data:text/html,x')).toBe('[r\\]: data:text/html,x');
  });

  it('escapes article text so nothing in it becomes Markdown, leaving plain web addresses to be linked', () => {
    expect(escapeMarkdown('https://ok.example/a_b[x](javascript:alert(1))')).toBe('https://ok.example/a_b\\[x\\](javascript:alert(1))');
  });
});
