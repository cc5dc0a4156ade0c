import { describe, expect, it } from 'vitest';
import type { SyncConflict } from '@contract';
import { conflictSubject, conflictValues } from './conflict-text';

const c = (over: Partial<SyncConflict>): SyncConflict => ({
  id: 'c1',
  at: '2026-01-02T00:00:00.000Z',
  kind: 'article-meta',
  articleId: 'a1',
  detail: 'outlet',
  kept: 'AP',
  other: 'Reuters',
  otherAuthor: 'Ada',
  theirsAt: '2026-01-01T00:00:00.000Z',
  keptSide: 'mine',
  ...over,
});

describe('a conflict in words', () => {
  it("names this copy's value and the other's whichever was kept, and a value taken away as none", () => {
    expect(conflictValues(c({}))).toEqual({ mine: 'AP', theirs: 'Reuters' });
    expect(conflictValues(c({ keptSide: 'theirs', kept: 'Reuters', other: null }))).toEqual({ mine: 'none', theirs: 'Reuters' });
  });
  it('says what it was about', () => {
    expect(conflictSubject(c({}))).toBe('The outlet of article a1');
    expect(conflictSubject(c({ kind: 'tag-colour', articleId: null, detail: 'claim' }))).toBe('The colour of tag claim');
  });
});
