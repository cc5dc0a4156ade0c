import { describe, expect, it } from 'vitest';
import { analyseArticle } from './analyse-article';
import { mainTextRange, proseScore } from './main-text';

/**
 * A made-up news site's article page as Select All + Copy gives it: menus and link lists one item per line,
 * no blank lines between them; the story's paragraphs set apart by blank lines.
 */
const MENU = ['Home', 'World', 'Politics', 'Business', 'Science', 'Sport', 'Sign in', 'Search'];
const STORY = [
  'The harbour council of Northbay voted on Tuesday to close the old ferry pier for two years while engineers rebuild its foundations.',
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
  'This website uses cookies to improve your experience. By continuing to browse you agree to our use of cookies.',
];
const page = [
  ...MENU,
  'Northbay to close ferry pier for repairs',
  'By Jane Example',
  'March 3, 2025',
  '',
  STORY[0],
  '',
  STORY[1],
  '',
  'Advertisement',
  '',
  STORY[2],
  '',
  'Traders fear a quiet summer',
  '',
  STORY[3],
  '',
  ...FOOTER,
].join('\n');

const hidden = (a: ReturnType<typeof analyseArticle>, text: string) => a.blocks.find((b) => b.text === text);

describe('a whole page pasted as text', () => {
  it('keeps the story and its subhead, and hides the menu and the footer, each with its reason', () => {
    const a = analyseArticle(page);
    expect(a.body).toBe([STORY[0], STORY[1], STORY[2], 'Traders fear a quiet summer', STORY[3]].join('\n\n'));
    for (const m of MENU) expect(hidden(a, m)).toMatchObject({ kind: 'boilerplate', reason: 'page text before the article' });
    expect(hidden(a, 'Ferry Fares Rise Again As Fuel Costs Bite')).toMatchObject({
      kind: 'boilerplate',
      reason: 'page text after the article',
    });
    expect(hidden(a, FOOTER[6]!)).toMatchObject({ kind: 'boilerplate', reason: 'cookie notice' });
    expect(hidden(a, 'Advertisement')?.reason).toBe('page furniture');
  });

  it('takes the headline above the story as the title, not the first menu line', () => {
    const a = analyseArticle(page);
    expect(a.meta.title.value).toBe('Northbay to close ferry pier for repairs');
    expect(a.meta.author.value).toBe('Jane Example');
    expect(a.meta.publishedAt.value).toBe('2025-03-03');
  });

  it('anchors: every body block sits at its offsets in the clean text', () => {
    const a = analyseArticle(page);
    for (const b of a.blocks) if (b.start !== null) expect(a.body.slice(b.start, b.end!)).toBe(b.text);
  });

  it('a line the page prints twice (a teaser of the story beside it) does not pull the main text its way', () => {
    const teaser = 'Readers can send their questions about the closure to the council, which promises an answer within a week.';
    const a = analyseArticle([...MENU, teaser, ...MENU, 'Northbay to close ferry pier', '', STORY[0], '', STORY[1], '', ...FOOTER, teaser].join('\n'));
    expect(a.body).toBe([STORY[0], STORY[1]].join('\n\n'));
    expect(a.blocks.filter((b) => b.text === teaser).every((b) => b.kind === 'boilerplate')).toBe(true);
  });
});

describe('text that is all story keeps everything', () => {
  it('a closing list set out paragraph by paragraph is part of the story', () => {
    const winners = ['Best drama - The Quiet Harbour', 'Best comedy - Pier Pressure', 'Best actor - Sam Example (The Quiet Harbour)'];
    const text = ['Harbour film wins three awards', '', STORY[0], '', STORY[1], '', ...winners.flatMap((w) => [w, ''])].join('\n');
    const a = analyseArticle(text);
    for (const w of winners) expect(a.body).toContain(w);
  });

  it('a bulleted list after the story is kept even when its items are not set apart', () => {
    const items = ['- Best lighting design - Jo Example at the Harbour Theatre', '- Best sound design - Kim Example at the Pier Playhouse'];
    const text = [...MENU, 'Harbour awards', '', STORY[0], '', STORY[1], ...items, ...FOOTER.slice(0, 4)].join('\n');
    const a = analyseArticle(text);
    for (const i of items) expect(a.body).toContain(i);
    expect(a.body).not.toContain('Ferry Fares Rise Again');
  });
});

describe('line shapes', () => {
  it('prose counts for its length, a menu line and a title-case headline count against the run', () => {
    expect(proseScore({ text: STORY[0]!, settled: null })).toBe(STORY[0]!.length);
    expect(proseScore({ text: 'Politics', settled: null })).toBeLessThan(0);
    expect(proseScore({ text: 'Ferry Fares Rise Again As Fuel Costs Bite Every Commuter In The Region.', settled: null })).toBeLessThan(0);
  });

  it('the main text is the densest run, with a short interruption absorbed', () => {
    const shape = (text: string) => ({ text, settled: null });
    const lines = [...MENU, STORY[0]!, 'A subhead', STORY[1]!, ...MENU].map(shape);
    expect(mainTextRange(lines)).toEqual({ start: MENU.length, end: MENU.length + 3 });
  });
});
