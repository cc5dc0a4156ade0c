import { describe, expect, it } from 'vitest';
import { canRelax } from './query-ast';
import { parseQuery } from './query-parser';
import { relaxQuery } from './relax';

describe('relaxQuery (most of the words)', () => {
  it('keeps explicit groups required, splits hyphenated words and leaves out function words', () => {
    const { ast } = parseQuery('what is "boundary layer" heat-transfer OR drag', ['en']);
    expect(ast.strict).toEqual([false, false, true, true]);
    const r = relaxQuery(parseQuery('what is "boundary layer" heat-transfer', ['en']).ast);
    expect(r.strict).toEqual([true, false, false]);
    expect(r.groups.map((g) => g.map((c) => (c.kind === 'term' ? c.term : c.kind === 'phrase' ? c.terms.join(' ') : c.prefix)))).toEqual([
      ['boundary layer', 'boundari layer'],
      ['heat'],
      ['transfer'],
    ]);
  });

  it('keeps function words when nothing else is left', () => {
    const r = relaxQuery(parseQuery('what is').ast);
    expect(r.groups.map((g) => g[0]!.kind === 'term' && g[0]!.term)).toEqual(['what', 'is']);
  });

  it('relaxes only queries of two plain words or more without AND', () => {
    expect(canRelax(parseQuery('kalin weather').ast)).toBe(true);
    expect(canRelax(parseQuery('kalin').ast)).toBe(false);
    expect(canRelax(parseQuery('kalin AND weather').ast)).toBe(false);
    expect(canRelax(parseQuery('"kalin weather"').ast)).toBe(false);
    expect(canRelax(parseQuery('kalin OR weather').ast)).toBe(false);
  });

  it('searches each word as typed and as each of the notebook languages stems it', () => {
    const { ast } = parseQuery('elections', ['en', 'tr']);
    expect(ast.groups[0]!.map((c) => c.kind === 'term' && c.term)).toEqual(['elections', 'elec']);
    expect(parseQuery('elections').ast.groups[0]!.map((c) => c.kind === 'term' && c.term)).toEqual(['elections']);
  });
});
