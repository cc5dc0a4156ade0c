import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodName, MethodOutput } from '../contract';
import { useTempDirs } from '../../tests/helpers/temp-dir';
import type { Backend } from './backend';
import { openBackend } from './backend';
import { callHandler } from '../../tests/helpers/api';

const tempDir = useTempDirs();
let backend: Backend;
let events: { event: string; payload: unknown }[];
let id: string;

const FM = 'Syria FM leads security delegation';
const SENTENCE = 'Senior Syrian officials arrived in Turkey on Sunday for discussions about the security situation in Syria.';
const MINISTERS =
  'Syrian foreign minister Asaad al-Shaibani, defence minister Ashraf Abu Qasra, and intelligence chief Hussein al-Salama were among the high-level delegation in Ankara.';
const SEED = readFileSync(join(__dirname, '../../resources/sample/003_7604c3ab70cf3cc1.txt'), 'utf8');

async function api<M extends MethodName>(method: M, payload: unknown): Promise<MethodOutput<M>> {
  const r = await callHandler(backend.handlers, method, payload);
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
  return r.value as MethodOutput<M>;
}
async function failure(method: MethodName, payload: unknown) {
  const r = await callHandler(backend.handlers, method, payload);
  if (r.ok) throw new Error(`${method} unexpectedly succeeded`);
  return r.error;
}
const article = () => api('articles.get', { id });
const annotate = (exact: string) => api('annotations.create', { articleId: id, target: { quote: { exact } } });
const annotationsOf = async () => (await api('annotations.list', { articleId: id })).items;
const bytesOf = () => readFile(backend.store.layout.article(id));

beforeEach(async () => {
  events = [];
  backend = await openBackend(join(tempDir(), 'nb'), {
    create: true,
    durability: 'none',
    search: { runIn: 'inline', waitForIndexMs: Infinity },
    emit: (event, payload) => void events.push({ event, payload }),
  });
  await backend.handlers['notebook.importSample']({});
  id = [...backend.store.entries()].find((e) => e.title.startsWith(FM))!.id;
});
afterEach(() => backend.close());

describe('articles.replaceText: an edited text', () => {
  it('keeps an annotation on the same words when a paragraph is inserted before it', async () => {
    const a = await annotate(SENTENCE);
    const { raw } = await article();
    const inserted = 'An editor added this paragraph before the officials arrived.\n\n';
    const r = await api('articles.replaceText', { id, source: 'edit', raw: raw.replace(SENTENCE, inserted + SENTENCE) });
    expect(r.changed).toBe(true);
    expect(r.annotations).toEqual({ ok: 1, drifted: 0, orphaned: 0 });
    const [after] = await annotationsOf();
    expect(after!.anchor.status).toBe('ok');
    // The passage moved by the inserted text, and the anchor and position say so.
    expect(after!.anchor.start).toBe(a.anchor.start! + inserted.length);
    expect(r.article.body.slice(after!.anchor.start!, after!.anchor.end!)).toBe(SENTENCE);
    expect(after!.position.start).toBe(a.position.start + inserted.length);
    expect(r.article.body).toContain('An editor added this paragraph');
  });

  it('finds a passage again when the words right before it change (drifted, at its new place)', async () => {
    await annotate('Hussein al-Salama');
    const { raw } = await article();
    const r = await api('articles.replaceText', { id, source: 'edit', raw: raw.replace('and intelligence chief', 'and the spy chief') });
    const [after] = await annotationsOf();
    expect(['ok', 'drifted']).toContain(after!.anchor.status);
    expect(r.article.body.slice(after!.anchor.start!, after!.anchor.end!)).toBe('Hussein al-Salama');
  });

  it('orphans an annotation whose sentence was deleted, keeping it with its quote', async () => {
    await annotate(SENTENCE);
    const { raw } = await article();
    const r = await api('articles.replaceText', { id, source: 'edit', raw: raw.replace(`${SENTENCE}\n`, '') });
    expect(r.annotations).toEqual({ ok: 0, drifted: 0, orphaned: 1 });
    const list = await annotationsOf();
    expect(list).toHaveLength(1);
    expect(list[0]!.anchor).toEqual({ status: 'orphaned', start: null, end: null });
    expect(list[0]!.quote.exact).toBe(SENTENCE);
    expect(backend.store.entry(id)!.annotationCount).toBe(1);
    // Putting the sentence back (undo) anchors it again.
    const back = await api('articles.replaceText', { id, source: 'edit', raw });
    expect(back.annotations).toEqual({ ok: 1, drifted: 0, orphaned: 0 });
  });

  it('keeps the metadata and tags the user set, and re-analyses the rest', async () => {
    await api('articles.update', { id, patch: { title: 'My own title', outlet: 'The New Arab', author: 'Staff' } });
    await api('articles.tag', { id, add: ['topic/security'] });
    const { raw } = await article();
    const r = await api('articles.replaceText', { id, source: 'edit', raw: raw.replace('12 October, 2025', '13 October, 2025') });
    expect(r.article.title).toBe('My own title');
    expect(r.article.meta.outlet).toMatchObject({ value: 'The New Arab', source: 'user' });
    expect(r.article.meta.author).toMatchObject({ value: 'Staff', source: 'user' });
    expect(r.article.meta.publishedAt.value).toBe('2025-10-13');
    expect(r.article.tags).toEqual(['topic/security']);
    expect(backend.store.entry(id)!.title).toBe('My own title');
  });

  it('tells the open windows and the search index', async () => {
    const { raw } = await article();
    events.length = 0;
    await api('articles.replaceText', { id, source: 'edit', raw: `${raw}\n\nA closing line about Zanzibarian observers.` });
    expect(events).toContainEqual({ event: 'notebook.changed', payload: { ids: [id], reason: 'edit' } });
    const hits = await api('search.query', { query: 'zanzibarian', limit: 10, offset: 0 });
    expect(hits.hits.map((h) => h.id)).toEqual([id]);
  });

  it('reports an unchanged text as unchanged', async () => {
    const { raw } = await article();
    const r = await api('articles.replaceText', { id, source: 'edit', raw: raw.replace(/\n/g, '\r\n') });
    expect(r.changed).toBe(false);
  });
});

describe('articles.replaceText: a re-imported file', () => {
  it('takes a corrected seed (Ashraf -> Murhaf): the annotation on that sentence moves with it instead of being orphaned', async () => {
    const a = await annotate(MINISTERS);
    const corrected = SEED.replace('Ashraf Abu Qasra', 'Murhaf Abu Qasra');
    const r = await api('articles.replaceText', {
      id,
      source: 'reimport',
      file: '003-corrected.txt',
      contentBase64: Buffer.from(`\uFEFF${corrected}`, 'utf8').toString('base64'),
    });
    expect(r.annotations).toEqual({ ok: 0, drifted: 1, orphaned: 0 });
    const [after] = await annotationsOf();
    expect(after!.anchor.status).toBe('drifted');
    expect(r.article.body.slice(after!.anchor.start!, after!.anchor.end!)).toBe(MINISTERS.replace('Ashraf', 'Murhaf'));
    // The stored selectors are the user's until they re-attach it.
    expect(after!.quote.exact).toBe(a.quote.exact);
    expect(r.article).toMatchObject({ file: '003-corrected.txt', encoding: 'utf-8' });
    expect(r.article.raw).not.toContain('Ashraf');

    // What an undo sends: the old raw with what `previous` reported. The annotation is back in place.
    expect(r.previous).toMatchObject({ format: 'text', encoding: 'utf-8' });
    const undone = await api('articles.replaceText', { id, source: 'reimport', raw: SEED, ...r.previous });
    expect(undone.annotations).toEqual({ ok: 1, drifted: 0, orphaned: 0 });
    expect(undone.article).toMatchObject({ file: r.previous.file, encoding: 'utf-8' });
  });

  it('decodes Windows-1252 and UTF-16 bytes as an import does', async () => {
    const text = SEED.replace('Yasar Guler', 'Yaşar Güler');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const r16 = await api('articles.replaceText', { id, source: 'reimport', file: 'x.txt', contentBase64: utf16.toString('base64') });
    expect(r16.article).toMatchObject({ encoding: 'utf-16le' });
    expect(r16.article.body).toContain('Yaşar Güler');
    // Curly quotes and a dash are 0x93, 0x94, 0x97 in Windows-1252: the bytes a Word document saved as text holds.
    const bytes = iconv.encode(SEED.replace('at all levels', 'at all levels\u2014truly \u201csaid\u201d G\u00fcler'), 'windows-1252');
    const rw = await api('articles.replaceText', { id, source: 'reimport', file: 'x.txt', contentBase64: bytes.toString('base64') });
    expect(rw.article.encoding).toBe('windows-1252');
    expect(rw.article.body).toContain('levels\u2014truly \u201csaid\u201d G\u00fcler');
  });

  it('sanitises an edited web page as an import does, keeping its format', async () => {
    const page =
      '<html><head><title>Talks in Ankara</title></head><body><article><h1>Talks in Ankara</h1><p>Senior officials met in Ankara on Sunday to discuss the security of the border region and more.</p><p>The talks went on for many hours, officials said afterwards.</p></article></body></html>';
    const report = await api('articles.importFiles', {
      files: [{ name: 'talks.html', contentBase64: Buffer.from(page).toString('base64') }],
    });
    const htmlId = report.imported[0]!.id;
    const { raw } = await api('articles.get', { id: htmlId });
    const edited = raw.replace('for many hours', 'for many hours<script>alert(1)</script><img src=x onerror="alert(2)">');
    const r = await api('articles.replaceText', { id: htmlId, source: 'edit', raw: edited });
    expect(r.previous.format).toBe('html');
    expect(r.article.raw).not.toMatch(/<script|onerror/i);
    expect(r.article.body).toContain('The talks went on for many hours');
    expect(r.article.body).not.toContain('alert');
  });

  it('reads a Markdown file as Markdown', async () => {
    const r = await api('articles.replaceText', {
      id,
      source: 'reimport',
      file: 'notes.md',
      raw: '# A Markdown headline\n\nSenior officials **arrived** in Ankara for talks on Sunday.\n',
    });
    expect(r.article.title).toBe('A Markdown headline');
    expect(r.article.body).toContain('Senior officials arrived in Ankara');
  });
});

describe('articles.replaceText refuses bad input and changes nothing', () => {
  const cases: [string, () => Record<string, unknown>, string, RegExp][] = [
    ['an unknown id', () => ({ id: 'ffffffffffffffff', source: 'edit', raw: 'Some text.' }), 'NOT_FOUND', /No article with id/],
    ['an empty text', () => ({ id, source: 'edit', raw: '  \n\n ' }), 'EMPTY_FILE', /is empty/],
    ['no text at all', () => ({ id, source: 'edit' }), 'BAD_INPUT', /raw or as contentBase64/],
    ['text over 20 MB', () => ({ id, source: 'edit', raw: '€'.repeat(7_500_000) }), 'TOO_LARGE', /limit is 20 MB/],
    ['more characters than allowed', () => ({ id, source: 'edit', raw: 'a'.repeat(20_000_001) }), 'BAD_INPUT', /at most 20 MB/],
    ['over 50,000 lines', () => ({ id, source: 'edit', raw: 'line\n'.repeat(50_001) }), 'TOO_LARGE', /50,000 lines/],
    ['a NUL character', () => ({ id, source: 'edit', raw: 'Text\u0000with NUL' }), 'BINARY_FILE', /binary/],
    ['control-character junk', () => ({ id, source: 'edit', raw: 'ab\u0001\u0002\u0003\u0004cd'.repeat(50) }), 'BINARY_FILE', /control/],
    [
      'binary bytes',
      () => ({ id, source: 'reimport', file: 'x.bin', contentBase64: Buffer.from([1, 0, 2, 0, 0, 0, 7, 255, 0, 3]).toString('base64') }),
      'BINARY_FILE',
      /binary/,
    ],
    ['bytes for an edit', () => ({ id, source: 'edit', contentBase64: 'aGVsbG8=' }), 'BAD_INPUT', /only for a re-import/],
    ['an unknown field', () => ({ id, source: 'edit', raw: 'x', extra: 1 }), 'BAD_INPUT', /Unrecognized key/i],
  ];
  for (const [name, payload, code, message] of cases) {
    it(`refuses ${name}`, async () => {
      await annotate(SENTENCE);
      const before = await bytesOf();
      const entry = backend.store.entry(id);
      const error = await failure('articles.replaceText', payload());
      expect(error.code).toBe(code);
      expect(error.message).toMatch(message);
      expect((await bytesOf()).equals(before)).toBe(true);
      expect(backend.store.entry(id)).toEqual(entry);
    });
  }

  it("refuses another article's text, naming that article", async () => {
    const other = [...backend.store.entries()].find((e) => e.id !== id)!;
    const { raw } = await api('articles.get', { id: other.id });
    const before = await bytesOf();
    const error = await failure('articles.replaceText', { id, source: 'edit', raw });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain(other.title);
    expect(error.message).toContain(other.id);
    expect((await bytesOf()).equals(before)).toBe(true);
  });
});
