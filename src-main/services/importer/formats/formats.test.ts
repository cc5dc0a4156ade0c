import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../../tests/helpers/seeds';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import { openBackend } from '../../backend';
import { analyseSource, formatOfFile, prepareRaw } from './analyse-source';

const tempDir = useTempDirs();
const page = (name: string) => readFileSync(join(repoRoot, 'tests', 'fixtures', 'pages', name), 'utf8');
const fresh = async () => {
  const dir = tempDir();
  return { dir, b: await openBackend(join(dir, 'nb'), { create: true, durability: 'none' }) };
};

describe('saved web pages', () => {
  it('keeps only the article: no navigation, ads, comments, footer or scripts', () => {
    const { analysis } = analyseSource('html', prepareRaw('html', page('levant-daily-talks.html')), 'x.html');
    expect(analysis.body).toContain('Foreign, defence and intelligence chiefs of Türkiye and Syria met in Ankara');
    expect(analysis.body).toContain('“We discussed joint and concrete steps');
    expect(analysis.body).toContain('Analysts said the meeting signalled');
    for (const junk of [
      'Home',
      'Most read',
      'ADVERTISEMENT',
      'First! This is a great article',
      'All rights reserved',
      'dataLayer',
      'Skip to main content',
      'baklava',
    ]) {
      expect(analysis.body, junk).not.toContain(junk);
    }
  });

  it('reads title, authors, date, site, language and URL from JSON-LD, OpenGraph and meta tags, saying where each came from', () => {
    const { meta } = analyseSource('html', prepareRaw('html', page('levant-daily-talks.html')), 'x.html').analysis;
    expect(meta.title).toMatchObject({
      value: 'Ankara talks: Syria and Türkiye agree security steps',
      source: 'page',
      cue: 'headline on the page, as in the JSON-LD headline',
    });
    expect(meta.author).toMatchObject({ value: 'Leyla Demir, Omar Haddad', source: 'page' });
    expect(meta.publishedAt).toMatchObject({ value: '2025-10-12', source: 'page', confidence: 0.95 });
    expect(meta.outlet).toMatchObject({ value: 'The Levant Daily', source: 'page' });
    expect(meta.language.value).toBe('en');
    expect(meta.url).toMatchObject({ value: 'https://levantdaily.example/news/2025/10/12/ankara-talks', cue: 'OpenGraph og:url' });
    // Without JSON-LD, OpenGraph answers, with a slightly lower confidence.
    const og = page('levant-daily-talks.html').replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/, '');
    const m2 = analyseSource('html', prepareRaw('html', og), 'x.html').analysis.meta;
    expect(m2.outlet).toMatchObject({ value: 'The Levant Daily', cue: 'OpenGraph og:site_name', confidence: 0.9 });
    expect(m2.author).toMatchObject({ value: 'Leyla Demir', cue: 'meta author, shown on the page' });
  });

  it('never keeps scripts, event handlers or javascript: URLs from a malicious page, and still reads its text', () => {
    const raw = prepareRaw('html', page('malicious.html'));
    expect(raw).not.toMatch(
      /<script|<iframe|<object|<embed|<svg|<form|<base|<img|\son\w+\s*=|javascript:|vbscript:|data:text|http-equiv|style=/i,
    );
    expect(raw).toContain('<a href="https://example.org/statement">official version</a>');
    const { analysis } = analyseSource('html', raw, 'm.html');
    expect(analysis.meta.title.value).toBe('Harmless looking headline about the Ankara talks');
    expect(analysis.body).toContain('Officials from both countries met in Ankara on Sunday');
    expect(analysis.body).not.toMatch(/alert|evil/);
  });

  it('imports .html files through the API: the stored raw is the sanitised page, and re-analysis reads it again', async () => {
    const { dir, b } = await fresh();
    copyFileSync(join(repoRoot, 'tests', 'fixtures', 'pages', 'malicious.html'), join(dir, 'm.htm'));
    copyFileSync(join(repoRoot, 'tests', 'fixtures', 'pages', 'levant-daily-talks.html'), join(dir, 'talks.html'));
    const r = await b.handlers['articles.importPaths']({ paths: [join(dir, 'm.htm'), join(dir, 'talks.html')] });
    expect(r.errors).toEqual([]);
    expect(r.imported.map((a) => a.title).sort()).toEqual([
      'Ankara talks: Syria and Türkiye agree security steps',
      'Harmless looking headline about the Ankara talks',
    ]);
    const id = r.imported.find((a) => a.file.endsWith('m.htm'))!.id;
    const stored = readFileSync(join(dir, 'nb', 'articles', id.slice(0, 2), `${id}.json`), 'utf8');
    expect(stored).not.toMatch(/<script|onerror|onload|javascript:/i);
    const before = await b.handlers['articles.get']({ id });
    expect(await b.handlers['articles.reanalyse']({ ids: [id] })).toEqual({ reanalysed: 1 });
    const after = await b.handlers['articles.get']({ id });
    expect(after.body).toBe(before.body);
    expect(after.title).toBe(before.title);
  });

  it('treats the same page saved twice as a duplicate, and a page with no text as empty', async () => {
    const { dir, b } = await fresh();
    const pages = join(dir, 'pages');
    mkdirSync(pages);
    writeFileSync(join(pages, 'a.html'), page('levant-daily-talks.html'));
    writeFileSync(join(pages, 'b.html'), page('levant-daily-talks.html').replace('<footer', '<div class="ad">Buy now</div><footer'));
    writeFileSync(join(pages, 'empty.html'), '<html><head><script>alert(1)</script></head><body><nav></nav></body></html>');
    const r = await b.handlers['articles.importPaths']({ paths: [pages] });
    expect(r.imported).toHaveLength(1);
    expect(r.duplicates).toHaveLength(1);
    expect(r.errors).toEqual([
      { file: join(pages, 'empty.html'), code: 'EMPTY_FILE', message: expect.stringContaining('no readable text') },
    ]);
  });
});

describe('Markdown files and pasted text', () => {
  it('reads front matter (title, outlet, date, url, author, tags) and the text without its marks or raw HTML', async () => {
    const { analysis, tags } = analyseSource('markdown', page('notes-page.md'), 'n.md');
    expect(analysis.meta.title).toMatchObject({ value: 'Field notes: Ankara security talks', source: 'file' });
    expect(analysis.meta.publishedAt.value).toBe('2025-10-13');
    expect(analysis.meta.outlet.value).toBe('Personal notes');
    expect(tags).toEqual(['story/ankara-talks', 'source/notes']);
    expect(analysis.body).toContain(
      'The talks on Sunday brought together the foreign, defence and intelligence chiefs of both countries, according to several outlets.',
    );
    expect(analysis.body).not.toMatch(/\*\*|\[several|<script|alert/);
    const { dir, b } = await fresh();
    mkdirSync(join(dir, 'vault'));
    writeFileSync(join(dir, 'vault', 'notes.md'), page('notes-page.md'));
    const r = await b.handlers['articles.importPaths']({ paths: [join(dir, 'vault')] });
    expect(r.imported).toHaveLength(1);
    expect((await b.handlers['articles.get']({ id: r.imported[0]!.id })).tags).toEqual(['story/ankara-talks', 'source/notes']);
  });

  it('imports pasted text as a new article, with an optional title, and refuses empty text', async () => {
    const { b } = await fresh();
    const r = await b.handlers['articles.importText']({
      text: 'Officials met in Ankara on Sunday.\n\nThey agreed to meet again.',
      title: 'Pasted: Ankara meeting',
    });
    expect(r.imported).toEqual([{ id: expect.any(String), file: 'pasted text', title: 'Pasted: Ankara meeting' }]);
    const a = await b.handlers['articles.get']({ id: r.imported[0]!.id });
    expect(a.file).toBeNull();
    expect(a.body).toContain('They agreed to meet again.');
    const again = await b.handlers['articles.importText']({
      text: 'Officials met in Ankara on Sunday.\n\nThey agreed to meet again.',
      title: 'Pasted: Ankara meeting',
    });
    expect(again.duplicates).toHaveLength(1);
    const { dispatch } = await import('../../../../tests/helpers/api');
    expect(await dispatch(b.handlers, 'articles.importText', { text: '  \n ' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: expect.stringMatching(/no text/) },
    });
  });

  it('picks the format from the extension', () => {
    expect(['a.txt', 'b.HTML', 'c.htm', 'd.md', 'e.markdown', 'f', null].map(formatOfFile)).toEqual([
      'text',
      'html',
      'html',
      'markdown',
      'markdown',
      'text',
      'text',
    ]);
  });
});
