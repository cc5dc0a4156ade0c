import { describe, expect, it } from 'vitest';
import { CONTEXT_LENGTH, MAX_CONTEXT_LENGTH, describeQuote, matchQuote } from './text-quote';

describe('describeQuote', () => {
  it('keeps at least 32 characters of context on each side for later fuzzy re-anchoring', () => {
    const text = `${'a'.repeat(100)} unique words here ${'b'.repeat(100)}`;
    const start = text.indexOf('unique');
    const q = describeQuote(text, { start, end: start + 'unique words'.length });
    expect(q.exact).toBe('unique words');
    expect(q.prefix).toHaveLength(CONTEXT_LENGTH);
    expect(q.suffix).toHaveLength(CONTEXT_LENGTH);
  });

  it('lengthens the context as far as needed to make a repeated quote unique', () => {
    const sentence = 'The ministers met again in Ankara on Sunday. ';
    const text = `Intro A. ${sentence.repeat(3)}Then B.`;
    const second = text.indexOf(sentence) + sentence.length;
    const q = describeQuote(text, { start: second, end: second + 12 });
    expect(matchQuote(text, q)).toEqual([{ start: second, end: second + 12 }]);
    expect(Math.max(q.prefix.length, q.suffix.length)).toBeGreaterThan(CONTEXT_LENGTH);
    expect(q.prefix.length).toBeLessThanOrEqual(MAX_CONTEXT_LENGTH);
  });

  it('uses what there is at the edges of the text', () => {
    const q = describeQuote('Fidan said so.', { start: 0, end: 5 });
    expect(q).toEqual({ exact: 'Fidan', prefix: '', suffix: ' said so.' });
  });
});
