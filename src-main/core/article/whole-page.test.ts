import { describe, expect, it } from 'vitest';
import { analyseArticle } from './analyse-article';
import { isGluedTeaser, mainTextRange, proseScore } from './main-text';

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

  it('the title is the headline, not the credit, date or share line between it and the story', () => {
    const head = ['Northbay to close ferry pier for repairs', 'Jane Example - Mar 3, 2025, 10:31 pm CST', 'Share this on WhatsApp'];
    const a = analyseArticle([...MENU, ...head, STORY[0], STORY[1], STORY[2], ...FOOTER].join('\n'));
    expect(a.meta.title.value).toBe('Northbay to close ferry pier for repairs');
  });

  it('anchors: every body block sits at its offsets in the clean text', () => {
    const a = analyseArticle(page);
    for (const b of a.blocks) if (b.start !== null) expect(a.body.slice(b.start, b.end!)).toBe(b.text);
  });

  it('lines the page prints twice (a promotion in the header and the footer) do not pull the main text their way', () => {
    const promo = [
      'Readers can now send their questions about local news to our newsroom, which promises an answer within a week.',
      'Our new weekly newsletter brings the best stories from the harbour, the hills and the town hall to your inbox.',
      'Subscribers get every story first, with no adverts, and support independent local reporting in the region.',
    ];
    const a = analyseArticle([...MENU, ...promo, ...MENU, 'Northbay to close ferry pier', '', STORY[0], '', STORY[1], '', ...FOOTER, ...promo].join('\n'));
    expect(a.body).toBe([STORY[0], STORY[1]].join('\n\n'));
    expect(a.blocks.filter((b) => promo.includes(b.text)).every((b) => b.kind === 'boilerplate')).toBe(true);
  });
});

describe('after the story', () => {
  const comments = [
    'Sam Reader on March 3, 2025 at 4:47 pm said:',
    'I have walked on that pier every morning for thirty years and I never once thought it was unsafe, which worries me now.',
    'Kim Neighbour on March 4, 2025 at 9:12 am said:',
    'The council should publish the full inspection report so that everyone can see for themselves how bad the piles really are, and how long the work will take.',
    'Jo Visitor on March 4, 2025 at 11:30 am said:',
    'We came to Northbay for the ferry every summer, and we will miss it, but it is better to be safe than sorry about these things in my opinion.',
  ];

  it('readers’ comments are not the story, even when the thread is longer than it', () => {
    const text = [...MENU, 'Northbay to close ferry pier', '', STORY[0], '', STORY[1], '', '12 Comments', ...comments, ...FOOTER.slice(3)].join('\n');
    const a = analyseArticle(text);
    expect(a.body).toBe([STORY[0], STORY[1]].join('\n\n'));
    expect(hidden(a, comments[1]!)).toMatchObject({ kind: 'boilerplate', reason: 'page text after the article' });
  });

  it('a story card copied as headline glued to summary is a teaser, not prose', () => {
    expect(isGluedTeaser('Customers Leave Without Paying Their Bill At SteakhouseA party of six left the restaurant after a fight.')).toBe(true);
    expect(isGluedTeaser(STORY[0]!)).toBe(false);
    expect(isGluedTeaser('Apple said the new MacBook Pro will ship in December to customers in most countries.')).toBe(false);
    const cards = [
      'Ferry Fares Rise Again As Fuel Costs Bite Across The RegionOperators blamed the price of diesel for the third rise this year, and said more could follow.',
      'New Lighthouse Museum Opens Its Doors To The PublicThe museum, in the old keeper’s cottage, shows the lamps that guided ships for a century.',
      'Harbour Seals Return To The Estuary After A Decade AwayVolunteers counted forty seals on the sandbanks last weekend, the most since records began.',
    ];
    const a = analyseArticle([...MENU, ...cards, ...MENU, 'Northbay to close ferry pier', '', STORY[0], '', ...FOOTER.slice(3)].join('\n'));
    expect(a.body).toBe(STORY[0]);
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
