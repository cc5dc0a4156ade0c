import { describe, expect, it } from 'vitest';
import type { Block } from '../../contract';
import { compareArticles } from './compare-articles';
import type { Unit } from './features';
import { fitLogistic, forgetParaphraseIds, logistic, paraphraseFeatures } from './paraphrase';
import type { CompareInput } from './sentences';

/** An article of one paragraph per string, laid out as the analyser lays out a clean body. */
function article(id: string, paragraphs: string[]): CompareInput {
  const blocks: Block[] = [];
  let at = 0;
  for (const p of paragraphs) {
    blocks.push({ kind: 'paragraph', text: p, reason: null, lang: null, post: null, start: at, end: at + p.length });
    at += p.length + 2;
  }
  return { id, title: id, outlet: null, publishedAt: null, language: 'en', body: paragraphs.join('\n\n'), blocks };
}

/** The sentence pairs aligned reading shows between two articles, as texts. */
function pairedTexts(a: string[], b: string[]): string[][] {
  const r = compareArticles([article('a', a), article('b', b)]);
  const [sa, sb] = [r.articles[0]!.sentences, r.articles[1]!.sentences];
  return r.alignment.pairs[0]!.rows.filter((x) => x.a !== null && x.b !== null).map((x) => [sa[x.a!]!.text, sb[x.b!]!.text]);
}

describe('pairing sentences that report the same thing', () => {
  it('pairs a reworded sentence on its own (clauses moved, a synonym)', () => {
    const a = 'The city council approved the new budget on Tuesday after a long debate.';
    const b = 'After a lengthy debate, the city council approved the new budget on Tuesday.';
    expect(pairedTexts([a], [b])).toEqual([[a, b]]);
  });

  it('does not pair two lone sentences when one adds figures and a clause the other lacks', () => {
    const a = 'The city council approved the new budget on Tuesday after a long debate.';
    const b = 'The city council approved the new budget on Tuesday, cutting 300 jobs in the parks department and closing two libraries.';
    expect(pairedTexts([a], [b])).toEqual([]);
  });

  it('pairs the same loose pair inside articles, where each is the other’s best among rivals', () => {
    const a = 'The city council approved the new budget on Tuesday after a long debate.';
    const b = 'The city council approved the new budget on Tuesday, cutting 300 jobs in the parks department and closing two libraries.';
    const pairs = pairedTexts([a, 'Rain is expected over the weekend across the region.'], ['Schools reopen next month after the summer break.', b]);
    expect(pairs).toEqual([[a, b]]);
  });

  it('still leaves unrelated sentences of two stories apart', () => {
    expect(
      pairedTexts(
        ['The central bank raised interest rates by half a point on Thursday.', 'Markets fell sharply after the decision.'],
        ['The striker scored twice as the home side won the cup final.', 'Fans celebrated in the streets until dawn.'],
      ),
    ).toEqual([]);
  });
});

describe('the paraphrase model', () => {
  const units = (keys: string[]): Unit[] =>
    keys.map((key, i) => ({ key, start: i * 5, end: i * 5 + 4, surface: key, entity: key.startsWith('@'), content: !['the', 'on'].includes(key) }));

  it('reads a pair the same way whichever sentence comes first, every feature in [0, 1]', () => {
    const x = units(['the', '@1', 'approv', 'budget', 'on', 'tuesday', '300']);
    const y = units(['@1', 'pass', 'the', 'budget', '12']);
    const f = paraphraseFeatures(x, y);
    expect(f).toEqual(paraphraseFeatures(y, x));
    for (const v of f) expect(v >= 0 && v <= 1).toBe(true);
  });

  it('counts shared runs of words exactly: 2-, 3- and 4-grams each side covers', () => {
    const x = units(['the', 'council', 'approv', 'budget', 'on', 'tuesday']);
    const y = units(['council', 'approv', 'budget', 'on', 'monday']);
    const f = paraphraseFeatures(x, y);
    // Index 7 onwards: n-grams covered (lower, higher side) for n = 1..4.
    expect(f.slice(7, 15)).toEqual([4 / 6, 4 / 5, 3 / 5, 3 / 4, 2 / 4, 2 / 3, 1 / 3, 1 / 2]);
  });

  it('reads a pair the same after the numbered n-grams are forgotten between its two sentences', () => {
    const x = units(['the', '@1', 'approv', 'budget', 'on', 'tuesday', '300']);
    const y = units(['@1', 'approv', 'the', 'budget', 'on', 'tuesday']);
    const before = paraphraseFeatures(units(x.map((u) => u.key)), units(y.map((u) => u.key)));
    paraphraseFeatures(x, units(['other', 'words']));
    forgetParaphraseIds();
    // x was numbered in the forgotten table, y in the new one: they must still be read in one.
    expect(paraphraseFeatures(x, y)).toEqual(before);
  });

  it('fits a logistic model that separates what can be separated', () => {
    const rows = [[0.1], [0.2], [0.3], [0.7], [0.8], [0.9]];
    const labels = [false, false, false, true, true, true];
    const w = fitLogistic(rows, labels, 2000, 2);
    expect(rows.map((r) => logistic(w, r) >= 0.5)).toEqual(labels);
  });
});

describe('word differences inside a pair', () => {
  /** The marked words of each side of the first pair of two one-sentence articles. */
  function marked(a: string, b: string): { a: string[]; b: string[] } {
    const r = compareArticles([article('a', [a]), article('b', [b])]);
    const row = r.alignment.pairs[0]!.rows.find((x) => x.a !== null && x.b !== null)!;
    expect(row).toBeDefined();
    return { a: row.changesA.map(([s, e]) => a.slice(s, e)), b: row.changesB.map(([s, e]) => b.slice(s, e)) };
  }

  it('marks only the words that differ, not the unchanged words between them', () => {
    expect(
      marked(
        'The city council approved the new budget for the schools on Tuesday.',
        'The city council approved the revised budget for the schools on Tuesday.',
      ),
    ).toEqual({ a: ['new'], b: ['revised'] });
  });

  it('does not mark a clause that only moved, nor function words', () => {
    expect(
      marked(
        'After a long debate, the city council approved the new budget on Tuesday.',
        'The city council approved the new budget on Tuesday after a long debate.',
      ),
    ).toEqual({ a: [], b: [] });
  });

  it('marks an added clause by its content words, not as one span with its function words', () => {
    expect(
      marked(
        'The city council approved the new budget for the schools on Tuesday.',
        'The city council approved the new budget for the schools of the district on Tuesday.',
      ),
    ).toEqual({ a: [], b: ['district'] });
  });

  it('keeps adjacent differing words one mark, and words apart two', () => {
    const r = marked(
      'The city council approved the new budget on Tuesday in the town hall.',
      'The city council approved the new budget on Tuesday in the old wooden town hall annex.',
    );
    expect(r.b).toEqual(['old wooden', 'annex']);
  });
});
