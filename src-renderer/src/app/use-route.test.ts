import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash } from './use-route';

describe('routes', () => {
  it('reads the library with an open article', () => {
    const r = parseRoute('#/article/abc123def4567890');
    expect(r.view).toBe('library');
    expect(r.path).toEqual(['abc123def4567890']);
  });
  it('reads other views with path and parameters', () => {
    const r = parseRoute('#/compare/a1/b2?mode=pair');
    expect(r.view).toBe('compare');
    expect(r.path).toEqual(['a1', 'b2']);
    expect(r.params.get('mode')).toBe('pair');
  });
  it('round-trips through routeHash', () => {
    expect(parseRoute(routeHash('search', [], { q: 'güler "exact phrase"' })).params.get('q')).toBe('güler "exact phrase"');
    expect(routeHash('library', ['x1'])).toBe('#/article/x1');
    expect(parseRoute('').view).toBe('library');
  });
});
