import { describe, expect, it } from 'vitest';
import { MapKeyWriter, decodeFlexKey, regKey } from './flex-binary';
import type { Slots } from './flex-sweep';

// flexsearch's lists as they are in memory: resolution slots, some empty, ids in insertion order.
const entries: [string, Slots][] = [
  ['ankara', [[1, 2, 3], undefined, [7]]],
  ['şeybani', [undefined, [4000000, 5]]],
  ['الشيباني', [[9]]],
  ['fidan', []],
  ['ıslık', [[], [0]]],
];

function written(list: [string, Slots][]): Uint32Array {
  const w = new MapKeyWriter();
  for (const [word, slots] of list) w.add(word, slots);
  return w.take();
}

describe('flexsearch keys in binary', () => {
  it('round-trips words in any script, empty and missing slots, and large ids', () => {
    const decoded = decodeFlexKey('body.1.map', written(entries)) as [string, Slots][];
    // Missing slots come back as holes, which flexsearch treats as it treats JSON's nulls.
    expect(JSON.stringify(decoded)).toBe(JSON.stringify(entries));
    expect(decoded.map(([w]) => w)).toEqual(entries.map(([w]) => w));
    expect(decoded[0]![1][1]).toBeUndefined();
  });

  it('reports its size as it grows, and starts afresh after take()', () => {
    const w = new MapKeyWriter();
    expect(w.entries).toBe(0);
    w.add('a', [[1, 2, 3, 4]]);
    const one = w.size;
    w.add('b', [Array.from({ length: 1000 }, (_, i) => i)]);
    expect(w.size).toBeGreaterThan(one + 4000);
    w.take();
    expect(w.entries).toBe(0);
    expect(decodeFlexKey('x.1.map', w.take())).toEqual([]);
  });

  it('keeps a reg key as its ids, read by index as flexsearch reads them', () => {
    const ids = [0, 5, 17, 100000];
    expect([...(decodeFlexKey('1.reg', regKey(ids)) as Uint32Array)]).toEqual(ids);
  });

  // The first word's slot count is the fourth word of the key (after MAGIC, W and B).
  it.each([
    ['no header', (d: Uint32Array) => d.subarray(0, 2)],
    ['another magic number', (d: Uint32Array) => Object.assign(d.slice(), { 0: 7 })],
    ['a word count that does not match', (d: Uint32Array) => Object.assign(d.slice(), { 1: 99 })],
    ['words cut short', (d: Uint32Array) => d.subarray(0, d.length - 1)],
    ['a list cut short', (d: Uint32Array) => Uint32Array.from([...d.subarray(0, 6), ...d.subarray(7)])],
    ['a list longer than it says', (d: Uint32Array) => Uint32Array.from([...d.subarray(0, 6), 9, ...d.subarray(6)])],
    ['a slot count past the end', (d: Uint32Array) => Object.assign(d.slice(), { 3: 1 << 30 })],
  ])('rejects %s instead of importing part of it', (_label, damage) => {
    expect(() => decodeFlexKey('body.1.map', damage(written(entries)))).toThrow(/binary flexsearch key is damaged/);
  });

  it('reuses one buffer for every key of a writer: a key is read before the next is taken', () => {
    const w = new MapKeyWriter();
    w.add('one', [[1]]);
    const first = w.take();
    const copy = first.slice();
    w.add('two', [[2, 3]]);
    const second = w.take();
    expect(second.buffer).toBe(first.buffer);
    expect(decodeFlexKey('x.1.map', copy)).toEqual([['one', [[1]]]]);
    expect(decodeFlexKey('x.2.map', second)).toEqual([['two', [[2, 3]]]]);
  });

  it('rejects words where a reg key has none', () => {
    expect(() => decodeFlexKey('1.reg', written(entries))).toThrow(/damaged/);
  });
});
