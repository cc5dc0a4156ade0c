import { describe, expect, it } from 'vitest';
import type { SyncConflict } from '../../contract';
import { resolution, undoResolution } from './resolve-conflict';

const field = (over: Partial<SyncConflict> = {}): SyncConflict => ({
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

describe('settling a conflict', () => {
  it('keeping the side already kept only dismisses it: the value here stays', () => {
    expect(resolution(field(), 'mine')).toEqual({ kind: 'dismiss' });
    expect(resolution(field({ keptSide: 'theirs' }), 'theirs')).toEqual({ kind: 'dismiss' });
  });

  it("keeping the other side of a field sets the other value here, as a new edit", () => {
    expect(resolution(field(), 'theirs')).toEqual({ kind: 'apply', articleId: 'a1', field: 'outlet', value: 'Reuters' });
    // The other copy's edit was the later one: keeping mine brings this copy's value back.
    expect(resolution(field({ keptSide: 'theirs', kept: 'Reuters', other: 'AP' }), 'mine')).toEqual({ kind: 'apply', articleId: 'a1', field: 'outlet', value: 'AP' });
    // A correction to "none" is a value too.
    expect(resolution(field({ other: null }), 'theirs')).toEqual({ kind: 'apply', articleId: 'a1', field: 'outlet', value: null });
  });

  it('a conflict that records the other version only in summary can only be dismissed', () => {
    const note = field({ kind: 'annotation', detail: 'n1', kept: 'my note', other: 'their note' });
    expect(resolution(note, 'mine')).toEqual({ kind: 'dismiss' });
    expect(resolution(note, 'theirs')).toEqual({ problem: expect.stringMatching(/Only your version can be kept/) });
    const text = field({ kind: 'article', detail: 'text', kept: '900 words', other: '910 words', keptSide: 'theirs' });
    expect(resolution(text, 'mine')).toEqual({ problem: expect.stringMatching(/Only Ada's version/) });
  });

  it('the undo puts the value kept before back', () => {
    expect(undoResolution(field())).toEqual({ kind: 'apply', articleId: 'a1', field: 'outlet', value: 'AP' });
    expect(undoResolution(field({ kind: 'story', articleId: null }))).toEqual({ kind: 'dismiss' });
  });
});
