import { describe, expect, it } from 'vitest';
import type { CompareResult } from '../../src-main/contract';
import { DEFAULT_LIMITS, WorkBudget } from '../../src-main/core/compare/budget';
import { compareArticles, compareSteps } from '../../src-main/core/compare/compare-articles';
import { clipInput } from '../../src-main/core/compare/sentences';
import { seedInputs } from './seed-articles';

/** The comparison's input limits on real articles (core/compare/budget.ts): what is cut, and that nothing else changes. */
const run = (gen: Generator<unknown, CompareResult>) => {
  for (;;) {
    const r = gen.next();
    if (r.done) return r.value;
  }
};

describe('comparison limits', () => {
  const seeds = seedInputs();

  it('changes nothing for articles under the limits (the seeds compare as they always did)', () => {
    const plain = compareArticles(seeds);
    const limited = run(compareSteps(seeds, { limits: DEFAULT_LIMITS, budget: new WorkBudget({ maxWork: 1e9 }) }));
    expect(limited).toStrictEqual(plain);
    expect('truncated' in plain).toBe(false);
  });

  it('takes in only the first sentences of a long article, and says so in the result', () => {
    const limits = { ...DEFAULT_LIMITS, maxSentencesPerArticle: 5 };
    const r = compareArticles(seeds.slice(0, 2), { limits });
    expect(r.articles.map((a) => a.sentences.length)).toEqual([5, 5]);
    const whole = compareArticles(seeds.slice(0, 2));
    expect(r.articles[0]!.sentences).toEqual(whole.articles[0]!.sentences.slice(0, 5));
    expect(r.truncated).toEqual([
      { article: 'seed0000', sentences: 5, end: whole.articles[0]!.sentences[4]!.end, length: seeds[0]!.body.length },
      { article: 'seed0001', sentences: 5, end: whole.articles[1]!.sentences[4]!.end, length: seeds[1]!.body.length },
    ]);
    expect(r.notices).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Only the first 5 sentences of “Shafaq News” \(about \d+% of its text\) are compared/),
      ]),
    );
    // Nothing refers to a sentence that was left out.
    for (const row of r.alignment.pairs[0]!.rows) {
      if (row.a !== null) expect(row.a).toBeLessThan(5);
      if (row.b !== null) expect(row.b).toBeLessThan(5);
    }
    for (const c of r.claims) for (const p of c.passages) expect(p.sentence).toBeLessThan(5);
  });

  it('shares the total between the articles', () => {
    const r = compareArticles(seeds, { limits: { ...DEFAULT_LIMITS, maxSentencesTotal: 20 } });
    expect(r.articles.map((a) => a.sentences.length)).toEqual([4, 4, 4, 4, 4]);
    expect(r.truncated).toHaveLength(5);
  });

  it('reads no more than the character limit of an article, cut at a space, blocks kept in place', () => {
    const a = seeds[0]!;
    const clipped = clipInput(a, 500);
    expect(clipped.body.length).toBeLessThanOrEqual(500);
    expect(a.body.startsWith(clipped.body)).toBe(true);
    expect(a.body[clipped.body.length]).toBe(' ');
    expect(clipped.blocks).toHaveLength(a.blocks.length);
    for (const b of clipped.blocks) if (b.end !== null) expect(b.end).toBeLessThanOrEqual(clipped.body.length);
    expect(clipInput(a, a.body.length)).toBe(a);
    const r = compareArticles([a, seeds[1]!], { limits: { ...DEFAULT_LIMITS, maxCharsPerArticle: 500 } });
    expect(r.truncated?.[0]).toMatchObject({ article: a.id, length: a.body.length });
    expect(r.articles[0]!.sentences.every((s) => s.end <= 500)).toBe(true);
  });

  it('spends little of the budget on normal articles', () => {
    const normal = new WorkBudget();
    run(compareSteps(seedInputs(), { budget: normal }));
    expect(normal.spent).toBeLessThan(100_000);
  });
});
