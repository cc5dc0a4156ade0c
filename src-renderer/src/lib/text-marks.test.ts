import { describe, expect, it } from 'vitest';
import { segmentText } from './text-marks';

describe('segmentText', () => {
  it('returns the whole text when no mark touches it', () => {
    expect(segmentText('hello world', 100, [{ start: 0, end: 5, kind: 'a', id: '1' }])).toEqual([
      { start: 100, end: 111, text: 'hello world', marks: [] },
    ]);
  });

  it('splits overlapping marks into runs that carry each mark they fall in', () => {
    const segs = segmentText('abcdefgh', 10, [
      { start: 11, end: 15, kind: 'annotation', id: 'a' },
      { start: 13, end: 17, kind: 'search-hit', id: 'h' },
    ]);
    expect(segs.map((s) => [s.text, s.marks.map((m) => m.id).join('+')])).toEqual([
      ['a', ''],
      ['bc', 'a'],
      ['de', 'a+h'],
      ['fg', 'h'],
      ['h', ''],
    ]);
    expect(segs.map((s) => s.text).join('')).toBe('abcdefgh');
  });

  it('clips marks that start before or end after the block', () => {
    const segs = segmentText('xyz', 5, [{ start: 0, end: 6, kind: 'k', id: 'm' }]);
    expect(segs.map((s) => [s.text, s.marks.length])).toEqual([
      ['x', 1],
      ['yz', 0],
    ]);
  });

  it('ignores empty marks', () => {
    expect(segmentText('xyz', 0, [{ start: 1, end: 1, kind: 'k', id: 'm' }])).toHaveLength(1);
  });
});
