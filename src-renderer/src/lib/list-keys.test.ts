import { describe, expect, it } from 'vitest';
import { targetRow } from './list-keys';

describe('list keyboard model', () => {
  it('moves by one, by a screen, and to either end, staying inside the list', () => {
    expect(targetRow('ArrowDown', 0, 10_000, 10)).toBe(1);
    expect(targetRow('ArrowUp', 0, 10_000, 10)).toBe(0);
    expect(targetRow('ArrowDown', 9_999, 10_000, 10)).toBe(9_999);
    expect(targetRow('End', 3, 10_000, 10)).toBe(9_999);
    expect(targetRow('Home', 9_999, 10_000, 10)).toBe(0);
    expect(targetRow('PageDown', 9_995, 10_000, 10)).toBe(9_999);
    expect(targetRow('PageUp', 25, 10_000, 10)).toBe(15);
    expect(targetRow('PageDown', 0, 10_000, 0)).toBe(1);
  });

  it('ignores other keys and empty lists', () => {
    expect(targetRow('a', 0, 10, 5)).toBeNull();
    expect(targetRow('Enter', 0, 10, 5)).toBeNull();
    expect(targetRow('End', 0, 0, 5)).toBeNull();
  });
});
