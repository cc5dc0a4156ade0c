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
    expect(resolution(field({ kind: 'article', detail: 'text' }), 'mine')).toEqual({ kind: 'dismiss' });
  });

  it('keeping the other side of a field sets the other value here, as a new edit', () => {
    expect(resolution(field(), 'theirs')).toEqual({ kind: 'apply', articleId: 'a1', field: 'outlet', value: 'Reuters' });
    // The other copy's edit was the later one: keeping mine brings this copy's value back.
    expect(resolution(field({ keptSide: 'theirs', kept: 'Reuters', other: 'AP' }), 'mine')).toEqual({ kind: 'apply', articleId: 'a1', field: 'outlet', value: 'AP' });
    // A correction to "none" is a value too.
    expect(resolution(field({ other: null }), 'theirs')).toEqual({ kind: 'apply', articleId: 'a1', field: 'outlet', value: null });
  });

  it("a story's name and a tag's colour are recorded whole: either side can be kept", () => {
    const story = field({ kind: 'story', articleId: null, detail: 's1', kept: 'Border talks (Ben)', other: 'Border talks (Ada)' });
    expect(resolution(story, 'theirs')).toEqual({ kind: 'story-name', storyId: 's1', name: 'Border talks (Ada)' });
    expect(undoResolution(story)).toEqual({ kind: 'story-name', storyId: 's1', name: 'Border talks (Ben)' });
    const colour = field({ kind: 'tag-colour', articleId: null, detail: 'security', kept: '#0000aa', other: null, keptSide: 'theirs' });
    // Mine had no colour: keeping mine takes the colour off.
    expect(resolution(colour, 'mine')).toEqual({ kind: 'tag-colour', tag: 'security', color: null });
    expect(undoResolution(colour)).toEqual({ kind: 'tag-colour', tag: 'security', color: '#0000aa' });
  });

  it('an annotation and a saved search are settled from their whole values', () => {
    const note = field({ kind: 'annotation', detail: 'n1', kept: 'my note', other: 'their note', keptValue: '{"mine":1}', otherValue: '{"theirs":1}' });
    expect(resolution(note, 'theirs')).toEqual({ kind: 'annotation', articleId: 'a1', annotationId: 'n1', body: '{"theirs":1}' });
    expect(undoResolution(note)).toEqual({ kind: 'annotation', articleId: 'a1', annotationId: 'n1', body: '{"mine":1}' });
    const search = field({ kind: 'saved-search', articleId: null, detail: 'q1', kept: 'a', other: 'b', keptValue: '{"k":1}', otherValue: '{"o":1}', keptSide: 'theirs' });
    expect(resolution(search, 'mine')).toEqual({ kind: 'saved-search', searchId: 'q1', body: '{"o":1}' });
  });

  it("an article's text, its two texts kept beside the conflict, is settled either way and undone", () => {
    const text = field({ kind: 'article', detail: 'text', kept: '900 words', other: '910 words', keptSide: 'theirs', textsKept: true });
    expect(resolution(text, 'mine')).toEqual({ kind: 'text', articleId: 'a1', conflictId: 'c1', side: 'other' });
    expect(resolution(text, 'theirs')).toEqual({ kind: 'dismiss' });
    expect(resolution({ ...text, keptSide: 'mine' }, 'theirs')).toEqual({ kind: 'text', articleId: 'a1', conflictId: 'c1', side: 'other' });
    expect(undoResolution(text)).toEqual({ kind: 'text', articleId: 'a1', conflictId: 'c1', side: 'kept' });
    // A text conflict names its article: one that does not is refused, not guessed.
    expect(resolution({ ...text, articleId: null }, 'mine')).toEqual({ problem: expect.stringMatching(/before conflicts kept both texts/) });
  });

  it('a conflict recorded in summary only (a text, or one from before whole values) can only be dismissed', () => {
    const older = field({ kind: 'annotation', detail: 'n1', kept: 'my note', other: 'their note' });
    expect(resolution(older, 'mine')).toEqual({ kind: 'dismiss' });
    expect(resolution(older, 'theirs')).toEqual({ problem: expect.stringMatching(/^Only your version can be kept .*before conflicts kept the whole annotation/) });
    const text = field({ kind: 'article', detail: 'text', kept: '900 words', other: '910 words', keptSide: 'theirs' });
    expect(resolution(text, 'mine')).toEqual({ problem: expect.stringMatching(/Only Ada's version .*before conflicts kept both texts/) });
  });

  it('the undo puts the value kept before back', () => {
    expect(undoResolution(field())).toEqual({ kind: 'apply', articleId: 'a1', field: 'outlet', value: 'AP' });
    expect(undoResolution(field({ kind: 'article', detail: 'text' }))).toEqual({ kind: 'dismiss' });
  });
});
