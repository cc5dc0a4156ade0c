import { describe, expect, it } from 'vitest';
import { analyseSource, prepareRaw } from './analyse-source';

/** A small saved page: head tags, JSON-LD blocks and a body, all hand-written for one case each. */
const page = (o: { head?: string; ld?: string[]; body: string; lang?: string }) =>
  `<!doctype html><html lang="${o.lang ?? 'en'}"><head>${o.head ?? ''}${(o.ld ?? [])
    .map((j) => `<script type="application/ld+json">${j}</script>`)
    .join('')}</head><body>${o.body}</body></html>`;
const story =
  '<p>Officials from both countries met in the capital on Sunday to agree a series of security steps, the ministry said in a statement.</p>' +
  '<p>The talks, the first at this level for a decade, covered the border, trade and the return of refugees, according to people present.</p>' +
  '<p>Further meetings are expected in the coming weeks, with a joint commission to report to both governments by the end of the year.</p>';
const meta = (html: string) => analyseSource('html', prepareRaw('html', html), 'p.html').analysis.meta;

describe('metadata of saved pages', () => {
  it('reads JSON-LD wrapped in CDATA, inside @graph, with the author as an array of objects', () => {
    const m = meta(
      page({
        ld: [
          `//<![CDATA[
          {"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"The Levant Daily"},
          {"@type":"ReportageNewsArticle","headline":"Talks end in agreement","datePublished":"2025-10-12T09:30:00+03:00",
           "author":[{"@type":"Person","name":"Leyla Demir"},{"@type":"Person","name":"Omar Haddad"}]}]}
          //]]>`,
        ],
        body: `<article><h1>Talks end in agreement</h1><p class="byline">By Leyla Demir and Omar Haddad</p>${story}</article>`,
      }),
    );
    expect(m.publishedAt).toMatchObject({ value: '2025-10-12', cue: expect.stringContaining('JSON-LD datePublished') });
    expect(m.author.value).toBe('Leyla Demir, Omar Haddad');
    expect(m.outlet.value).toBe('The Levant Daily');
  });

  it('reads itemprop author and datePublished, and article:publicationdate', () => {
    const m = meta(
      page({
        head: '<meta name="article:publicationdate" content="2019-11-19T10:00:00+01:00">',
        body: `<article><h1>Market rallies on trade hopes</h1><span itemprop="author" itemscope><span itemprop="name">Anna Müller</span></span>${story}</article>`,
      }),
    );
    expect(m.author.value).toBe('Anna Müller');
    expect(m.publishedAt).toMatchObject({ value: '2019-11-19', cue: expect.stringContaining('article:publicationdate') });
    const m2 = meta(
      page({
        body: `<article><h1>Market rallies on trade hopes</h1><meta itemprop="datePublished" content="2019-11-18">${story}</article>`,
      }),
    );
    expect(m2.publishedAt.value).toBe('2019-11-18');
  });

  it('prefers the published date over a modification <time> that comes first, and finds <time> outside <article>', () => {
    const m = meta(
      page({
        head: '<meta property="article:published_time" content="2019-11-18T08:00:00-05:00">',
        body: `<article><h1>Market rallies</h1><p>Updated <time datetime="2019-11-20T10:00:00-05:00">Nov 20</time></p>${story}</article>`,
      }),
    );
    expect(m.publishedAt.value).toBe('2019-11-18');
    const outside = meta(
      page({
        body: `<div class="header"><h1>Market rallies</h1><time datetime="2019-11-17T08:00:00Z"></time></div><article>${story}</article>`,
      }),
    );
    expect(outside.publishedAt.value).toBe('2019-11-17');
  });

  it('takes the date printed by the headline over a UTC timestamp that is already the next day', () => {
    const m = meta(
      page({
        ld: ['{"@type":"NewsArticle","headline":"Late vote passes","datePublished":"2019-11-20T03:40:00Z"}'],
        body: `<article><h1>Late vote passes</h1><div class="date">Nov. 19, 2019 10:40 pm ET</div>${story}</article>`,
      }),
    );
    expect(m.publishedAt).toMatchObject({ value: '2019-11-19', cue: expect.stringContaining('printed on the page') });
  });

  it('reads a UTC timestamp in the zone the page’s other timestamps carry, and ignores a 0001-01-01 placeholder', () => {
    const m = meta(
      page({
        head:
          '<meta property="article:published_time" content="0001-01-01T00:00:00Z">' +
          '<meta property="og:updated_time" content="2019-11-19T23:50:00-06:00">',
        ld: ['{"@type":"NewsArticle","headline":"Council meets","datePublished":"2019-11-20T05:14:00Z"}'],
        body: `<article><h1>Council meets</h1>${story}</article>`,
      }),
    );
    expect(m.publishedAt.value).toBe('2019-11-19');
  });

  it('reads a printed DD.MM.YYYY date in the page’s language', () => {
    const m = meta(
      page({ lang: 'de', body: `<article><h1>Der Rat tagt</h1><span class="date">08.04.2015, 10:12 Uhr</span>${story}</article>` }),
    );
    expect(m.publishedAt.value).toBe('2015-04-08');
  });

  it('accepts an author only when it reads as a name the reader is shown', () => {
    // The outlet as author, an account name, and a name only in the metadata are not credits the reader sees.
    const outletAsAuthor = meta(
      page({
        head: '<meta property="og:site_name" content="Levant Daily">',
        ld: ['{"@type":"NewsArticle","headline":"Talks end","author":{"@type":"Organization","name":"Levant Daily"}}'],
        body: `<article><h1>Talks end</h1>${story}<p>Levant Daily</p></article>`,
      }),
    );
    expect(outletAsAuthor.author.value).toBeNull();
    const hidden = meta(
      page({ head: '<meta name="author" content="Jane Hidden">', body: `<article><h1>Talks end</h1>${story}</article>` }),
    );
    expect(hidden.author.value).toBeNull();
    const account = meta(page({ body: `<article><h1>Talks end</h1><div class="author">admin</div>${story}</article>` }));
    expect(account.author.value).toBeNull();
    const junk = meta(
      page({ body: `<article><h1>Talks end</h1><div class="byline"><a>Lucas Nolan</a>22 Dec 2016</div>${story}</article>` }),
    );
    expect(junk.author.value).toBe('Lucas Nolan');
    const shownMeta = meta(
      page({
        head: '<meta name="author" content="By Jamelle Bouie">',
        body: `<article><h1>Talks end</h1><p>By Jamelle Bouie</p>${story}</article>`,
      }),
    );
    expect(shownMeta.author).toMatchObject({ value: 'Jamelle Bouie', cue: 'meta author, shown on the page' });
  });

  it('cuts the site name from a title when the outlet is known, and prefers the visible headline', () => {
    const m = meta(
      page({
        head: '<meta property="og:site_name" content="BBC News"><meta property="og:title" content="Sweden drops investigation - BBC News">',
        body: `<article>${story}</article>`,
      }),
    );
    expect(m.title.value).toBe('Sweden drops investigation');
    const visible = meta(
      page({
        head: '<meta property="og:title" content="Opinion | Republicans Follow Trump">',
        body: `<article><h1>Republicans Follow Trump</h1>${story}</article>`,
      }),
    );
    expect(visible.title.value).toBe('Republicans Follow Trump');
    const escaped = meta(
      page({ ld: ['{"@type":"NewsArticle","headline":"&#8216;Quoted&#8217; headline &amp; more"}'], body: `<article>${story}</article>` }),
    );
    expect(escaped.title.value).toBe('‘Quoted’ headline & more');
  });

  describe('the outlet', () => {
    const footer = '<footer><p>Contact Harbour Post</p><p>© 2021 The Harbour Post. All rights reserved.</p></footer>';
    const body = `<article><h1>Talks end in agreement</h1>${story}</article>${footer}`;

    it("reads a page's copyright line and its own links when the metadata name no site", () => {
      expect(meta(page({ body })).outlet).toMatchObject({ value: 'Harbour Post', cue: expect.stringContaining('© 2021') });
    });

    it('prefers the name in the text to a social handle, and to a news agency named as the publisher', () => {
      expect(meta(page({ head: '<meta name="twitter:site" content="@HarbourPostNews">', body })).outlet.value).toBe('Harbour Post');
      const wire = meta(
        page({
          head: '<link rel="canonical" href="https://www.harbourpost.example/news/1">',
          ld: ['{"@type":"NewsArticle","headline":"Talks end in agreement","publisher":{"@type":"Organization","name":"Associated Press"}}'],
          body,
        }),
      );
      expect(wire.outlet.value).toBe('Harbour Post');
      // with nothing better, the handle is still shown rather than nothing
      expect(meta(page({ head: '<meta name="twitter:site" content="@HarbourPostNews">', body: `<article><h1>Talks</h1>${story}</article>` })).outlet.value).toBe(
        'HarbourPostNews',
      );
    });

    it("keeps the site's name from og:site_name without the sections after a bar, and never a web address", () => {
      const named = (site: string) => meta(page({ head: `<meta property="og:site_name" content="${site}">`, body })).outlet.value;
      expect(named('Harbour Post | Sport | Weather | Jobs')).toBe('Harbour Post');
      expect(named('https://www.harbourpost.example')).toBe('Harbour Post');
    });
  });
});
