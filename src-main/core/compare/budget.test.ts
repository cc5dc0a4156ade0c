import { describe, expect, it } from 'vitest';
import type { CompareResult } from '../../contract';
import { BudgetExceeded, WorkBudget, budgetMessage, shareSentences } from './budget';
import { compareSteps } from './compare-articles';
import type { CompareInput } from './sentences';
import { segmentArticle } from './sentences';
import { tokenize } from './tokens';
import { PROFILE_MAX_CHARS, articleProfile } from './related';

/** An article of one paragraph, as the importer would store it. */
const article = (id: string, body: string): CompareInput => ({
  id,
  title: id,
  outlet: null,
  publishedAt: null,
  language: 'en',
  body,
  blocks: [{ kind: 'paragraph', text: body, reason: null, lang: 'en', post: null, start: 0, end: body.length }],
});

const run = (gen: Generator<unknown, CompareResult>) => {
  for (;;) {
    const r = gen.next();
    if (r.done) return r.value;
  }
};

describe('WorkBudget', () => {
  it('stops once more work is spent than allowed, naming the step', () => {
    const b = new WorkBudget({ maxWork: 100 });
    b.enter('similarity');
    b.spend(60);
    expect(() => b.spend(41)).toThrow(BudgetExceeded);
    try {
      b.spend(1);
    } catch (e) {
      expect(e).toMatchObject({ reason: 'work', stage: 'similarity' });
    }
  });

  it('stops after its deadline, read from the clock it is given, at a step or inside one', () => {
    let now = 0;
    const b = new WorkBudget({ deadline: 1000, now: () => now });
    b.enter('entities');
    b.spend(1_000_000);
    now = 1001;
    expect(() => b.enter('similarity')).toThrow(expect.objectContaining({ reason: 'time', stage: 'similarity' }));
    // Inside a step: the clock is read every so many units spent.
    const inner = new WorkBudget({ deadline: 1000, now: () => now });
    expect(() => {
      for (let i = 0; i < 100_000; i++) inner.spend(1);
    }).toThrow(expect.objectContaining({ reason: 'time' }));
  });

  it('stops when its cancel flag is raised', () => {
    let cancelled = false;
    const b = new WorkBudget({ cancelled: () => cancelled });
    b.enter('quotes');
    cancelled = true;
    expect(() => b.check()).toThrow(expect.objectContaining({ reason: 'cancelled', stage: 'quotes' }));
  });

  it('says in words what stopped and what to do', () => {
    expect(budgetMessage(new BudgetExceeded('time', 'similarity'), { seconds: 30 })).toBe(
      'The comparison was stopped while finding similar sentences: it took longer than the 30 seconds one comparison may take. Compare fewer articles, or shorter ones.',
    );
    expect(budgetMessage(new BudgetExceeded('work', 'similarity'))).toMatch(/more work than one comparison may do/);
    expect(budgetMessage(new BudgetExceeded('cancelled', 'entities'))).toBe('The comparison was cancelled.');
  });
});

describe('shareSentences', () => {
  const limits = { maxSentencesPerArticle: 2000, maxSentencesTotal: 4000 };
  it('keeps every sentence under the limits', () => {
    expect(shareSentences([10, 500, 1999], limits)).toEqual([10, 500, 1999]);
  });
  it('caps one article at the per-article limit', () => {
    expect(shareSentences([12_000, 40], limits)).toEqual([2000, 40]);
  });
  it('over the total, long articles give way first and short ones keep all they have', () => {
    const kept = shareSentences([100, 5000, 5000, 1800], limits);
    expect(kept).toEqual([100, 1300, 1300, 1300]);
    expect(kept.reduce((s, n) => s + n, 0)).toBeLessThanOrEqual(4000);
    const many = shareSentences(Array(100).fill(150), { maxSentencesPerArticle: 2000, maxSentencesTotal: 12_000 });
    expect(new Set(many)).toEqual(new Set([120]));
  });
});

describe('the comparison budget', () => {
  it('stops text that repeats one sentence, during the similarity step, before its pairs fill the memory', () => {
    const one = 'The minister met the delegation in Ankara on Sunday to discuss security cooperation. ';
    const budget = new WorkBudget({ maxWork: 1_000_000 });
    const steps = compareSteps([article('rep0000000000001', one.repeat(400)), article('rep0000000000002', one.repeat(400))], { budget });
    // 400 × 400 identical sentences: 160,000 candidate pairs for each word they share.
    expect(() => run(steps)).toThrow(expect.objectContaining({ reason: 'work', stage: 'similarity' }));
  });

  it('stops between steps once the deadline has passed', () => {
    let now = 0;
    const budget = new WorkBudget({ deadline: 10, now: () => now });
    const steps = compareSteps(
      [article('aaaaaaaaaaaaaaaa', 'Talks began in Ankara on Sunday.'), article('bbbbbbbbbbbbbbbb', 'Talks began in Ankara.')],
      { budget },
    );
    expect(steps.next().done).toBe(false);
    now = 11;
    expect(() => run(steps)).toThrow(expect.objectContaining({ reason: 'time' }));
  });
});

describe('one 5 MB line', () => {
  // Two Chinese characters make the string two-byte; then V8's regular expressions overflow the stack on a
  // run of millions of letters (what a pasted blob is).
  const blob = `中文 ${Array.from({ length: 4_990_000 }, (_, i) => String.fromCharCode(97 + ((i * 7919) % 26))).join('')}`;

  it('is tokenised without overflowing the stack, and prose tokenises as before', () => {
    expect(tokenize(blob).length).toBeGreaterThan(1);
    const prose = 'Turkey’s foreign minister, Hakan Fidan, met his Syrian counterpart — “a milestone” — on Sunday. '.repeat(2000);
    const words = [...prose.matchAll(/[\p{L}\p{N}]+(?:['’\u2019-][\p{L}\p{N}]+)*/gu)].map((m) => [m[0], m.index]);
    expect(tokenize(prose).map((t) => [t.text, t.start])).toEqual(words);
  });

  it('is split into pieces of bounded length, not one 5 MB sentence', () => {
    const sentences = segmentArticle(article('blob000000000001', blob), 50);
    expect(sentences).toHaveLength(50);
    expect(Math.max(...sentences.map((s) => s.text.length))).toBeLessThanOrEqual(5_000);
  });

  it('has a profile made from its first PROFILE_MAX_CHARS characters only', () => {
    const big = { id: 'blob000000000001', title: 'A blob', body: blob, publishedAt: null };
    expect(articleProfile(big)).toEqual(articleProfile({ ...big, body: blob.slice(0, PROFILE_MAX_CHARS - 'A blob\n'.length) }));
  });
});
