import { describe, expect, it } from 'vitest';
import { compareDates, consistent, datesOf, quantitiesOf } from './quantities';

const one = (text: string) => {
  const qs = quantitiesOf(text);
  expect(qs).toHaveLength(1);
  return qs[0]!;
};

describe('figures as a sentence states them', () => {
  it('reads scale words and money as one figure, not the numbers 1 and 2', () => {
    const q = one('Lawmakers passed the $1.2 trillion package on a party vote.');
    expect(q).toMatchObject({ kind: 'money', unit: '$', value: 1.2e12, text: '$1.2 trillion' });
    expect(consistent(q, one('a $1 trillion package'))).toBe(true);
    expect(consistent(q, one('a $2 trillion package'))).toBe(false);
  });

  it('keeps what is counted and reads hedges as ranges (nearly, more than, about)', () => {
    const exact = one('Officials said 188,829 migrants were stopped.');
    expect(exact).toMatchObject({ kind: 'count', counted: 'migrant', value: 188829 });
    expect(consistent(exact, one('nearly 190,000 migrants were stopped'))).toBe(true);
    expect(consistent(exact, one('about 190,000 migrants were stopped'))).toBe(true);
    // Three significant digits: the outlet's own figure truncated (178,000-178,999), not a floor.
    const over = one('Agents made more than 178,000 arrests in June.');
    expect(over).toMatchObject({ counted: 'arrest', hedge: 'over', low: 178000, high: 179000 });
    expect(consistent(exact, over)).toBe(false);
    // One or two significant digits: a threshold.
    expect(consistent(one('more than 40 states'), one('48 states'))).toBe(true);
  });

  it('reads percentages, word numbers with their unit, and vote tallies', () => {
    expect(one('Prices rose 5.4% in the year.')).toMatchObject({ kind: 'percent', value: 5.4 });
    expect(one('The freeze lasts two months.')).toMatchObject({ kind: 'duration', unit: 'month', value: 2, low: 2, high: 2 });
    expect(consistent(one('after 39 years'), one('after four decades'))).toBe(true);
    expect(one('The 215-to-201 vote came late.')).toMatchObject({ kind: 'tally', value: 215, second: 201 });
  });

  it('does not read years, compound adjectives, names with numbers or the day of a date as figures', () => {
    expect(quantitiesOf('In 2019 the seven-day average fell on June 30.')).toEqual([]);
    expect(quantitiesOf('The COVID-19 rules were set at the G-7 meeting.')).toEqual([]);
  });

  it('reads a word number with a scale word as one figure', () => {
    const q = one('One-hundred days into the term, the plan stalled.');
    expect(q).toMatchObject({ kind: 'duration', value: 100 });
    expect(consistent(q, one('after the first 100 days of the term'))).toBe(true);
  });
});

describe('dates as a sentence states them', () => {
  it('reads weekdays with late/early, and gives a date a weekday from the article year', () => {
    expect(datesOf('The vote came late Wednesday night.')).toMatchObject([{ weekday: 3, part: 'late' }]);
    // Oct. 4, 2021 was a Monday.
    expect(datesOf('She spoke on Oct. 4 in Denver.', '2021-10-05T00:00:00Z')).toMatchObject([{ weekday: 1, day: '2021-10-04' }]);
    expect(datesOf('She spoke on Oct. 4 in Denver.')).toMatchObject([{ weekday: null, day: '10-04' }]);
  });

  it('calls days either side of midnight a difference, other days a conflict', () => {
    const [late] = datesOf('late Wednesday');
    const [thu] = datesOf('on Thursday');
    const [tue] = datesOf('on Tuesday');
    const [monday] = datesOf('on Monday');
    const [oct4] = datesOf('on Oct. 4', '2021-10-01');
    expect(compareDates(late!, thu!)).toBe('differs');
    expect(compareDates(tue!, thu!)).toBe('conflict');
    expect(compareDates(monday!, oct4!)).toBe('same');
    expect(compareDates(tue!, oct4!)).toBe('conflict');
  });
});
