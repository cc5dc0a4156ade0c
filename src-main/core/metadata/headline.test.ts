import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../article/analyse-article';
import { trimHeadline } from './headline';

/** A made-up news site's page as Select All + Copy gives it: a menu, the story's header, the story, a footer. */
const MENU = ['Home', 'World', 'Politics', 'Business', 'Science', 'Sport', 'Sign in', 'Search'];
const STORY = [
  'The harbour council of Northbay voted on Tuesday to close the old ferry pier for two years while engineers rebuild its foundations, which were found to be unsafe.',
  'Inspectors found last spring that the timber piles under the pier had rotted far faster than expected, the council said in a statement.',
  'Local traders worry that the closure will keep visitors away from the waterfront during the busiest months of the year.',
  '"We understand the worry, but the pier is not safe, and nobody wants to wait for an accident," the council leader told reporters.',
];
const FOOTER = [
  'Around The Region',
  'Ferry Fares Rise Again As Fuel Costs Bite',
  'New Lighthouse Museum Opens Its Doors',
  'About us',
  'Contact',
  'Privacy',
];
const HEADLINE = 'Northbay to close ferry pier for repairs';
const title = (head: string[]) =>
  analyseArticle([...MENU, ...head, '', STORY[0], '', STORY[1], '', STORY[2], '', STORY[3], '', ...FOOTER].join('\n')).meta.title.value;

describe('the headline of a pasted whole page', () => {
  it('is the line with the credit and date under it, not the list of other stories nearer the text', () => {
    const head = [
      HEADLINE,
      'By Jane Example',
      'March 3, 2025',
      'Share',
      'Lighthouse keepers remember the winter the harbour froze solid',
      'Ferry fares rise again as fuel costs bite across the region',
    ];
    expect(title(head)).toBe(HEADLINE);
  });

  it('is the headline a breadcrumb or share line ends with, not that longer line', () => {
    const head = [`Home News Local News ${HEADLINE}`, 'Share', HEADLINE, 'Jane Example', 'Photo: Sam Lens'];
    expect(title(head)).toBe(HEADLINE);
    expect(title([`Share All sharing options for: ${HEADLINE}`, HEADLINE, 'New, 6 comments'])).toBe(HEADLINE);
  });

  it('is never a relative date, a credit line without "By" or an accessibility notice', () => {
    expect(
      title([
        HEADLINE,
        'Lisa Example and Tom Sample Northbay Gazette',
        'Published 1 hour ago',
        'These are external links and will open in a new window',
      ]),
    ).toBe(HEADLINE);
  });

  it('keeps an abbreviation in brackets and a slash between names, which captions also have', () => {
    const withAbbrev = 'Northbay harbour authority (NHa) – the long road to a safe pier';
    expect(title([withAbbrev, 'By Jane Example', 'March 3, 2025'])).toBe(withAbbrev);
    const withSlash = 'Column: The Ferry/Harbour merger sends a dismal signal about local services';
    expect(title([withSlash, 'Sam Lens / Northbay Gazette', 'By Jane Example', 'March 3, 2025'])).toBe(withSlash);
  });

  it('drops what copying glued to it: a gallery counter, a read count, the date and the credit', () => {
    expect(trimHeadline(`${HEADLINE} 1  /  23`)).toBe(HEADLINE);
    expect(trimHeadline(`${HEADLINE} 3.409 letture`)).toBe(HEADLINE);
    expect(trimHeadline(`${HEADLINE} 258 Shares`)).toBe(HEADLINE);
    expect(trimHeadline(`${HEADLINE} 19 November 2019`)).toBe(HEADLINE);
    expect(trimHeadline(`${HEADLINE} by Jane Example — November 18, 2019`)).toBe(HEADLINE);
    // A headline that ends with a number or "by" a thing keeps it.
    expect(trimHeadline('Wild beat Sabres 4-1')).toBe('Wild beat Sabres 4-1');
    expect(trimHeadline('Pier damaged by winter storms')).toBe('Pier damaged by winter storms');
    expect(title([`${HEADLINE} 1 / 9`, 'By Jane Example', 'March 3, 2025'])).toBe(HEADLINE);
  });

  it('drops a pen-name credit and an icon name copied after it; keeps a headline with "Rep." or in capitals above its credit', () => {
    expect(trimHeadline(`${HEADLINE.toUpperCase()} written by Regan`)).toBe(HEADLINE.toUpperCase());
    expect(trimHeadline(`${HEADLINE} chevron_left Browse All Posts`)).toBe(HEADLINE);
    const withAbbreviation = 'Northbay man charged with threatening Rep. Jane Example';
    expect(title([withAbbreviation, 'By Sam Sample', 'March 3, 2025'])).toBe(withAbbreviation);
    expect(title(['FERRY PIER TO CLOSE', 'By Sam Sample', 'March 3, 2025'])).toBe('FERRY PIER TO CLOSE');
  });
});

describe('the headline among other headline-shaped lines', () => {
  it('is not the standfirst written as a sentence under it, which is longer and nearer the credit', () => {
    const standfirst = 'Engineers found the timber piles under the old pier had rotted far faster than the council expected';
    expect(title(['Local news', HEADLINE, standfirst, 'By Jane Example', 'March 3, 2025'])).toBe(HEADLINE);
  });

  it('is not the last item of a list of other stories printed just above the text', () => {
    const related = [
      'More on Northbay Harbour',
      'Lighthouse keepers remember the winter the harbour froze solid',
      'Ferry fares rise again as fuel costs bite across the region',
      'Fishing fleet returns early after a record autumn season',
      'Council approves a new cycle path along the busy waterfront road to the harbour',
    ];
    expect(title([HEADLINE, 'By Jane Example', 'March 3, 2025', 'Share', 'Photo: Sam Lens', ...related])).toBe(HEADLINE);
  });

  it('can follow a list of other stories directly when its own credit is under it', () => {
    const related = [
      'Lighthouse keepers remember the winter the harbour froze solid',
      'Ferry fares rise again as fuel costs bite across the region',
      'Fishing fleet returns early after a record autumn season',
    ];
    expect(title([...related, HEADLINE, 'By Jane Example', 'March 3, 2025', 'The old ferry pier in Northbay'])).toBe(HEADLINE);
  });
});
