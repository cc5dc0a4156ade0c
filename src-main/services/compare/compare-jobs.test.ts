import { describe, expect, it } from 'vitest';
import type { ProfileSource } from './compare-jobs';
import { ProfileCache } from './compare-jobs';

const source = (id: string, body: string, updatedAt = '2026-01-01T00:00:00.000Z'): ProfileSource => ({
  id,
  updatedAt,
  title: `About ${id}`,
  body,
  publishedAt: null,
});
const talks = 'Hakan Fidan met Asaad al-Shaibani in Ankara on Sunday for security talks with Murhaf Abu Qasra.';

describe('ProfileCache (related coverage in the compare worker)', () => {
  it('asks for the articles it has no current profile of, then ranks', () => {
    const cache = new ProfileCache();
    const entries: Array<[string, string]> = [
      ['aaaaaaaaaaaaaaaa', '1'],
      ['bbbbbbbbbbbbbbbb', '1'],
      ['cccccccccccccccc', '1'],
    ];
    expect(cache.related({ target: 'aaaaaaaaaaaaaaaa', entries, limit: 5 })).toEqual({ missing: entries.map(([id]) => id) });
    cache.profile({
      articles: [
        source('aaaaaaaaaaaaaaaa', talks, '1'),
        source('bbbbbbbbbbbbbbbb', talks, '1'),
        source('cccccccccccccccc', 'Football scores from the weekend.', '1'),
      ],
      unreadable: [],
    });
    const r = cache.related({ target: 'aaaaaaaaaaaaaaaa', entries, limit: 5 });
    expect('items' in r && r.items.map((i) => i.id)).toEqual(['bbbbbbbbbbbbbbbb', 'cccccccccccccccc']);
    // An edited article is profiled again; a deleted one is forgotten.
    expect(cache.related({ target: 'aaaaaaaaaaaaaaaa', entries: [entries[0]!, ['bbbbbbbbbbbbbbbb', '2']], limit: 5 })).toEqual({
      missing: ['bbbbbbbbbbbbbbbb'],
    });
    cache.profile({ articles: [source('bbbbbbbbbbbbbbbb', talks, '2')], unreadable: [] });
    expect('items' in cache.related({ target: 'aaaaaaaaaaaaaaaa', entries: [entries[0]!, ['bbbbbbbbbbbbbbbb', '2']], limit: 5 })).toBe(
      true,
    );
    expect(cache.size).toBe(2);
  });

  it('leaves out an article that cannot be read or profiled, and ranks the others', () => {
    const cache = new ProfileCache();
    const broken = {
      ...source('dddddddddddddddd', talks),
      title: {
        slice: () => {
          throw new RangeError('Maximum call stack size exceeded');
        },
      },
    } as unknown as ProfileSource;
    const done = cache.profile({
      articles: [source('aaaaaaaaaaaaaaaa', talks), source('bbbbbbbbbbbbbbbb', talks), broken],
      unreadable: [{ id: 'eeeeeeeeeeeeeeee', updatedAt: '2026-01-01T00:00:00.000Z' }],
    });
    expect(done.skipped).toEqual(['dddddddddddddddd', 'eeeeeeeeeeeeeeee']);
    const entries = ['aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb', 'dddddddddddddddd', 'eeeeeeeeeeeeeeee'].map((id): [string, string] => [
      id,
      '2026-01-01T00:00:00.000Z',
    ]);
    const r = cache.related({ target: 'aaaaaaaaaaaaaaaa', entries, limit: 5 });
    expect(r).toEqual({ items: [{ id: 'bbbbbbbbbbbbbbbb', score: expect.any(Number) }] });
    // Asked about itself, a left-out article has nothing to rank by.
    expect(cache.related({ target: 'dddddddddddddddd', entries, limit: 5 })).toEqual({ items: [] });
  });
});
