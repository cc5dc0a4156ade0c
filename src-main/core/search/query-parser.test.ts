import { describe, expect, it } from 'vitest';
import { MAX_QUERY_LENGTH, parseQuery } from './query-parser';

describe('parseQuery', () => {
  it('reads words as an AND of folded terms', () => {
    const { ast, hints } = parseQuery('Güler  Kalın');
    expect(ast.groups).toEqual([[{ kind: 'term', term: 'guler', raw: 'Güler' }], [{ kind: 'term', term: 'kalin', raw: 'Kalın' }]]);
    expect(hints).toEqual([]);
  });

  it('reads phrases, exclusions, OR and prefixes', () => {
    const { ast, hints } = parseQuery('"security of Syria" -Turkey ankara OR damascus sec*');
    expect(ast.groups).toEqual([
      [{ kind: 'phrase', terms: ['security', 'of', 'syria'], raw: '"security of Syria"' }],
      [
        { kind: 'term', term: 'ankara', raw: 'ankara' },
        { kind: 'term', term: 'damascus', raw: 'damascus' },
      ],
      [{ kind: 'prefix', prefix: 'sec', raw: 'sec*' }],
    ]);
    expect(ast.not).toEqual([{ kind: 'term', term: 'turkey', raw: '-Turkey' }]);
    expect(hints).toEqual([]);
  });

  it('chains OR and accepts a phrase on either side', () => {
    const { ast } = parseQuery('a1 OR "b c" OR d');
    expect(ast.groups).toHaveLength(1);
    expect(ast.groups[0]!.map((c) => c.kind)).toEqual(['term', 'phrase', 'term']);
  });

  it('turns a hyphenated name into a phrase', () => {
    expect(parseQuery('al-Shibani').ast.groups).toEqual([[{ kind: 'phrase', terms: ['al', 'shibani'], raw: 'al-Shibani' }]]);
  });

  it('reads every filter', () => {
    const { ast, hints } = parseQuery(
      'outlet:"New Arab" tag:Actor/Turkiye lang:ar before:2025-10-13 after:2025-10 in:notes verdict:false verdict:"Mostly true" talks',
    );
    expect(ast.filters).toEqual({
      outlet: [['new', 'arab']],
      tag: ['actor/turkiye'],
      lang: ['ar'],
      before: '2025-10-13',
      after: '2025-10-31',
      in: 'notes',
      verdict: ['false', 'mostly-true'],
    });
    expect(ast.groups).toHaveLength(1);
    expect(hints).toEqual([]);
  });

  it('reads verdict: as a rating id, a label as typed, or any, and never as words', () => {
    expect(parseQuery('verdict:any').ast).toMatchObject({ groups: [], filters: { verdict: ['any'] } });
    expect(parseQuery('VERDICT:False').ast.filters.verdict).toEqual(['false']);
    expect(parseQuery('verdict:"mostly  true" kalin').ast).toMatchObject({ filters: { verdict: ['mostly-true'] }, groups: [[{ term: 'kalin' }]] });
    const bad = parseQuery('verdict:"not/a rating!"');
    expect(bad.ast.filters.verdict).toEqual([]);
    expect(bad.hints.map((h) => h.message)).toEqual(['"verdict:"not/a rating!"" names no rating; try verdict:false, verdict:mostly-true or verdict:any']);
  });

  it('accepts language names and year-only dates', () => {
    const { ast } = parseQuery('lang:Arabic before:2025 after:2024');
    expect(ast.filters.lang).toEqual(['ar']);
    expect(ast.filters.before).toBe('2025-01-01');
    expect(ast.filters.after).toBe('2024-12-31');
  });

  it('folds the query with the search normaliser (Arabic)', () => {
    expect(parseQuery('الشَّيْبَانِيّ').ast.groups).toEqual([[{ kind: 'term', term: 'شيباني', raw: 'الشَّيْبَانِيّ' }]]);
  });

  it.each([
    ['before:2025-02-30', /before:/],
    ['after:yesterday', /after:/],
    ['lang:english!!', /language/],
    ['in:everything', /in:/],
    ['verdict:', /"verdict:" needs a value, e.g. verdict:false/],
    ['outlet:', /needs a value/],
    ['"unclosed phrase', /not closed/],
    ['OR', /both sides/],
    ['word OR', /nothing to join/],
    ['-word', /Excluding words alone/],
    ['a*', /at least 2 letters/],
    ['-outlet:trt', /cannot be negated/],
    ['outlt:trt talks', /is not a filter/],
    ['***', /no letters or digits/],
  ])('gives a hint for %j', (q, message) => {
    const { hints } = parseQuery(q);
    expect(hints.map((h) => h.message).join(' | ')).toMatch(message);
  });

  it('keeps the searchable part of a malformed query', () => {
    const { ast } = parseQuery('"security of syria');
    expect(ast.groups).toEqual([[{ kind: 'phrase', terms: ['security', 'of', 'syria'], raw: '"security of syria' }]]);
  });

  describe('bad input never throws and returns quickly', () => {
    const cases: [string, string][] = [
      ['10,000 characters', 'guler '.repeat(1700)],
      ['one 10,000-character word', 'x'.repeat(10_000)],
      ['a lone quote', '"'],
      ['three quotes', '"""'],
      ['only operators', 'OR - -- * || "" OR'],
      ['regex metacharacters', '.*+?^${}()|[]\\ (a|b)* [^x] \\d+'],
      ['RTL marks and control characters', '\u200F\u202Eguler\u202C\u0000\u0007\u001B[31m\u2066كالن\u2069'],
      ['unpaired surrogates', '\uD800abc\uDFFF'],
      ['only whitespace', ' \t\n '],
      ['filters only', 'outlet: tag: lang: before: after: in:'],
    ];
    it.each(cases)('%s', (_label, q) => {
      const t = performance.now();
      const parsed = parseQuery(q);
      expect(performance.now() - t).toBeLessThan(200);
      expect(parsed.ast.groups.length + parsed.ast.not.length).toBeLessThanOrEqual(32);
      for (const g of parsed.ast.groups)
        for (const c of g) {
          if (c.kind === 'term') expect(c.term).toMatch(/^[\p{L}\p{N}]+$/u);
        }
    });

    it('cuts long queries with a hint', () => {
      const { hints } = parseQuery('a '.repeat(MAX_QUERY_LENGTH));
      expect(hints.some((h) => /cut/.test(h.message))).toBe(true);
    });

    it('strips bidi and control characters before reading words', () => {
      expect(parseQuery('\u200Fguler\u200E').ast.groups).toEqual([[{ kind: 'term', term: 'guler', raw: 'guler' }]]);
    });
  });
});
