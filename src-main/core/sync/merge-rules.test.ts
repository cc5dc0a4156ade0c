import { describe, expect, it } from 'vitest';
import { applyMetaDelta, applySetDelta, clashingFields, metaDelta, pickRecord, pickStory, setDelta } from './merge-rules';
import { stableJson } from './sync-units';

describe('tags as deltas', () => {
  it('keeps tags added on both laptops, in whichever order the server has them', () => {
    const base = ['a'];
    const mine = setDelta(base, ['a', 'mine']);
    const theirs = setDelta(base, ['a', 'theirs']);
    expect(applySetDelta(applySetDelta(base, mine), theirs)).toEqual(['a', 'mine', 'theirs']);
    expect(applySetDelta(applySetDelta(base, theirs), mine)).toEqual(['a', 'mine', 'theirs']);
  });
  it('applies a removal made on either side', () => {
    const d = setDelta(['a', 'b'], ['b']);
    expect(d).toEqual({ add: [], remove: ['a'] });
    expect(applySetDelta(['a', 'b', 'c'], d)).toEqual(['b', 'c']);
  });
  it('leaves the tags this copy changed later alone', () => {
    expect(applySetDelta(['x'], { add: [], remove: ['x'] }, new Set(['x']))).toEqual(['x']);
  });
});

describe('metadata corrections as deltas', () => {
  it('sends only the fields that changed, and a removed correction', () => {
    expect(metaDelta({ title: 'T', author: 'A' }, { title: 'T2', outlet: null })).toEqual({ set: { title: 'T2', outlet: null }, unset: ['author'] });
  });
  it('takes a field only the other side changed and keeps one only this side changed', () => {
    const local = { title: 'T', author: 'Ada' };
    const delta = metaDelta({ title: 'T' }, { title: 'T2' });
    const { keepLocal, conflicts } = clashingFields({ title: 'T' }, local, delta, true);
    expect(conflicts).toEqual([]);
    expect(applyMetaDelta(local, delta, keepLocal)).toEqual({ title: 'T2', author: 'Ada' });
  });
  it('keeps the later edit of a field changed on both sides and reports the other', () => {
    const delta = metaDelta({}, { outlet: 'AP' });
    const earlier = clashingFields({}, { outlet: 'Reuters' }, delta, false);
    expect(earlier.conflicts).toEqual([{ field: 'outlet', kept: 'AP', other: 'Reuters' }]);
    expect(applyMetaDelta({ outlet: 'Reuters' }, delta, earlier.keepLocal)).toEqual({ outlet: 'AP' });
    const later = clashingFields({}, { outlet: 'Reuters' }, delta, true);
    expect(later.conflicts).toEqual([{ field: 'outlet', kept: 'Reuters', other: 'AP' }]);
    expect(applyMetaDelta({ outlet: 'Reuters' }, delta, later.keepLocal)).toEqual({ outlet: 'Reuters' });
  });
  it('treats the same change on both sides as agreement', () => {
    expect(clashingFields({}, { outlet: 'AP' }, metaDelta({}, { outlet: 'AP' }), false).conflicts).toEqual([]);
  });
});

describe('pickRecord', () => {
  const at = (t: string) => `2026-12-01T10:00:${t}Z`;
  it('brings an annotation edited on one side and deleted on the other back with its edit', () => {
    expect(pickRecord({ value: null, changed: true, editedAt: at('09') }, { value: 'edited', changed: true, editedAt: at('01') })).toEqual({ value: 'edited', conflict: null });
    expect(pickRecord({ value: 'edited', changed: true, editedAt: at('01') }, { value: null, changed: true, editedAt: at('09') })).toEqual({ value: 'edited', conflict: null });
  });
  it('deletes when this side did not change it', () => {
    expect(pickRecord({ value: 'same', changed: false, editedAt: at('01') }, { value: null, changed: true, editedAt: at('02') })).toEqual({ value: null, conflict: null });
  });
  it('keeps the later of two edits and reports the other', () => {
    expect(pickRecord({ value: 'mine', changed: true, editedAt: at('05') }, { value: 'theirs', changed: true, editedAt: at('04') })).toEqual({ value: 'mine', conflict: 'theirs' });
    expect(pickRecord({ value: 'mine', changed: true, editedAt: at('03') }, { value: 'theirs', changed: true, editedAt: at('04') })).toEqual({ value: 'theirs', conflict: 'mine' });
  });
});

describe('pickStory', () => {
  const at = (t: string) => `2026-12-01T10:00:${t}Z`;
  const local = (value: string | null, nameChanged: boolean, articlesChanged: boolean, t = '05') => ({ value, nameChanged, articlesChanged, editedAt: at(t) });
  it('keeps a story whose articles were changed here when another copy deleted it', () => {
    expect(pickStory(local('Quake', false, true), { value: null, editedAt: at('09') })).toEqual({ value: 'Quake', conflict: null });
  });
  it('deletes a story nobody here changed', () => {
    expect(pickStory(local('Quake', false, false), { value: null, editedAt: at('01') })).toEqual({ value: null, conflict: null });
  });
  it('brings back a story deleted here that another copy renamed', () => {
    expect(pickStory(local(null, true, false, '09'), { value: 'Quake, day 2', editedAt: at('01') })).toEqual({ value: 'Quake, day 2', conflict: null });
  });
  it('takes a new name when only the articles were changed here: no conflict', () => {
    expect(pickStory(local('Quake', false, true, '09'), { value: 'Quake, day 2', editedAt: at('01') })).toEqual({ value: 'Quake, day 2', conflict: null });
  });
  it('keeps the later of two renames and reports the other', () => {
    expect(pickStory(local('Mine', true, false, '09'), { value: 'Theirs', editedAt: at('01') })).toEqual({ value: 'Mine', conflict: 'Theirs' });
    expect(pickStory(local('Mine', true, false, '01'), { value: 'Theirs', editedAt: at('09') })).toEqual({ value: 'Theirs', conflict: 'Mine' });
  });
  it("merges two copies' article lists as sets", () => {
    const base = ['a1', 'a2'];
    const mine = setDelta(base, ['a1', 'a2', 'a3']);
    const theirs = setDelta(base, ['a2', 'a4']);
    expect(applySetDelta(applySetDelta(base, mine), theirs)).toEqual(['a2', 'a3', 'a4']);
    expect(applySetDelta(applySetDelta(base, theirs), mine)).toEqual(['a2', 'a3', 'a4']);
  });
});

describe('stableJson', () => {
  it('gives the same text whatever order the keys were written in', () => {
    expect(stableJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(stableJson({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }));
    expect(stableJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });
});
