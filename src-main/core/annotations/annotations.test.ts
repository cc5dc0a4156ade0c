import { describe, expect, it } from 'vitest';
import type { Annotation, AnnotationListItem } from '../../contract';
import type { AppError } from '../../contract';
import { buildAnnotation, resolveTarget, trimRange } from './build-annotation';
import { listAnnotations } from './list-annotations';

const body = 'Fidan met al-Shaibani in Ankara. Fidan met Kalin later. 😃 Fidan said "we do not see Syria\'s security as separate".';

describe('resolveTarget', () => {
  it('finds a unique quote', () => {
    expect(resolveTarget(body, { quote: { exact: 'al-Shaibani' } })).toEqual({ start: 10, end: 21 });
  });

  it('refuses a quote that is not there, naming it', () => {
    expect(() => resolveTarget(body, { quote: { exact: 'Abu Qasra' } })).toThrow(/"Abu Qasra" is not in the article/);
    try {
      resolveTarget(body, { quote: { exact: 'nothing' } });
    } catch (e) {
      expect((e as AppError).code).toBe('NOT_FOUND');
    }
  });

  it('refuses an ambiguous quote and resolves it with a prefix or suffix', () => {
    expect(() => resolveTarget(body, { quote: { exact: 'Fidan met' } })).toThrow(/occurs 2 times.*prefix or suffix/);
    expect(resolveTarget(body, { quote: { exact: 'Fidan met', suffix: ' Kalin' } }).start).toBe(body.indexOf('Fidan met Kalin'));
    expect(resolveTarget(body, { quote: { exact: 'Fidan', prefix: '😃 ' } }).start).toBe(body.indexOf('Fidan said'));
  });

  it('trims white space from a selection and refuses an empty or out-of-range one', () => {
    expect(trimRange(body, { start: 9, end: 22 })).toEqual({ start: 10, end: 21 });
    expect(() => resolveTarget(body, { start: 32, end: 33 })).toThrow(/only white space/);
    expect(() => resolveTarget(body, { start: 0, end: body.length + 1 })).toThrow(/past the end/);
  });
});

describe('buildAnnotation', () => {
  it('stores quote, code-point position and a UTF-16 anchor', () => {
    const a = buildAnnotation(
      body,
      { articleId: '0123456789abcdef', target: { quote: { exact: 'Fidan said' } }, color: 'yellow', note: '', tags: ['a', 'a'] },
      'abcdefgh12',
      '2025-10-12T10:00:00.000Z',
    );
    const start = body.indexOf('Fidan said');
    expect(a.anchor).toEqual({ status: 'ok', start, end: start + 10 });
    expect(a.position).toEqual({ start: start - 1, end: start + 9 }); // the emoji is one code point, two units
    expect(a.quote.exact).toBe('Fidan said');
    expect(a.tags).toEqual(['a']);
  });
});

describe('listAnnotations', () => {
  const make = (id: string, articleId: string, start: number | null, extra: Partial<Annotation> = {}): Annotation => ({
    id,
    articleId,
    createdAt: `2025-10-12T10:00:0${id.slice(-1)}.000Z`,
    updatedAt: `2025-10-12T10:00:0${id.slice(-1)}.000Z`,
    color: 'yellow',
    note: '',
    tags: [],
    quote: { exact: `quote ${id}`, prefix: '', suffix: '' },
    position: { start: start ?? 999, end: (start ?? 999) + 5 },
    anchor: { status: start === null ? 'orphaned' : 'ok', start, end: start === null ? null : start + 5 },
    ...extra,
  });
  const trt = { title: 'B article', outlet: 'TRT World', publishedAt: null };
  const shafaq = { title: 'A article', outlet: 'Shafaq News', publishedAt: null };
  const rows = [
    { annotation: make('annot0001', 'bbbbbbbb', 50, { tags: ['claim/attribution'], color: 'green' }), article: trt },
    { annotation: make('annot0002', 'bbbbbbbb', 10, { note: 'Ashraf is **wrong**' }), article: trt },
    { annotation: make('annot0003', 'aaaaaaaa', null, { tags: ['claim'] }), article: shafaq },
    { annotation: make('annot0004', 'aaaaaaaa', 5, { tags: ['claimed'] }), article: shafaq },
  ];
  const ids = (r: { items: AnnotationListItem[] }) => r.items.map((a) => a.id);

  it('sorts in text order per article, orphans last', () => {
    expect(ids(listAnnotations(rows, { sort: 'position' }))).toEqual(['annot0004', 'annot0003', 'annot0002', 'annot0001']);
  });

  it('filters by tag including children, not look-alikes', () => {
    expect(ids(listAnnotations(rows, { sort: 'position', tag: 'claim' }))).toEqual(['annot0003', 'annot0001']);
  });

  it('filters by colour, outlet, article, status and text', () => {
    expect(ids(listAnnotations(rows, { sort: 'position', color: 'green' }))).toEqual(['annot0001']);
    expect(ids(listAnnotations(rows, { sort: 'position', outlet: 'trt world' }))).toEqual(['annot0002', 'annot0001']);
    expect(ids(listAnnotations(rows, { sort: 'position', articleId: 'aaaaaaaa' }))).toEqual(['annot0004', 'annot0003']);
    expect(ids(listAnnotations(rows, { sort: 'position', status: 'orphaned' }))).toEqual(['annot0003']);
    expect(ids(listAnnotations(rows, { sort: 'position', text: 'WRONG ashraf' }))).toEqual(['annot0002']);
  });

  it('folds the text filter as search does: `kalin` finds a passage quoting Kalın', () => {
    const kalin = {
      annotation: make('annot0005', 'cccccccc', 7, { quote: { exact: 'İbrahim Kalın', prefix: '', suffix: '' } }),
      article: trt,
    };
    expect(ids(listAnnotations([...rows, kalin], { sort: 'position', text: 'kalin' }))).toEqual(['annot0005']);
    expect(ids(listAnnotations([...rows, kalin], { sort: 'position', text: 'IBRAHIM' }))).toEqual(['annot0005']);
  });

  it('sorts by creation newest first by default, and pages', () => {
    const r = listAnnotations(rows, { sort: 'created', offset: 1, limit: 2 });
    expect(r.total).toBe(4);
    expect(ids(r)).toEqual(['annot0003', 'annot0002']);
  });
});
