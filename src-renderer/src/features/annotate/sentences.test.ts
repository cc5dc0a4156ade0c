import { describe, expect, it } from 'vitest';
import type { Block } from '@contract';
import { moveCursor, sentenceRanges } from './sentences';

const block = (text: string, start: number): Block => ({
  kind: 'paragraph',
  text,
  reason: null,
  lang: null,
  post: null,
  start,
  end: start + text.length,
});

describe('keyboard passage choice', () => {
  const body = 'Fidan spoke first. He said more.\n\nKalin did not speak.';
  const blocks = [block('Fidan spoke first. He said more.', 0), block('Kalin did not speak.', 34)];
  const sentences = sentenceRanges({ body, blocks, language: 'en' });
  const text = (r: { start: number; end: number } | null) => (r ? body.slice(r.start, r.end) : null);

  it('splits blocks into sentences with body offsets', () => {
    expect(sentences.map(text)).toEqual(['Fidan spoke first.', 'He said more.', 'Kalin did not speak.']);
  });

  it('moves, grows and shrinks the choice', () => {
    let c = moveCursor(sentences, null, ']');
    expect(text(c)).toBe('Fidan spoke first.');
    c = moveCursor(sentences, c, ']');
    expect(text(c)).toBe('He said more.');
    c = moveCursor(sentences, c, '}');
    expect(text(c)).toBe('He said more.\n\nKalin did not speak.');
    c = moveCursor(sentences, c, '{');
    expect(text(c)).toBe('He said more.');
    c = moveCursor(sentences, c, '[');
    expect(text(c)).toBe('Fidan spoke first.');
    expect(text(moveCursor(sentences, c, '['))).toBe('Fidan spoke first.');
    expect(text(moveCursor(sentences, null, '['))).toBe('Kalin did not speak.');
  });
});

describe('sentences the reader picks with ] and [', () => {
  it('do not end after "Mr.", "Oct." or "U.S.", as the comparison’s do not (one splitter)', () => {
    const body = 'The U.S. envoy met Mr. Smith on Oct. 12 in Ankara. He left.';
    const ranges = sentenceRanges({ body, blocks: [block(body, 0)], language: 'en' });
    expect(ranges.map((r) => body.slice(r.start, r.end))).toEqual(['The U.S. envoy met Mr. Smith on Oct. 12 in Ankara.', 'He left.']);
  });
});
