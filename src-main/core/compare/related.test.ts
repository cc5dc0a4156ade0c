import { describe, expect, it } from 'vitest';
import { articleProfile, rankRelated } from './related';

const profile = (id: string, title: string, body: string) => articleProfile({ id, title, body, publishedAt: null });

/** Articles on other subjects, so that document frequencies mean something. */
const background = [
  profile('n1', 'markets close higher', 'shares rose on tuesday as traders bought energy stocks and the dollar eased.'),
  profile('n2', 'rain expected', 'forecasters expect heavy rain across the north with flooding possible near rivers.'),
  profile('n3', 'museum reopens', 'the museum reopened its doors after a long renovation of the old galleries.'),
];

const ranked = (target: ReturnType<typeof profile>, others: Array<ReturnType<typeof profile>>) =>
  rankRelated(target, [...others, ...background], 10).map((r) => r.id);

describe('related coverage', () => {
  it('ranks the report giving the same figure above one giving another figure', () => {
    const target = profile('t', 'border crossings rise', 'agents recorded 188,829 encounters at the southern border in june.');
    // Same words; only the figures differ. Without figures as features the two tie, and the tie goes by id.
    const other = profile('a', 'border crossings rise', 'agents recorded 154,210 encounters at the southern border in june.');
    const same = profile('z', 'border crossings rise', 'agents recorded 188,829 encounters at the southern border in june.');
    expect(ranked(target, [other, same]).slice(0, 2)).toEqual(['z', 'a']);
  });

  it('weighs the words of the headline above the same words in the body', () => {
    const target = profile('t', 'senate passes infrastructure bill', 'lawmakers voted late at night after a long debate.');
    // The same words in both; one has them in its headline. Without the headline's weight they tie, and the tie goes by id.
    const inBody = profile('a', 'late night vote', 'senate passes infrastructure bill after a long debate.');
    const inTitle = profile('z', 'senate passes infrastructure bill', 'late night vote after a long debate.');
    expect(ranked(target, [inBody, inTitle]).slice(0, 2)).toEqual(['z', 'a']);
  });

  it('counts a capitalised word as a name once more, not twice: a shared name does not outweigh two shared rare words', () => {
    const target = profile('t', 'vaccine news', 'officials met with Mcconnell to discuss the booster mandate today.');
    const sharesName = profile('a', 'other news', 'reporters spoke with Mcconnell about the budget talks today.');
    const sharesWords = profile('z', 'other news', 'reporters spoke about the booster mandate and the budget today.');
    expect(ranked(target, [sharesName, sharesWords])[0]).toBe('z');
  });

  it('ranks an article that resembles everything below one that resembles this article only', () => {
    const roundups = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6'].map((id) =>
      profile(id, 'week in review', `council budget vote weather markets schools ${id}`),
    );
    const target = profile('t', 'council budget vote', 'council budget vote weather markets harbour ferry');
    // Shares more words with the target, but they are the words every roundup has: without the penalty it comes first.
    const generic = profile('a', 'week in review', 'council budget vote weather markets schools');
    const specific = profile('z', 'new fares', 'harbour ferry fares spring');
    expect(rankRelated(target, [generic, specific, ...roundups, ...background], 10)[0]!.id).toBe('z');
  });

  it('lets the nearest report lend its words: a third outlet that words the event as the second does ranks above another event', () => {
    const target = profile('t', 'earthquake strikes coastal town', 'dozens killed as rescue teams search the rubble of the coastal town.');
    const second = profile('s', 'earthquake strikes coastal town', 'rescue teams search rubble; governor declares emergency and an aid convoy sets out.');
    // Shares one word with the target, much with the second report: the same event told as the second tells it.
    const third = profile('b', 'governor declares emergency', 'governor declares emergency as aid convoy reaches the town.');
    // Shares more words with the target itself, but is another event.
    const other = profile('a', 'coastal storm warning', 'rescue teams on standby as coastal storm nears.');
    expect(ranked(target, [second, third, other]).slice(0, 3)).toEqual(['s', 'b', 'a']);
  });
});
