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
});
