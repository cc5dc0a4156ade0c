import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../contract';
import { defaultRatings } from '../../contract';
import { fixedArticles, fixedSettings } from '../../../tests/helpers/export-fixture';
import type { ExportArticle } from './export-article';
import { highlightHex } from './html-report';
import { renderExport, renderToStrings } from './render-export';

const render = (format: 'html' | 'md', articles: ExportArticle[]) =>
  [
    ...renderToStrings(
      renderExport(
        format,
        articles,
        { ...fixedSettings({ includeText: true }), ratings: defaultRatings, sourceArticle: (id) => articles.find((a) => a.id === id) },
        'report',
      ).slice(0, 1),
    ).values(),
  ][0]!;

const withPost = (articles: ExportArticle[]) => articles.find((a) => a.blocks.some((b) => b.kind === 'post' && b.post?.handle))!;
const textPart = (html: string) => html.slice(html.indexOf('<div class="text">'));

describe('the HTML (and PDF) report shows the article text as it was read', () => {
  it('marks each highlight inline, in its colour, with a reference to its note', () => {
    const articles = fixedArticles();
    const a = articles.find((x) => x.annotations.some((n) => n.anchor.status === 'ok'))!;
    const n = a.annotations.find((x) => x.anchor.status === 'ok')!;
    const number = a.annotations.indexOf(n) + 1;
    const html = render('html', articles);
    const section = html.slice(html.indexOf(`id="art-${a.id}"`));
    const text = textPart(section);
    expect(text).toContain(`<mark style="background:${highlightHex[n.color]}" data-annotation="${n.id}">`);
    expect(text).toContain(`<a href="#a-${n.id}" aria-label="annotation ${number}">[${number}]</a>`);
    // The marked words are the passage's own words.
    const marked = [...text.matchAll(new RegExp(`data-annotation="${n.id}">([^<]*)</mark>`, 'g'))].map((m) => m[1]).join('');
    expect(marked.replace(/&#39;|&quot;|&amp;|&lt;|&gt;/g, 'x')).toBe(n.quote.exact.replace(/['"&<>]/g, 'x'));
  });

  it('escapes the text inside and around a mark', () => {
    const articles = fixedArticles();
    const a = articles.find((x) => x.annotations.length)!;
    const evil = '<img src=x onerror=alert(1)> & "quoted"';
    a.body = `${evil}\n\nSecond paragraph.`;
    a.blocks = [
      { kind: 'paragraph', post: null, start: 0, end: evil.length },
      { kind: 'paragraph', post: null, start: evil.length + 2, end: a.body.length },
    ];
    const n: Annotation = { ...a.annotations[0]!, id: 'evil0000', anchor: { status: 'ok', start: 5, end: 20 } };
    a.annotations = [n];
    const text = textPart(render('html', [a]));
    expect(text).not.toContain('<img');
    expect(text).toContain('&lt;img <mark');
    expect(text).toContain('&amp; &quot;quoted&quot;');
  });

  it('keeps who posted an embedded post', () => {
    const articles = fixedArticles();
    const a = withPost(articles);
    const post = a.blocks.find((b) => b.kind === 'post' && b.post?.handle)!.post!;
    const html = render('html', articles);
    const text = textPart(html.slice(html.indexOf(`id="art-${a.id}"`)));
    expect(text).toContain('<figure class="post"');
    expect(text).toContain(`— ${post.author} (@${post.handle}), 12 October 2025`);
    const md = render('md', articles);
    expect(md).toContain(`> — ${post.author} (@${post.handle}), 12 October 2025`);
  });
});

describe('verdicts in the reports', () => {
  it('appear under their passage and in a summary, with rating, rationale and sources', () => {
    const articles = fixedArticles();
    const a = articles.find((x) => x.annotations.length)!;
    const other = articles.find((x) => x !== a)!;
    a.annotations[0]!.verdict = {
      rating: 'misleading',
      rationale: 'The figure is <b>from 2019</b>.',
      sources: [
        { kind: 'article', articleId: other.id },
        { kind: 'link', url: 'https://example.org/data', title: 'Data table' },
      ],
      claim: null,
      story: null,
      decidedAt: '2025-10-15T09:30:00.000Z',
    };
    const html = render('html', articles);
    expect(html).toContain('<section class="verdicts"><h2>Verdicts (1)</h2>');
    expect(html).toContain('<strong class="verdict__rating">Verdict: Misleading</strong>');
    expect(html).toContain('The figure is &lt;b&gt;from 2019&lt;/b&gt;.');
    expect(html).toContain(`<a href="#art-${other.id}">`);
    expect(html).toContain('<a href="https://example.org/data">Data table</a>');
    const md = render('md', articles);
    expect(md).toContain('**Verdict: Misleading** (decided 2025-10-15)');
    expect(md).toContain('The figure is \\<b\\>from 2019\\</b\\>.');
    expect(md).toContain('[Data table](<https://example.org/data>)');
  });
});
