import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../article/analyse-article';

const story = (lead: string) =>
  `${lead} officials from both countries met for several hours in the capital on Sunday and agreed to meet again next month to continue the talks.`;
const page = (top: string[], foot: string[]) =>
  [
    ...top,
    'Talks in the capital end with a security agreement',
    '',
    story('The talks were constructive,'),
    '',
    story('Both sides agreed,'),
    '',
    ...foot,
  ].join('\n');

describe('the outlet a pasted page names in its own text', () => {
  it('is the name its own links use, not the parent company in the copyright line', () => {
    const a = analyseArticle(
      page(
        ['Contact Harbour Post', 'Harbour Post Staff'],
        ['About Harbour Post', 'Harbour Post Newsletters', '© 2025 Coastal Media Holdings, Inc.'],
      ),
    );
    expect(a.meta.outlet.value).toBe('Harbour Post');
  });

  it('reads "Copyright <name> 2025" and "<name> (www.…)" as the name alone', () => {
    expect(analyseArticle(page([], ['© Copyright Harbour Post 2025'])).meta.outlet.value).toBe('Harbour Post');
    expect(analyseArticle(page([], ['© 2000 - 2025 Harbour Post (www.harbourpost.example)'])).meta.outlet.value).toBe('Harbour Post');
  });

  it('a menu printed twice, a prompt or a section names nothing', () => {
    expect(
      analyseArticle(page(['Upcoming Events', 'Join our newsletter'], ['Upcoming Events', 'Join our newsletter'])).meta.outlet.value,
    ).toBeNull();
    expect(analyseArticle(page(['Harbour Post Staff'], ['Harbour Post Staff'])).meta.outlet.value).toBeNull();
  });

  it('is named once surely by a writer\'s note or the site describing itself', () => {
    expect(analyseArticle(page([], ['Jane Example is a reporter for Harbour Post.'])).meta.outlet.value).toBe('Harbour Post');
    expect(analyseArticle(page(['Harbour Post is supported by its audience. We may earn a commission.'], [])).meta.outlet.value).toBe(
      'Harbour Post',
    );
    // What follows the name in a writer's note is not part of it.
    expect(analyseArticle(page([], ['Science writer at Harbour Post and keen sailor elsewhere'])).meta.outlet.value).toBeNull();
  });

  it('is a staff credit with the name alone on another line', () => {
    expect(analyseArticle(page(['Menu', 'Harbour Post', 'By Jane Example, Harbour Post Staff'], ['Privacy'])).meta.outlet.value).toBe(
      'Harbour Post',
    );
  });

  it('a button alone on a line, a copyright paragraph of legal text or another site\'s address does not outweigh the name', () => {
    expect(analyseArticle(page(['Menu', 'Email', 'Email Newsletters'], ['Email', 'About'])).meta.outlet.value).toBeNull();
    const legal = `© 2025 Coastal Media Holdings. All rights reserved. Use of this site constitutes acceptance of our User Agreement and Privacy Policy. ${'The material on this site may not be reproduced without permission. '.repeat(2)}`;
    expect(
      analyseArticle(page(['Subscribe to Harbour Post'], ['More From Harbour Post', 'Coastal Media Holdings Store', legal])).meta.outlet.value,
    ).toBe('Harbour Post');
  });
});
