import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../article/analyse-article';
import { findRelativeDate, findStatedDate, resolveRelativeDate } from '../text/dates';

const story = (s: string) =>
  `${s} said officials from both countries, who met in the capital on Sunday to agree a series of steps on security and trade.`;

describe('metadata from a pasted whole page', () => {
  it('takes the headline even when the whole-page reader hid it with the menu before the story', () => {
    // Copied menus come as lines with no blank line between them: the page gate then hides everything
    // before the main text, headline included, and a sharing button sits between headline and story.
    const text = [
      'Skip to main content',
      'Home',
      'World',
      'Business',
      'Sport',
      'Opinion',
      'Talks in the capital end with a security agreement',
      'Show more sharing options',
      'Share',
      'Copy Link URL Copied!',
      'Print',
      story('The talks were constructive,'),
      story('Both sides agreed to meet again,'),
      story('A third round is planned,'),
    ].join('\n');
    expect(analyseArticle(text).meta.title.value).toBe('Talks in the capital end with a security agreement');
  });

  it('takes the headline above the first long paragraph, not the menu line at the top', () => {
    const text = [
      'Skip to main content',
      'Home',
      'World',
      'Business',
      'Talks in the capital end with a security agreement',
      'By Jane Doe',
      'Share',
      story('The talks were constructive,'),
      story('Both sides agreed to meet again,'),
    ].join('\n\n');
    const { meta } = analyseArticle(text);
    expect(meta.title).toMatchObject({ value: 'Talks in the capital end with a security agreement', source: 'text' });
  });

  it('reads the outlet from the page’s copyright line and its own links', () => {
    const text = [
      'The Levant Daily',
      'Talks in the capital end with a security agreement',
      story('The talks were constructive,'),
      story('Both sides agreed to meet again,'),
      'More from The Levant Daily',
      '© 2025 The Levant Daily Media Ltd. All rights reserved.',
    ].join('\n\n');
    expect(analyseArticle(text).meta.outlet).toMatchObject({ value: 'The Levant Daily', cue: expect.stringContaining('©') });
    // A single mention in a sentence is not the page naming itself.
    const once = ['Talks end', story('The Levant Daily reported that'), story('Both sides agreed to meet again,')].join('\n\n');
    expect(analyseArticle(once).meta.outlet.value).toBeNull();
  });
});

describe('dates in the page’s language, and relative dates', () => {
  it('reads DD.MM.YYYY day first in German and Turkish, with month names in those languages', () => {
    expect(findStatedDate('08.04.2015 um 12:00 Uhr', 'de')?.iso).toBe('2015-04-08');
    expect(findStatedDate('08.04.2015', 'tr')?.iso).toBe('2015-04-08');
    expect(findStatedDate('19 Kasım 2019', 'tr')?.iso).toBe('2019-11-19');
    expect(findStatedDate('le 8 avril 2015', 'fr')?.iso).toBe('2015-04-08');
    expect(findStatedDate('08/04/2015', 'en-GB')?.iso).toBe('2015-04-08');
    expect(findStatedDate('08/04/2015', 'en-US')?.iso).toBe('2015-08-04');
  });

  it('never takes "1 day ago" as a stated date, and resolves it only against a printed date', () => {
    expect(findStatedDate('Published 1 day ago')).toBeNull();
    const rel = findRelativeDate('Published 1 day ago')!;
    expect(rel).toMatchObject({ days: 1 });
    expect(resolveRelativeDate(rel, '2019-11-20')).toBe('2019-11-19');
    expect(findRelativeDate('vor 2 Tagen', 'de')).toMatchObject({ days: 2 });
  });
});

describe('a relative publication date in a pasted page', () => {
  const page = (extra: string[]) =>
    analyseArticle(
      ['Talks in the capital end with a security agreement', 'Published 1 day ago', ...extra, story('The talks were constructive,')].join(
        '\n\n',
      ),
    ).meta.publishedAt;
  it('is counted from a date the page prints, as a guess', () => {
    expect(page(["The print edition of today's paper, Wednesday, November 20, 2019, is online"])).toMatchObject({
      value: '2019-11-19',
      source: 'derived',
      confidence: 0.4,
    });
  });
  it('stays unknown without one, never the day of the import', () => {
    expect(page([])).toMatchObject({ value: null, cue: expect.stringContaining('1 day ago') });
  });
});

describe('bylines in pasted text', () => {
  it('reads "By A | date" under the headline and a "Reporting by" footer, as names', () => {
    const head = analyseArticle(
      [
        'Talks in the capital end with a security agreement',
        'By Tom Rogan | November 18, 2019 12:01 PM',
        story('The talks were constructive,'),
      ].join('\n\n'),
    ).meta.author;
    expect(head).toMatchObject({ value: 'Tom Rogan', source: 'text' });
    const foot = analyseArticle(
      [
        'Talks in the capital end with a security agreement',
        story('The talks were constructive,'),
        '(Reporting by Greg Roumeliotis; Editing by Martin Howell)',
      ].join('\n\n'),
    ).meta.author;
    expect(foot.value).toBe('Greg Roumeliotis');
  });
});
