import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { fixedArticles, fixedSettings } from '../../../tests/helpers/export-fixture';
import { applyTag, resolveScope, scopeTitle } from './scope';
import { fileNameProblem, slugify, uniqueNamer } from './file-names';
import { renderExport, renderToStrings } from './render-export';

describe('HTML report', () => {
  it('is self-contained and printable: inline CSS, a CSP that forbids everything else, no scripts, every value escaped', () => {
    const articles = fixedArticles();
    const noted = articles.findIndex((a) => a.annotations.length > 0);
    const [first, ...rest] = articles[noted]!.annotations;
    const note = '**Ashraf** is wrong: [MoD](https://mod.example/) <script>alert(1)</script> [x](javascript:alert(2))';
    articles[noted] = { ...articles[noted]!, annotations: [{ ...first!, note }, ...rest] };
    articles[0] = { ...articles[0]!, title: '<img src=x onerror=alert(1)>', outlet: 'A & B', url: 'javascript:alert(1)' };
    const s = { ...fixedSettings(), comparison: { markdown: '', html: '<table><tr><td>matrix</td></tr></table>' } };
    const html = [...renderToStrings(renderExport('html', articles, s, 'report')).values()][0]!;
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain("content=\"default-src 'none'; style-src 'unsafe-inline'\"");
    expect(html).toContain('@media print');
    const doc = new JSDOM(html).window.document;
    expect(doc.querySelectorAll('script, img, link, iframe, object, embed, [src]')).toHaveLength(0);
    const attrs = [...doc.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => `${a.name}=${a.value}`));
    expect(attrs.filter((a) => /^on/i.test(a) || /javascript:/i.test(a))).toEqual([]);
    expect(doc.querySelector('article h2')!.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<strong>A &amp; B</strong>');
    expect(html).toContain('<section class="comparison"><h2>Comparison</h2>');
    expect(html.match(/<div class="annotation"/g)).toHaveLength(8);
    expect(html).toContain('background:#fff3a3');
    expect(html).toContain('class="status-orphaned">anchor orphaned');
    expect(html).toMatch(/<h2>References<\/h2>/);
    // Notes are Markdown, formatted as in the reader and just as inert.
    const formatted = doc.querySelector('.note strong');
    expect(formatted?.textContent).toBe('Ashraf');
    expect(formatted?.parentElement?.innerHTML).toContain('<a href="https://mod.example/" rel="noreferrer">MoD</a> &lt;script&gt;alert(1)&lt;/script&gt; x');
  });

  it('marks right-to-left passages', () => {
    const [a] = fixedArticles();
    const rtl = { ...a!, annotations: [{ ...a!.annotations[0]!, quote: { exact: 'وزير الخارجية', prefix: '', suffix: '' } }] };
    if (!a!.annotations.length)
      rtl.annotations = [{ ...fixedArticles()[2]!.annotations[0]!, quote: { exact: 'وزير الخارجية', prefix: '', suffix: '' } }];
    const html = [...renderToStrings(renderExport('html', [rtl], fixedSettings(), 'r')).values()][0]!;
    expect(html).toContain('dir="rtl"><p>وزير الخارجية</p>');
  });
});

describe('export scope', () => {
  const entries = fixedArticles().map((a) => ({ id: a.id, tags: a.tags }));

  it('narrows by chosen ids and refuses unknown ones', async () => {
    expect((await resolveScope({ articleIds: ['b0000000000000bb'] }, entries, {})).ids).toEqual(['b0000000000000bb']);
    expect((await resolveScope({}, entries, {})).ids).toHaveLength(5);
    await expect(resolveScope({ articleIds: ['ffffffffffffffff'] }, entries, {})).rejects.toThrow(/No article with id ffffffffffffffff/);
  });

  it('says clearly that story and search scopes are not available until those features are wired', async () => {
    await expect(resolveScope({ story: 'ankara' }, entries, {})).rejects.toMatchObject({
      code: 'UNSUPPORTED',
      message: expect.stringMatching(/story is not available yet/),
    });
    await expect(resolveScope({ query: 'fidan' }, entries, {})).rejects.toMatchObject({ code: 'UNSUPPORTED' });
    const wired = await resolveScope({ story: 'ankara', query: 'x' }, entries, {
      story: async () => ({ title: 'Ankara talks', articleIds: ['a0000000000000aa', 'b0000000000000bb'] }),
      query: async () => ['b0000000000000bb', 'c0000000000000cc'],
    });
    expect(wired.ids).toEqual(['b0000000000000bb']);
    expect(scopeTitle({ story: 'ankara', tag: 'claim' }, wired.story!.title)).toBe('Parallax notes — Story: Ankara talks, Tag: claim');
  });

  it('takes an article tagged with the tag whole, and otherwise only its passages with the tag (parents match children)', () => {
    const [trt, tna, aa] = fixedArticles();
    expect(applyTag(aa!, 'outlet/aa')).toBe(aa);
    expect(applyTag(tna!, 'claim')!.annotations.map((n) => n.id)).toEqual(['n0000000000000d1', 'n0000000000000d2']);
    expect(applyTag(tna!, '#claim/quote')!.annotations.map((n) => n.id)).toEqual(['n0000000000000d2']);
    expect(applyTag(trt!, 'claim')).toBeNull();
    expect(applyTag(trt!, undefined)).toBe(trt);
  });
});

describe('export file names', () => {
  it('refuses paths, reserved characters and Windows device names', () => {
    expect(fileNameProblem('notes.md')).toBeNull();
    expect(fileNameProblem('Notizen über Türkiye.md')).toBeNull();
    expect(fileNameProblem('../notes.md')).toMatch(/slash/);
    expect(fileNameProblem('a\\b.md')).toMatch(/slash/);
    expect(fileNameProblem('a:b.md')).toMatch(/":"/);
    expect(fileNameProblem('what?.md')).toMatch(/"\?"/);
    expect(fileNameProblem('CON')).toMatch(/reserved device name/);
    expect(fileNameProblem('com1.txt')).toMatch(/reserved/);
    expect(fileNameProblem('notes.')).toMatch(/ends with a dot/);
    expect(fileNameProblem('a\u0001b')).toMatch(/control/);
    expect(fileNameProblem('')).toMatch(/empty/);
    expect(fileNameProblem('x'.repeat(201))).toMatch(/at most 200/);
  });

  it('makes readable, unique names from titles in any script', () => {
    expect(slugify('Syria’s security: “inseparable”!')).toBe('syrias-security-inseparable');
    expect(slugify('وزير الخارجية')).toBe('وزير-الخارجية');
    expect(slugify('???')).toBe('untitled');
    const name = uniqueNamer();
    expect([name('a', '.md'), name('A', '.md'), name('a', '.md'), name('con', '.md')]).toEqual(['a.md', 'A-2.md', 'a-3.md', 'con-file.md']);
  });
});
