import { describe, expect, it } from 'vitest';
import { tagCreditText } from './tag-credit';

describe('tagCreditText', () => {
  it('names who put the tag on and the day', () => {
    expect(tagCreditText({ by: 'Ana', at: '2026-12-02T15:04:05.000Z' })).toBe('added by Ana, 2026-12-02');
  });
  it('writes the day as the caller formats it', () => {
    expect(tagCreditText({ by: 'Ana', at: '2026-12-02T15:04:05.000Z' }, (d) => `day ${d}`)).toBe('added by Ana, day 2026-12-02');
  });
  it('says only when for a tag put on outside a team, and nothing for one from before credits', () => {
    expect(tagCreditText({ by: null, at: '2026-12-02T15:04:05.000Z' })).toBe('added 2026-12-02');
    expect(tagCreditText({ by: 'Ben', at: null })).toBe('added by Ben');
    expect(tagCreditText({ by: null, at: null })).toBeNull();
  });
});
