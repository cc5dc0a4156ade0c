import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreCorpus, scorePage, shingles } from '../../bench/extraction-metric';
import { corpus } from '../helpers/seeds';

const aeb = corpus('07-article-extraction-benchmark');

describe('the article-extraction metric', () => {
  it('counts 4-token shingles of word characters, Unicode included', () => {
    expect([...shingles('Ankara, Şam; and — Kalın’s talks today!').keys()]).toEqual([
      'Ankara Şam and Kalın',
      'Şam and Kalın s',
      'and Kalın s talks',
      'Kalın s talks today',
    ]);
    expect(shingles('one two').get('one two')).toBe(1);
  });

  it('normalises tp, fp and fn by their sum, and scores empty against empty as right', () => {
    expect(scorePage('a b c d e', 'a b c d e')).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(scorePage('', '')).toEqual({ tp: 1, fp: 0, fn: 0 });
    const half = scorePage('a b c d x', 'a b c d e');
    expect(half.tp + half.fp + half.fn).toBeCloseTo(1);
    expect(half.fp).toBeCloseTo(half.fn);
  });

  it.skipIf(!aeb)('reproduces the published peer figures on the 181 pages', () => {
    const truth = JSON.parse(readFileSync(join(aeb!, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string }>;
    const published: Record<string, number> = {
      readability_js: 0.947,
      rs_trafilatura: 0.97,
      'html-text': 0.665,
      justext: 0.804,
      go_domdistiller: 0.927,
    };
    for (const [name, f1] of Object.entries(published)) {
      const raw = JSON.parse(readFileSync(join(aeb!, 'peer-output', `${name}.json`), 'utf8')) as Record<string, unknown>;
      const out = (raw.output ?? raw) as Record<string, { articleBody?: string }>;
      const s = scoreCorpus(Object.keys(truth).map((k) => ({ predicted: out[k]?.articleBody ?? '', truth: truth[k]!.articleBody })));
      expect(s.f1, name).toBeCloseTo(f1, 2);
    }
  });
});
