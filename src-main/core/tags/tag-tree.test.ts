import { describe, expect, it } from 'vitest';
import { canonicalTag } from '../../contract';
import { addTo, ancestors, effectiveColor, isCycle, isUnder, removeFrom, renameIn, summariseTags } from './tag-tree';

describe('canonicalTag', () => {
  it.each([
    ['claim/attribution', 'claim/attribution'],
    ['  #topic / security  ', 'topic/security'],
    ['border   security', 'border security'],
    ['émotion/😃 joy', 'émotion/😃 joy'],
    ['فاعل/تركيا', 'فاعل/تركيا'],
    ['Cafe\u0301', 'Café'],
  ])('%j -> %j', (input, expected) => {
    expect(canonicalTag(input)).toEqual({ ok: true, tag: expected });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['a//b', 'empty level'],
    ['/a', 'empty level'],
    ['a/', 'empty level'],
    ['a,b', 'comma'],
    ['line\nbreak', 'control'],
    ['x'.repeat(121), 'at most'],
  ])('rejects %j (%s)', (input, why) => {
    const r = canonicalTag(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(why);
  });

  it('keeps HTML as plain characters (rendering escapes it)', () => {
    expect(canonicalTag('<img src=x onerror=alert(1)>')).toEqual({ ok: true, tag: '<img src=x onerror=alert(1)>' });
  });
});

describe('hierarchy', () => {
  it('treats children as under their parent and nothing else', () => {
    expect(isUnder('topic/security', 'topic')).toBe(true);
    expect(isUnder('topic', 'topic')).toBe(true);
    expect(isUnder('topical', 'topic')).toBe(false);
    expect(isUnder('topic', 'topic/security')).toBe(false);
    expect(ancestors('a/b/c')).toEqual(['a', 'a/b']);
  });

  it('renames a tag with its children, and leaves look-alikes alone', () => {
    expect(renameIn(['claim', 'claim/attribution', 'claimed', 'other'], ['claim'], 'assertion')).toEqual([
      'assertion',
      'assertion/attribution',
      'claimed',
      'other',
    ]);
    expect(renameIn(['other'], ['claim'], 'assertion')).toBeNull();
  });

  it('merges several tags into one without duplicates', () => {
    expect(renameIn(['actor/turkey', 'actor/turkiye', 'actor/türkiye/mfa'], ['actor/turkey', 'actor/turkiye'], 'actor/türkiye')).toEqual([
      'actor/türkiye',
      'actor/türkiye/mfa',
    ]);
  });

  it('lets the deepest source win when merging nested tags', () => {
    expect(renameIn(['a/b/x', 'a/y'], ['a', 'a/b'], 'c')).toEqual(['c/x', 'c/y']);
  });

  it('removes a tag with its children', () => {
    expect(removeFrom(['topic', 'topic/security', 'topics'], 'topic')).toEqual(['topics']);
    expect(removeFrom(['x'], 'topic')).toBeNull();
  });

  it('adds without duplicating and spots cycles', () => {
    expect(addTo(['a', 'b'], ['b', 'c'])).toEqual(['a', 'b', 'c']);
    expect(isCycle('a', 'a/b')).toBe(true);
    expect(isCycle('a/b', 'a')).toBe(false);
  });

  it('inherits the nearest ancestor colour', () => {
    const colors = new Map([
      ['topic', '#ff0000'],
      ['topic/security', '#00ff00'],
    ]);
    expect(effectiveColor('topic/security/cyber', colors)).toBe('#00ff00');
    expect(effectiveColor('topic/economy', colors)).toBe('#ff0000');
    expect(effectiveColor('other', colors)).toBeNull();
  });
});

describe('summariseTags', () => {
  it('counts own and descendant uses, once per article, with implicit parents', () => {
    const tags = summariseTags(
      [['topic/security', 'topic/security/cyber'], ['topic/security']],
      [['claim/attribution'], ['claim/attribution', 'claim']],
      new Map([['colored', '#123456']]),
    );
    const byName = Object.fromEntries(tags.map((t) => [t.name, t]));
    expect(Object.keys(byName)).toEqual(['claim', 'claim/attribution', 'colored', 'topic', 'topic/security', 'topic/security/cyber']);
    expect(byName['topic']).toMatchObject({ articles: 0, totalArticles: 2, implicit: true });
    expect(byName['topic/security']).toMatchObject({ articles: 2, totalArticles: 2, implicit: false });
    expect(byName['claim']).toMatchObject({ passages: 1, totalPassages: 2, implicit: false });
    expect(byName['colored']).toMatchObject({ color: '#123456', totalArticles: 0, implicit: true });
  });
});

describe('tags named like Object.prototype members', () => {
  const names = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];

  it.each(names)('%s has no colour unless given one, and keeps the one it is given', (name) => {
    expect(effectiveColor(name, new Map())).toBeNull();
    expect(effectiveColor(`${name}/child`, new Map([[name, '#abcdef']]))).toBe('#abcdef');
    const [info] = summariseTags([[name]], [], new Map());
    expect(info).toEqual({ name, color: null, articles: 1, passages: 0, totalArticles: 1, totalPassages: 0, implicit: false });
    expect(summariseTags([], [], new Map([[name, '#123456']]))).toEqual([
      { name, color: '#123456', articles: 0, passages: 0, totalArticles: 0, totalPassages: 0, implicit: true },
    ]);
  });

  it.each(names)('%s renames, merges and deletes like any other tag', (name) => {
    expect(renameIn([name, `${name}/x`, 'other'], [name], 'renamed')).toEqual(['renamed', 'renamed/x', 'other']);
    expect(renameIn(['a'], ['a'], name)).toEqual([name]);
    expect(removeFrom([name, `${name}/x`, 'other'], name)).toEqual(['other']);
    expect(addTo([name], [name, 'b'])).toEqual([name, 'b']);
  });
});
