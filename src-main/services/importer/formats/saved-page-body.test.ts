import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { analyseSource, prepareRaw } from './analyse-source';
import { hideLinkRuns, pageLines } from './page-lines';
import { sanitizePage } from './sanitize-page';

/** Story paragraphs long enough for an article finder to take them for the story. */
const STORY = [
  'Foreign ministers of the two countries met in the capital on Sunday to discuss border security and trade, officials said.',
  'The talks lasted four hours and ended with a joint statement promising further meetings before the end of the year.',
  'Analysts said the meeting signalled a thaw after months of tension along the shared border and in the region.',
  'Both delegations declined to take questions from reporters waiting outside the ministry building in the evening.',
];
const paragraphs = (ps: string[] = STORY) => ps.map((p) => `<p>${p}</p>`).join('\n');

/** A small saved page: a menu, the article (with `inside` among its paragraphs), a footer. */
function savedPage(article: string, { wrapperClass = 'page', head = '' } = {}): string {
  return `<!doctype html><html lang="en"><head><title>Ministers meet on border security</title>${head}</head>
<body><div class="${wrapperClass}">
<nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article><h1>Ministers meet on border security</h1>
${article}
</article>
<footer>All rights reserved. Contact us. About us.</footer>
</div></body></html>`;
}

const read = (html: string) => analyseSource('html', prepareRaw('html', html), 'page.html').analysis;
const hidden = (a: ReturnType<typeof read>) =>
  a.blocks.filter((b) => b.kind === 'boilerplate' || b.kind === 'meta').map((b) => [b.text, b.reason]);

describe('the stored body of a saved page', () => {
  it('keeps the article when a wrapper named like an ad holds the whole page, and still removes a real ad slot', () => {
    for (const wrapperClass of ['ad_body', 'ad-wrapper', 'ads-layout']) {
      const a = read(
        savedPage(`${paragraphs(STORY.slice(0, 2))}<div class="ad-slot">Buy cheap flights today</div>${paragraphs(STORY.slice(2))}`, {
          wrapperClass,
        }),
      );
      for (const p of STORY) expect(a.body, wrapperClass).toContain(p);
      expect(a.body).not.toContain('Buy cheap flights');
    }
  });

  it('turns <br> and block boundaries into line breaks, never gluing words', () => {
    const a = read(
      savedPage(
        `${paragraphs()}<p>The statement listed three points:<br>Border patrols will be doubled<br/>Trade offices will reopen</p>` +
          `<div><span>Officials also met</span><div>separately with traders.</div></div>`,
      ),
    );
    expect(a.body).not.toMatch(/doubledTrade|points:Border|metseparately/);
    expect(a.body).toContain('Border patrols will be doubled\n');
    expect(a.body).toContain('Trade offices will reopen');
    expect(a.body).toMatch(/Officials also met\s+separately with traders\./);
  });

  it('hides photo captions, credits, bylines and share, newsletter and "read more" prompts with their reason', () => {
    const a = read(
      savedPage(
        `<div class="article-byline">By Jane Doe and John Roe</div>
<figure><figcaption>The two ministers shake hands before the talks.</figcaption></figure>
${paragraphs(STORY.slice(0, 2))}
<div class="share-tools"><a href="/s">Share on social media</a></div>
<div class="image-credit">Photograph by the ministry press office</div>
${paragraphs(STORY.slice(2))}
<div class="newsletter-signup">Get the morning briefing in your inbox every day</div>
<div class="related-links"><a href="/other">Earlier talks collapsed over fishing rights</a></div>`,
      ),
    );
    for (const p of STORY) expect(a.body).toContain(p);
    expect(hidden(a)).toEqual(
      expect.arrayContaining([
        ['By Jane Doe and John Roe', expect.any(String)],
        ['The two ministers shake hands before the talks.', 'photo caption'],
        ['Share on social media', 'share or subscribe button'],
        ['Photograph by the ministry press office', 'photo credit'],
        ['Get the morning briefing in your inbox every day', 'newsletter prompt'],
        ['Earlier talks collapsed over fishing rights', 'link to another article'],
      ]),
    );
    for (const junk of ['shake hands', 'Share on social', 'Photograph by', 'morning briefing', 'fishing rights', 'Jane Doe']) {
      expect(a.body).not.toContain(junk);
    }
  });

  it('keeps a lead paragraph that opens with a photo credit, hiding only the credit', () => {
    const lead = 'The ministers agreed on Sunday to reopen two crossings that have been closed since the spring floods.';
    const a = read(savedPage(`<p><span class="photo-credit">© Press Agency</span> ${lead}</p>${paragraphs()}`));
    expect(a.body).toContain(lead);
    expect(hidden(a)).toContainEqual(['© Press Agency', 'photo credit']);
  });

  it('never hides a large block because of its name: a "related" wrapper around the story is the story', () => {
    const a = read(
      savedPage(`<div class="related-content-wrapper">${paragraphs()}${paragraphs(STORY.map((p) => p.replace('the', 'a')))}</div>`),
    );
    for (const p of STORY) expect(a.body).toContain(p);
  });

  it('leaves out what the page hides from its readers (hidden, aria-hidden, display:none), keeping no style attribute', () => {
    const raw = sanitizePage(
      '<div style="color: red; display: none !important">folded menu</div><p aria-hidden="true">decor</p><p style="color:red">shown</p>',
    );
    expect(raw).not.toMatch(/style=/);
    expect(raw).toMatch(/<div hidden="">folded menu<\/div>/);
    expect(raw).toContain('aria-hidden="true"');
    expect(raw).toContain('<p>shown</p>');
    const a = read(
      savedPage(
        `${paragraphs(STORY.slice(0, 2))}<ul style="display:none"><li>Sign in</li><li>Account settings</li></ul>${paragraphs(STORY.slice(2))}`,
      ),
    );
    expect(a.body).not.toMatch(/Sign in|Account settings/);
    for (const p of STORY) expect(a.body).toContain(p);
  });
});

describe('lines of a page', () => {
  const body = (html: string) => new JSDOM(`<body>${html}</body>`).window.document.body;

  it('hides a run of short all-link lines (a menu, a "you may also like" list) but not a link inside prose', () => {
    const lines = hideLinkRuns(
      pageLines(
        body(`<p>${STORY[0]} See <a href="/r">the report</a>.</p>
<ul><li><a href="/a">Who will win the cup?</a></li><li><a href="/b">Ten best bands</a></li><li><a href="/c">Fans want a vote</a></li></ul>
<p>${STORY[1]}</p><p><a href="/d">A lone linked line</a></p><p>${STORY[2]}</p>`),
      ),
    );
    expect(lines.map((l) => [l.text.slice(0, 22), l.hidden])).toEqual([
      [STORY[0]!.slice(0, 22), null],
      ['Who will win the cup?', 'list of links'],
      ['Ten best bands', 'list of links'],
      ['Fans want a vote', 'list of links'],
      [STORY[1]!.slice(0, 22), null],
      ['A lone linked line', null],
      [STORY[2]!.slice(0, 22), null],
    ]);
  });

  it('names cookie notices, topic tags and comment prompts inside the article', () => {
    const lines = pageLines(
      body(`<p>${STORY[0]}</p><div class="cookie-banner">We use cookies to improve your experience</div>
<div class="article-tags">Border, Trade, Diplomacy</div><div class="comments-prompt">Tell us what you think</div>`),
    );
    expect(lines.slice(1).map((l) => l.hidden)).toEqual(['cookie notice', 'topic tags', 'comments']);
  });
});

describe('what the article finder drops', () => {
  it("keeps a paragraph of prose that sits between the story's own paragraphs, whatever its box is called", () => {
    const aside =
      'Officials from both sides said that the new border regime would be reviewed every three months by a joint committee, which will report to the two foreign ministers and publish its findings.';
    const a = read(
      savedPage(`${paragraphs(STORY.slice(0, 2))}<div class="extra-notes"><p>${aside}</p></div>${paragraphs(STORY.slice(2))}`),
    );
    for (const p of [...STORY, aside]) expect(a.body).toContain(p);
  });
});

describe("other stories and the story's own quotations", () => {
  it('keeps an embedded post (a <blockquote>) between the paragraphs even when the article finder drops its box', () => {
    const a = read(
      savedPage(
        `${paragraphs(STORY.slice(0, 2))}<div class="social-embed"><blockquote class="twitter-tweet"><p>Border open again at last <a href="https://t.co/x1">https://t.co/x1</a></p>— Jo Bloggs (@jobloggs) <a href="https://twitter.com/jobloggs/status/1">November 18, 2019</a></blockquote></div>${paragraphs(STORY.slice(2))}`,
      ),
    );
    for (const p of STORY) expect(a.body).toContain(p);
    expect(a.body).toContain('Border open again at last');
  });

  it("removes another story's card nested in a sentence, keeping the sentence whole", () => {
    const a = read(
      savedPage(
        `<p>The talks were led by Minister <a href="/people/jane-roe">Jane Roe</a><span class="card"><a href="/people/jane-roe">Jane Roe</a><a href="/a/1">Roe defends the new fishing quotas</a><a href="/a/2">Five things to know about the border</a></span> and her deputy, officials said on Sunday.</p>${paragraphs()}`,
      ),
    );
    expect(a.body).toContain('The talks were led by Minister Jane Roe and her deputy, officials said on Sunday.');
    expect(a.body).not.toMatch(/fishing quotas|Five things/);
  });

  it('hides a list of topic tags and its label, but keeps a sentence that links a topic page', () => {
    const a = read(
      savedPage(
        `${paragraphs()}<p>Read about the <a href="/tag/border/">border</a> in our guide, which explains the history of the crossings.</p><p>Tags</p><p><a rel="tag" href="/t/1">border security</a>, <a rel="tag" href="/t/2">foreign ministers</a>, <a href="/tag/trade/">trade talks</a></p>`,
      ),
    );
    expect(hidden(a)).toEqual(
      expect.arrayContaining([
        ['Tags', 'topic tags'],
        ['border security, foreign ministers, trade talks', 'topic tags'],
      ]),
    );
    expect(a.body).not.toMatch(/foreign ministers, trade/);
    expect(a.body).toContain('Read about the border in our guide');
  });

  it("hides a cross-link to another story set in capitals between the story's paragraphs", () => {
    const a = read(
      savedPage(
        `${paragraphs(STORY.slice(0, 2))}<p><strong><a href="/other">MINISTER'S RIVAL SAYS THE TALKS WERE A SHAM</a></strong></p>${paragraphs(STORY.slice(2))}`,
      ),
    );
    for (const p of STORY) expect(a.body).toContain(p);
    expect(hidden(a)).toContainEqual(["MINISTER'S RIVAL SAYS THE TALKS WERE A SHAM", 'link to another article']);
  });

  it('keeps a lead sentence that retells the headline and ends inside its closing quote', () => {
    const lead = 'Ministers meet on border security “at last.”';
    const a = read(savedPage(`<p>${lead}</p>${paragraphs()}`));
    expect(a.body).toContain(lead);
  });
});
