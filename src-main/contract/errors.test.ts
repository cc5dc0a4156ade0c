import { describe, expect, it } from 'vitest';
import { clip, clipPath } from './errors';

describe('clip: how much of a value a message repeats', () => {
  it('keeps short values whole and cuts long ones to the limit, with an ellipsis', () => {
    expect(clip('short', 10)).toBe('short');
    expect(clip('abcdefghij', 5)).toBe('abcd…');
    expect(clip('x'.repeat(5 * 1024 * 1024))).toHaveLength(200);
  });

  it('cuts the middle of a path, keeping the file name', () => {
    expect(clip('/a/very/long/path/to/file.txt', 15, 'ends')).toBe('/a/very…ile.txt');
    const path = `/home/${'d'.repeat(5000)}/report.txt`;
    expect(clipPath(path)).toHaveLength(300);
    expect(clipPath(path)).toMatch(/^\/home\/d+…d+\/report\.txt$/);
  });

  it('never splits a surrogate pair (an emoji, a rare CJK character)', () => {
    const emoji = '😀'.repeat(10);
    for (const max of [2, 3, 4, 5, 6]) {
      for (const keep of ['start', 'ends'] as const) {
        const cut = clip(emoji, max, keep);
        expect(cut.length, `${max} ${keep}`).toBeLessThanOrEqual(max);
        expect(cut.replace(/😀/g, '').replace('…', ''), `${max} ${keep}`).toBe('');
      }
    }
  });
});
