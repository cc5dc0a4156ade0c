import { describe, expect, it } from 'vitest';
import { effectiveColor } from './tags';

describe('effectiveColor (the one rule the tag list and the chips use)', () => {
  it('takes a tag’s own colour, else its nearest ancestor’s', () => {
    const colors = { topic: '#111111', 'topic/security': '#222222' };
    expect(effectiveColor('topic/security/cyber', colors)).toBe('#222222');
    expect(effectiveColor('topic/economy', colors)).toBe('#111111');
    expect(effectiveColor('other', colors)).toBeNull();
  });
  it('never reads a colour from the object’s prototype (tags called constructor or toString)', () => {
    expect(effectiveColor('constructor', {})).toBeNull();
    expect(effectiveColor('toString/child', {})).toBeNull();
    expect(effectiveColor('a', { a: null })).toBeNull();
  });
});
