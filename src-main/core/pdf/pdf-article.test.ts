import { describe, expect, it } from 'vitest';
import { extractPdfArticle, findRunningLines, joinHyphenated } from './pdf-article';
import { pdfDay } from './pdf-date';
import type { PdfTextItem } from './pdf-lines';
import { pageLines, pageText } from './pdf-lines';
import { readPdfSource, writePdfSource } from './pdf-source';

/** A text item as pdf.js gives it: x and the baseline y in points, width from a 0.5 em average glyph. */
const item = (str: string, x: number, y: number, size = 10): PdfTextItem => ({ str, x, y, width: str.length * size * 0.5, size });

describe('reading order', () => {
  it('puts items drawn in any order into lines, top to bottom and left to right', () => {
    const items = [item('second line', 50, 700), item('first', 50, 714), item('line', 80, 714)];
    expect(pageLines(items).map((l) => l.text)).toEqual(['first line', 'second line']);
  });

  it('reads two columns one after the other, with the title above and the page number below where they stand', () => {
    const items: PdfTextItem[] = [item('Page 1', 280, 30, 9)];
    for (let i = 0; i < 8; i++) items.push(item(`right ${i}`, 320, 700 - i * 14), item(`left ${i}`, 50, 700 - i * 14));
    items.push(item('A Title Over Both Columns Of The Page', 50, 760, 20));
    const lines = pageLines(items).map((l) => l.text);
    expect(lines).toEqual([
      'A Title Over Both Columns Of The Page',
      ...Array.from({ length: 8 }, (_, i) => `left ${i}`),
      ...Array.from({ length: 8 }, (_, i) => `right ${i}`),
      'Page 1',
    ]);
  });

  it('keeps a one-column page with a short table row as lines, not columns', () => {
    const items = Array.from({ length: 12 }, (_, i) => item(`a long line of running prose number ${i} in the one column`, 50, 700 - i * 14));
    items.push(item('cell', 50, 500), item('value', 320, 500));
    const lines = pageLines(items).map((l) => l.text);
    expect(lines[12]).toBe('cell value');
    expect(lines).toHaveLength(13);
  });

  it('marks paragraph ends at a wide gap or a change of font size', () => {
    const lines = pageLines([item('Heading', 50, 760, 16), item('one', 50, 730), item('two', 50, 716), item('three', 50, 702), item('four', 50, 660)]);
    expect(pageText(lines)).toBe('Heading\n\none\ntwo\nthree\n\nfour');
  });
});

describe('words broken at the end of a line', () => {
  const none = new Set<string>();
  it('mends a typesetter’s break', () => {
    expect(joinHyphenated('the inter-', 'national team', none)).toBe('the international team');
    expect(joinHyphenated('soft\u00AD', 'ware', none)).toBe('software');
  });
  it('keeps a real hyphen: compounds, capitals and digits after it, one-letter heads', () => {
    expect(joinHyphenated('a well-', 'known author', none)).toBe('a well-known author');
    expect(joinHyphenated('self-', 'made', none)).toBe('self-made');
    expect(joinHyphenated('anti-', 'American', none)).toBe('anti-American');
    expect(joinHyphenated('COVID-', '19 cases', none)).toBe('COVID-19 cases');
    expect(joinHyphenated('an e-', 'mail', none)).toBe('an e-mail');
  });
  it('lets the document’s own words decide first', () => {
    expect(joinHyphenated('a cease-', 'fire', new Set(['cease-fire']))).toBe('a cease-fire');
    expect(joinHyphenated('a well-', 'being', new Set(['wellbeing']))).toBe('a wellbeing');
  });
  it('mends breaks across lines, columns and pages in the article text, and keeps paragraphs apart', () => {
    const raw = writePdfSource({ meta: {}, pages: [['The inter-', 'national committee met', 'and its well-', 'known chair said'], ['that the floods were over.', '', 'A new paragraph.']] });
    expect(extractPdfArticle(raw).text).toBe('The international committee met and its well-known chair said that the floods were over.\n\nA new paragraph.');
  });
});

describe('running headers, footers and page numbers', () => {
  const page = (n: number, body: string[]) => ['Harbour Report 2025', ...body, `Page ${n} of 4`];
  it('hides a line at the same edge of most pages and every page number, with the reason', () => {
    const pages = [['Cover Title', 'Intro text.', '1'], page(2, ['Body two.']), page(3, ['Body three.']), page(4, ['Body four.'])];
    const { keep, hidden } = findRunningLines(pages);
    expect(keep).toEqual([['Cover Title', 'Intro text.'], ['Body two.'], ['Body three.'], ['Body four.']]);
    expect(hidden).toEqual([
      { text: '1', reason: 'page number (page 1)' },
      { text: 'Harbour Report 2025', reason: 'running header, on 3 of 4 pages' },
      { text: 'Page 2 of 4', reason: 'page number (page 2)' },
      { text: 'Page 3 of 4', reason: 'page number (page 3)' },
      { text: 'Page 4 of 4', reason: 'page number (page 4)' },
    ]);
  });
  it('counts lines that differ only in a number as one running line, but never a sentence', () => {
    const pages = [1, 2, 3].map((n) => [`Annual report — section ${n}`, `Text of page ${n}.`, `See note ${n}.`]);
    const { keep, hidden } = findRunningLines(pages);
    expect(hidden.map((h) => h.reason)).toEqual(['running header, on 3 of 3 pages']);
    expect(keep[2]).toEqual(['Text of page 3.', 'See note 3.']);
  });
  it('hides nothing in a one-page document but its page number', () => {
    expect(findRunningLines([['Title line', 'Body.', 'Page 1']]).keep).toEqual([['Title line', 'Body.']]);
  });
  it('does not take a word made of roman-numeral letters for a page number', () => {
    expect(findRunningLines([['civil', 'Body text.', 'mix']]).hidden).toEqual([]);
    expect(findRunningLines([['iv', 'Body text.']]).hidden).toEqual([{ text: 'iv', reason: 'page number (page 1)' }]);
  });
});

describe('metadata', () => {
  it('reads Info and XMP dates as the calendar day written, and refuses impossible ones', () => {
    expect(pdfDay("D:20251012233000-05'00'")).toBe('2025-10-12');
    expect(pdfDay('D:20251012')).toBe('2025-10-12');
    expect(pdfDay('2025-10-12T23:30:00-05:00')).toBe('2025-10-12');
    expect(pdfDay('D:2025')).toBeNull();
    expect(pdfDay('D:20250230')).toBeNull();
    expect(pdfDay('D:19700101000000Z')).toBeNull();
    expect(pdfDay('yesterday')).toBeNull();
  });
  it('takes the title from the metadata unless it is a placeholder, else the first page’s largest line', () => {
    const pages = [['Body text of the report.']];
    const own = extractPdfArticle(writePdfSource({ meta: { title: 'Floods Report', titleFrom: 'Title', heading: 'Big Line' }, pages }));
    expect(own.meta.title).toMatchObject({ value: 'Floods Report', source: 'file', cue: 'PDF metadata: Title' });
    const junk = extractPdfArticle(writePdfSource({ meta: { title: 'Microsoft Word - draft3.docx', heading: 'Big Line' }, pages }));
    expect(junk.meta.title).toMatchObject({ value: 'Big Line', cue: 'the largest line on the first page' });
    const dated = extractPdfArticle(writePdfSource({ meta: { date: '2025-10-12', dateFrom: 'CreationDate', author: 'Jane Roe' }, pages }));
    expect(dated.meta.publishedAt).toMatchObject({ value: '2025-10-12', cue: 'PDF metadata: CreationDate' });
    expect(dated.meta.author?.value).toBe('Jane Roe');
  });
  it('stores the source so it reads back the same, one-line values and all', () => {
    const src = { meta: { title: 'Line\nbreak "quoted"', heading: 'H' }, pages: [['a', '', 'b'], ['c\fd']] };
    expect(readPdfSource(writePdfSource(src))).toEqual({ meta: { title: 'Line break "quoted"', heading: 'H' }, pages: [['a', '', 'b'], ['c d']] });
    expect(readPdfSource('pasted text\nno header')).toEqual({ meta: {}, pages: [['pasted text', 'no header']] });
  });
});
