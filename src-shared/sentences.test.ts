import { describe, expect, it } from 'vitest';
import { articleSentences, splitSentences } from './sentences';

const texts = (t: string, lang: string | null = 'en') => splitSentences(t, lang).map((p) => t.slice(p.start, p.end));

describe('the one sentence splitter', () => {
  it.each([
    ['Mr. Smith and Mrs. Jones met Dr. Ali. They left.', ['Mr. Smith and Mrs. Jones met Dr. Ali.', 'They left.']],
    [
      'Sen. Rand Paul, Rep. Jan Schakowsky, Gov. Gavin Newsom and Gen. Mark Milley spoke. Nobody agreed.',
      ['Sen. Rand Paul, Rep. Jan Schakowsky, Gov. Gavin Newsom and Gen. Mark Milley spoke.', 'Nobody agreed.'],
    ],
    [
      'A mob stormed the U.S. Capitol on Jan. 6. The U.K. Parliament and the U.N. Security Council condemned it.',
      ['A mob stormed the U.S. Capitol on Jan. 6.', 'The U.K. Parliament and the U.N. Security Council condemned it.'],
    ],
    [
      'Talks resume in Sept. 2026, e.g. Geneva, i.e. Switzerland. Then Ankara vs. Damascus.',
      ['Talks resume in Sept. 2026, e.g. Geneva, i.e. Switzerland.', 'Then Ankara vs. Damascus.'],
    ],
    [
      'No. 10 said nothing on Feb. 3, Mar. 4 or Dec. 25. Later it did.',
      ['No. 10 said nothing on Feb. 3, Mar. 4 or Dec. 25.', 'Later it did.'],
    ],
    ['J. K. Rowling and George W. Bush wrote. Both agreed.', ['J. K. Rowling and George W. Bush wrote.', 'Both agreed.']],
    ['Prices rose 3.5 percent. Then they fell... Nobody knew why.', ['Prices rose 3.5 percent.', 'Then they fell...', 'Nobody knew why.']],
    [
      'He said, “We will go.” The minister left (for now.) Others stayed.',
      ['He said, “We will go.”', 'The minister left (for now.)', 'Others stayed.'],
    ],
    ['The storm hit at 5 p.m. Saturday. It passed.', ['The storm hit at 5 p.m. Saturday.', 'It passed.']],
  ])('%j', (text, expected) => {
    expect(texts(text)).toEqual(expected);
  });

  it('still ends a sentence on an acronym when the next one starts', () => {
    expect(texts('He moved to the U.S. In 2010 he founded a firm.')).toEqual(['He moved to the U.S.', 'In 2010 he founded a firm.']);
    expect(texts('Migration to the U.S. “The goal is clear,” she said.')).toEqual([
      'Migration to the U.S.',
      '“The goal is clear,” she said.',
    ]);
  });

  it('splits Arabic and Turkish at their own full stops', () => {
    expect(texts('التقى الوزير نظيره في أنقرة. وناقشا التعاون الأمني؟ نعم.', 'ar')).toEqual([
      'التقى الوزير نظيره في أنقرة.',
      'وناقشا التعاون الأمني؟',
      'نعم.',
    ]);
    expect(texts('Dr. Kalın konuştu. İş birliğimiz güçlenecek.', 'tr')).toEqual(['Dr. Kalın konuştu.', 'İş birliğimiz güçlenecek.']);
  });

  it('attaches a lone ellipsis or quote mark to the sentence before, and drops text without words', () => {
    expect(texts('He paused. …')).toEqual(['He paused. …']);
    expect(texts(' … — ')).toEqual([]);
  });

  it('works block by block in body offsets, never across paragraphs, skipping blocks outside the body', () => {
    const body = 'Mr. Fidan spoke. He left.\n\nKalın stayed.';
    const blocks = [
      { start: 0, end: 25, lang: null },
      { start: null, end: null, lang: null },
      { start: 27, end: body.length, lang: 'tr' },
    ];
    expect(articleSentences(body, blocks, 'en').map((s) => [body.slice(s.start, s.end), s.block])).toEqual([
      ['Mr. Fidan spoke.', 0],
      ['He left.', 0],
      ['Kalın stayed.', 2],
    ]);
  });
});
