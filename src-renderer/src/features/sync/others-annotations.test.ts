import { describe, expect, it } from 'vitest';
import { isOthers, visibleAnnotations } from './others-annotations';

describe("others' annotations", () => {
  const list = [{ id: 'a', author: 'Ada' }, { id: 'b', author: 'Ben' }, { id: 'c' }];
  it("counts one with another member's name as theirs, and one with no name as this user's", () => {
    expect(list.map((a) => isOthers(a, 'Ada'))).toEqual([false, true, false]);
    expect(list.map((a) => isOthers(a, null))).toEqual([true, true, false]);
  });
  it('hides only the others when asked to', () => {
    expect(visibleAnnotations(list, 'Ada', false).map((a) => a.id)).toEqual(['a', 'c']);
    expect(visibleAnnotations(list, 'Ada', true).map((a) => a.id)).toEqual(['a', 'b', 'c']);
  });
});
