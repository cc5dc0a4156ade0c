import { describe, expect, it } from 'vitest';
import type { Block } from '../../contract';
import { affiliationsOf } from './affiliations';
import { compareArticles } from './compare-articles';
import { personNameWords, sameGivenName } from './conflicts';
import type { CompareInput } from './sentences';

/** An article of one paragraph per string, laid out as the analyser lays out a clean body. */
function article(id: string, outlet: string, ...paragraphs: string[]): CompareInput {
  const blocks: Block[] = [];
  let offset = 0;
  for (const p of paragraphs) {
    blocks.push({ kind: 'paragraph', text: p, reason: null, lang: null, post: null, start: offset, end: offset + p.length });
    offset += p.length + 2;
  }
  return { id, title: `${outlet} story`, outlet, publishedAt: null, language: 'en', body: paragraphs.join('\n\n'), blocks };
}

const compare = (...a: CompareInput[]) => compareArticles(a);

describe('conflicts of figures and dates', () => {
  it('flags two lengths for one extension and cites both passages', () => {
    const a = article('a1', 'Daily A', 'Senators agreed to raise the debt limit for two months to avoid a default.');
    const b = article('b1', 'Daily B', 'The deal solves a debt limit impasse by extending the borrowing limit for only three months.');
    const r = compare(a, b);
    const c = r.conflicts.find((x) => x.kind === 'number');
    expect(c?.forms).toEqual(['two months', 'three months']);
    const body = (id: string) => (id === 'a1' ? a.body : b.body);
    expect(c?.passages?.map((p) => [p.article, body(p.article).slice(p.start, p.end)])).toEqual([
      ['a1', 'two months'],
      ['b1', 'three months'],
    ]);
    expect(c?.passages?.[1]).toMatchObject({ article: 'b1', sentence: 0, form: 'three months' });
  });

  it('does not flag figures the wording allows to be one ($1 trillion / $1.2 trillion, nearly 190,000 / 188,829)', () => {
    const r = compare(
      article(
        'a2',
        'Daily A',
        'The Senate passed a $1 trillion infrastructure bill on Tuesday. Nearly 190,000 migrants were stopped at the border in June.',
      ),
      article(
        'b2',
        'Daily B',
        'The Senate passed the $1.2 trillion infrastructure bill on Tuesday. Officials said 188,829 migrants were stopped at the border in June.',
      ),
    );
    expect(r.conflicts).toEqual([]);
  });

  it('does not flag a range stated identically by every outlet', () => {
    const text = 'Forecasters expect between 12 and 15 storms this season, with 6 to 8 hurricanes.';
    const r = compare(article('a3', 'Daily A', text), article('b3', 'Daily B', text), article('c3', 'Daily C', text));
    expect(r.conflicts).toEqual([]);
    expect(r.differs).toEqual([]);
  });

  it('notes a different measure (arrests vs migrants encountered) as differs, not as a conflict', () => {
    const r = compare(
      article('a4', 'Daily A', 'Border agents made more than 178,000 arrests of people crossing the southern border in June.'),
      article('b4', 'Daily B', 'Officials said 188,829 migrants were encountered crossing the southern border in June.'),
    );
    expect(r.conflicts).toEqual([]);
    expect(r.differs?.[0]?.forms).toEqual(['more than 178,000 arrests', '188,829 migrants']);
    expect(r.differs?.[0]?.passages).toHaveLength(2);
  });

  it('flags two tallies of one vote, not the tallies of two votes', () => {
    const same = compare(
      article('a5', 'Daily A', 'The 215-to-201 party-line vote created the panel.'),
      article('b5', 'Daily B', 'The vote was 217-201, with two members crossing over.'),
    );
    expect(same.conflicts.map((c) => c.forms)).toEqual([['215-to-201', '217-201']]);
    const two = compare(
      article('a6', 'Daily A', 'The vote in the chamber was 215-201.'),
      article('b6', 'Daily B', 'The vote in the upper chamber was 51-49.'),
    );
    expect(two.conflicts).toEqual([]);
  });

  it('flags one letter dated on two days, and notes late Wednesday vs Thursday as differs', () => {
    const r = compare(
      article('a7', 'Daily A', 'The senators wrote a letter to Agency Director Jane Morrow on Wednesday seeking answers.'),
      article('b7', 'Daily B', 'In a Tuesday letter to Director Jane Morrow, the senators asked for answers.'),
    );
    expect(r.conflicts.find((c) => c.kind === 'date')?.forms).toEqual(['Wednesday', 'Tuesday']);
    const night = compare(
      article('a8', 'Daily A', 'The board suspended the account of the club late Wednesday night after a complaint.'),
      article('b8', 'Daily B', 'The board suspended the account of the club on Thursday after a complaint.'),
    );
    expect(night.conflicts).toEqual([]);
    expect(night.differs?.map((c) => c.forms)).toEqual([['late Wednesday night', 'Thursday']]);
  });

  it('does not compare the day something was said with the day of the event', () => {
    const r = compare(
      article('a9', 'Daily A', 'The county health officer said Thursday the new county health order starts soon.'),
      article('b9', 'Daily B', 'The county health order will start Saturday, the county health officer confirmed.'),
    );
    expect(r.conflicts).toEqual([]);
    expect(r.differs).toEqual([]);
  });
});

describe('conflicts of places', () => {
  it('reads party and state labels beside names', () => {
    expect(affiliationsOf('Sen. Dana Whitfield, D-N.Y., spoke.')).toMatchObject([
      { given: 'dana', surname: 'whitfield', party: 'D', state: 'NY' },
    ]);
    expect(affiliationsOf('Dana Whitfield, a New Jersey Democrat, spoke.')).toMatchObject([
      { surname: 'whitfield', state: 'NJ', stateText: 'New Jersey' },
    ]);
    expect(affiliationsOf('Sens. Ann Lowe (R.I.) and Ed Parr (Del.) wrote.')).toMatchObject([
      { surname: 'lowe', state: 'RI' },
      { surname: 'parr', state: 'DE' },
    ]);
  });

  it('flags one person placed in two states, not two people of one surname', () => {
    const r = compare(
      article('p1', 'Daily A', 'Sen. Dana Whitfield, a New Jersey Democrat, leads the talks.'),
      article('p2', 'Daily B', 'The talks are led by Sen. Dana Whitfield, D-N.Y., and others.'),
    );
    expect(r.conflicts.find((c) => c.kind === 'place')?.forms).toEqual(['New Jersey', 'N.Y.']);
    const two = compare(
      article('p3', 'Daily A', 'Sen. Dana Whitfield, a New Jersey Democrat, leads the talks.'),
      article('p4', 'Daily B', 'The talks are led by Sen. Mark Whitfield, D-N.Y., and others.'),
    );
    expect(two.conflicts.filter((c) => c.kind === 'place')).toEqual([]);
  });
});

describe('conflicts of names', () => {
  it('reads a person’s name without the titles and party words glued to it', () => {
    expect(personNameWords('Republican Senator Rand Paul')).toEqual(['rand', 'paul']);
    expect(personNameWords('Senator Rand Paul of Kentucky')).toEqual(['rand', 'paul']);
    expect(personNameWords('CEO Sundar Pichai')).toEqual(['sundar', 'pichai']);
    expect(personNameWords('House Republicans')).toBeNull();
    expect(personNameWords('Gulf Coast')).toBeNull();
  });

  it('knows short forms and nicknames of given names', () => {
    expect(sameGivenName('chris', 'christopher')).toBe(true);
    expect(sameGivenName('chuck', 'charles')).toBe(true);
    expect(sameGivenName('ashraf', 'murhaf')).toBe(false);
  });

  it('does not flag a title glued to a name, or a nickname, as two names of one person', () => {
    const r = compare(
      article(
        'n1',
        'Daily A',
        'Republican Senator Rand Holt objected to the bill. Charles Nolan, the majority leader, scheduled the vote.',
      ),
      article('n2', 'Daily B', 'Rand Holt objected to the bill. Chuck Nolan, the majority leader, scheduled the vote.'),
    );
    expect(r.conflicts.filter((c) => c.kind === 'name')).toEqual([]);
  });

  it('still flags two given names for one surname in one role', () => {
    const r = compare(
      article('n3', 'Daily A', 'Defence Minister Karim Abu Nasra visited the base on Monday.'),
      article('n4', 'Daily B', 'Defence Minister Walid Abu Nasra visited the base on Monday.'),
    );
    const flagged = r.conflicts.filter((c) => c.kind === 'name' || c.kind === 'role');
    expect(flagged.length).toBeGreaterThan(0);
    expect(flagged[0]!.passages?.map((p) => p.article).sort()).toEqual(['n3', 'n4']);
  });
});
