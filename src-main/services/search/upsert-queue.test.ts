import { describe, expect, it } from 'vitest';
import { searchArticle } from '../../../tests/helpers/search-article';
import { UpsertQueue } from './upsert-queue';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('UpsertQueue', () => {
  it('waits while changes keep coming, then applies each article once, in its last version', async () => {
    const applied: string[][] = [];
    const q = new UpsertQueue(async (batch) => void applied.push(batch.map((a) => `${a.id}@${a.title}`)), {
      quietMs: 40,
      maxWaitMs: 10_000,
      maxArticles: 100,
    });
    for (let i = 0; i < 5; i++) {
      await q.add([searchArticle('a', { title: `v${i}` }), searchArticle(`b${i % 2}`, { title: `v${i}` })]);
      await wait(10);
    }
    expect(applied).toEqual([]);
    expect(q.size).toBe(3);
    await wait(100);
    expect(applied).toEqual([['b1@v3', 'a@v4', 'b0@v4']]); // one batch, ordered by each article's last change
  });

  it('applies at once when too many are waiting or the oldest has waited too long; forgets removed ones', async () => {
    const applied: number[] = [];
    const q = new UpsertQueue(async (batch) => void applied.push(batch.length), { quietMs: 10_000, maxWaitMs: 30, maxArticles: 3 });
    await q.add([searchArticle('a'), searchArticle('b')]);
    q.forget(['b']);
    await q.add([searchArticle('c'), searchArticle('d')]);
    expect(applied).toEqual([3]); // a, c, d: the third waiting article
    await q.add([searchArticle('e')]);
    await wait(40);
    await q.add([searchArticle('f')]); // the oldest (e) has waited past maxWaitMs
    expect(applied).toEqual([3, 2]);
    q.stop();
  });
});
