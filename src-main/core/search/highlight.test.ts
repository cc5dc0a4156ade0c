import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeSnippets, markSnippet, matchText, quickSatisfies, satisfies } from './highlight';
import { parseQuery } from './query-parser';

describe('matchText and snippets', () => {
  it('marks the words typed and their stemmed forms, in the text as written', () => {
    const text = 'The Election, two elections, and the electorate.';
    const { ast } = parseQuery('elections', ['en']);
    const { hits } = matchText(text, ast, 'en');
    expect(hits.map((h) => text.slice(h.start, h.end))).toEqual(['Election', 'elections']);
    // Without the language the text is not stemmed, and only the form typed is marked.
    expect(matchText(text, ast).hits.map((h) => text.slice(h.start, h.end))).toEqual(['elections']);
    // quickSatisfies would compare the stem with the words as written: it leaves stemmed texts to the tokeniser.
    expect(quickSatisfies([text], ast, 'en')).toBeNull();
  });

  it('marks hits in the original text, phrases as one range', () => {
    const text = 'Yaşar Güler met Kalın. Later, GULER and kalin spoke.';
    const { hits } = matchText(text, parseQuery('guler "later guler"').ast);
    expect(hits.map((h) => text.slice(h.start, h.end))).toEqual(['Güler', 'Later, GULER']);
  });

  it('builds snippets around hits with relative highlights, never cutting words', () => {
    const text = `${'Opening words fill the lead paragraph. '.repeat(10)}Here Güler speaks.\n\nMore text ${'after that point '.repeat(20)}and Guler again.`;
    const { hits } = matchText(text, parseQuery('guler').ast);
    const snippets = makeSnippets(text, hits);
    expect(snippets).toHaveLength(2);
    for (const s of snippets) {
      expect(s.text.slice(s.highlights[0]!.start, s.highlights[0]!.end)).toMatch(/^G[uü]ler$/);
      expect(text.slice(s.offset, s.offset + s.text.length).replace(/\n/g, ' ')).toBe(s.text);
      expect(/\w/.test(text[s.offset - 1] ?? ' ')).toBe(false);
    }
    expect(markSnippet(snippets[0]!)).toContain('[[Güler]]');
  });

  it('quickSatisfies agrees with tokenising on ASCII text, and steps aside otherwise', () => {
    const texts = [
      'The security talks were held in Ankara.',
      'Security; talks! About security-talks and more',
      'talks security',
      'secure talking',
      'The “security talks” cost £2m — security’s talks…',
      'Security\u00a0talks, at 5\u00b0C; security\u2013talks',
    ];
    const queries = [
      '"security talks"',
      'security -ankara',
      'secu* talk*',
      'ankara OR more',
      '"talks security" -held',
      'security talks -"security talks"',
    ];
    for (const q of queries) {
      const { ast } = parseQuery(q);
      for (const t of texts) expect(quickSatisfies([t], ast)).toBe(satisfies([matchText(t, ast)], ast));
    }
    const agreed = texts.flatMap((t) => queries.map((q) => quickSatisfies([t], parseQuery(q).ast)));
    expect(agreed).not.toContain(null); // punctuation and symbols outside ASCII keep the quick path
    expect(quickSatisfies(['Güler'], parseQuery('guler').ast)).toBeNull();
    expect(quickSatisfies(['talks ２ security'], parseQuery('talks').ast)).toBeNull(); // a full-width digit is a word
    expect(quickSatisfies(['secu\u200Brity talks'], parseQuery('"security talks"').ast)).toBeNull(); // a format character joins
    expect(quickSatisfies(['plain'], parseQuery('غولر').ast)).toBeNull();
  });
  it('quickSatisfies agrees with tokenising on any mix of ASCII words and non-ASCII punctuation (property)', () => {
    const words = fc.constantFrom('security', 'talks', 'Security', 'ankara', 'held', 'the', 'secure', 'talking');
    const gaps = fc.constantFrom(' ', ', ', '’', '“', '” ', ' — ', '£', ' – ', '\u00a0', "'", '-', '…', '\n');
    const text = fc.array(fc.tuple(words, gaps), { maxLength: 12 }).map((xs) => xs.map(([w, g]) => w + g).join(''));
    const queries = ['"security talks"', 'security -ankara', 'secu* talk*', '"talks security" -held', 'the OR held'].map(
      (q) => parseQuery(q).ast,
    );
    fc.assert(
      fc.property(text, (t) => queries.every((ast) => quickSatisfies([t], ast) === satisfies([matchText(t, ast)], ast))),
      { numRuns: 500 },
    );
  });
});
