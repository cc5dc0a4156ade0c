import { Document } from 'flexsearch';
import { describe, expect, it } from 'vitest';
import type { FlexLists } from './candidate-lists';
import { readWholeList } from './candidate-lists';

function flexWith(docs: { id: number; title: string; body: string }[]): FlexLists {
  const encode = (s: string) => (s ? s.split(' ') : []);
  const flex = new Document({
    document: { id: 'id', index: ['title', 'body'].map((field) => ({ field, tokenize: 'strict', encode })) },
    cache: false,
  } as never) as unknown as FlexLists & { add: (d: object) => void };
  for (const d of docs) flex.add(d);
  return flex;
}

describe('readWholeList', () => {
  // 24 documents hold "w" in the body, 8 in the title: lists of exactly 3, 6 or 8 pages, and one ragged.
  const docs = Array.from({ length: 30 }, (_, id) => ({ id, title: id % 3 === 0 ? 'w' : 'x', body: id < 24 ? 'w y' : 'y' }));
  const flex = flexWith(docs);

  for (const page of [1, 3, 4, 8, 5, 100]) {
    it(`reads every page of every field's list (pages of ${page})`, () => {
      const seen: number[] = [];
      readWholeList(flex, 'w', ['title', 'body'], page, (d) => seen.push(d));
      const title = docs.filter((d) => d.title === 'w').map((d) => d.id);
      const body = docs.filter((d) => d.body.startsWith('w')).map((d) => d.id);
      expect(seen.length).toBe(title.length + body.length);
      expect(new Set(seen)).toEqual(new Set([...title, ...body]));
    });
  }

  it('reads nothing for a word no field holds', () => {
    const seen: number[] = [];
    readWholeList(flex, 'absent', ['title', 'body'], 4, (d) => seen.push(d));
    expect(seen).toEqual([]);
  });
});
