import { describe, expect, it } from 'vitest';
import { segmentArticle } from './sentences';

/** The sentences alignment works on, of a one-paragraph article. */
const texts = (t: string, lang: string | null = 'en') =>
  segmentArticle({
    body: t,
    language: lang,
    blocks: [{ kind: 'paragraph', text: t, reason: null, lang: null, post: null, start: 0, end: t.length }],
  }).map((s) => s.text);

describe('sentence segmentation', () => {
  it('keeps abbreviations and initials inside their sentence', () => {
    expect(texts('The U.S. envoy met Mr. Smith on Oct. 12 in Ankara. He left.')).toEqual([
      'The U.S. envoy met Mr. Smith on Oct. 12 in Ankara.',
      'He left.',
    ]);
  });
  it('keeps a dotted acronym before a capital inside its sentence ("U.S. Capitol", "Sen. Paul (R-Ky.)")', () => {
    expect(texts('A mob stormed the U.S. Capitol on Jan. 6. Sen. Rand Paul (R-Ky.) objected.')).toEqual([
      'A mob stormed the U.S. Capitol on Jan. 6.',
      'Sen. Rand Paul (R-Ky.) objected.',
    ]);
  });
  it('ends a sentence on a.m./p.m. unless a time zone or a day follows', () => {
    expect(texts('The vote closed at 5 p.m. Police said the count was quiet. It opens at 9 a.m. EST on Monday.')).toEqual([
      'The vote closed at 5 p.m.',
      'Police said the count was quiet.',
      'It opens at 9 a.m. EST on Monday.',
    ]);
  });
  it('splits Arabic at its own full stops and question marks', () => {
    expect(texts('التقى الوزير نظيره في أنقرة. وناقشا التعاون الأمني؟ نعم.', 'ar')).toEqual([
      'التقى الوزير نظيره في أنقرة.',
      'وناقشا التعاون الأمني؟',
      'نعم.',
    ]);
  });
  it('splits Turkish, dotted and dotless i intact', () => {
    expect(texts('Suriye ile temasları sürdürüyoruz. İş birliğimiz güçlenecek.', 'tr')).toEqual([
      'Suriye ile temasları sürdürüyoruz.',
      'İş birliğimiz güçlenecek.',
    ]);
  });
  it('cuts text without any punctuation into windows instead of one giant sentence', () => {
    const words = Array.from({ length: 200 }, (_, i) => `word${i}`).join(' ');
    const parts = texts(words);
    expect(parts.length).toBeGreaterThan(3);
    expect(parts.join(' ')).toBe(words);
  });
  it('keeps a run of 60 words whole and cuts one of 61, counting words apart at any white space (no-break space too)', () => {
    const sixty = Array.from({ length: 60 }, (_, i) => `w${i}`).join('\u00a0 ');
    expect(texts(sixty)).toEqual([sixty]);
    const sixtyOne = `${sixty}\u00a0w60`;
    const parts = texts(sixtyOne);
    expect(parts).toHaveLength(2);
    expect(parts[0]!.split(/\s+/)).toHaveLength(35);
    expect(parts[1]!.split(/\s+/)).toHaveLength(26);
  });
  it('returns nothing for empty or punctuation-only text', () => {
    expect(texts('')).toEqual([]);
    expect(texts(' … — ')).toEqual([]);
  });
});
