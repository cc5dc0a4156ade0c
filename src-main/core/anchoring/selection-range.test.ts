import { describe, expect, it } from 'vitest';
import { findSelection } from './selection-range';

const body = 'Talks resumed on Thursday.\n\nBoth sides said the mediator had proposed a deal.\n\nThe mediator expects an answer by Monday.';

describe('placing a selection made in the browser', () => {
  it('matches words across the line breaks and spaces the page laid out', () => {
    const r = findSelection(body, '  the mediator had\n   proposed a deal. ');
    expect(r && body.slice(r.start, r.end)).toBe('the mediator had proposed a deal.');
    const across = findSelection(body, 'Thursday.\nBoth sides');
    expect(across && body.slice(across.start, across.end)).toBe('Thursday.\n\nBoth sides');
  });

  it('places nothing it finds twice or not at all, and treats the selection as text, not a pattern', () => {
    expect(findSelection(body, 'mediator')).toBeNull();
    expect(findSelection(body, 'a passage from another page')).toBeNull();
    expect(findSelection(body, '   ')).toBeNull();
    expect(findSelection(body, 'Thursday.*Monday')).toBeNull();
    expect(findSelection('Costs rose (sharply) by 5%.', '(sharply) by 5%.')).toEqual({ start: 11, end: 27 });
  });
});
