import { describe, expect, it } from 'vitest';
import { readSeed } from '../../../tests/helpers/seeds';
import { analyseArticle } from './analyse-article';

const seed = (p: string) => analyseArticle(readSeed(p));
const removed = (a: ReturnType<typeof analyseArticle>) => a.blocks.filter((b) => b.kind === 'boilerplate').map((b) => b.text);
const bodyParas = (a: ReturnType<typeof analyseArticle>) => a.blocks.filter((b) => b.kind === 'paragraph').map((b) => b.text);

describe('metadata from text cues, on the seeds', () => {
  it('000: title, date from the "date" cue, byline, no outlet invented', () => {
    const a = seed('000_');
    expect(a.meta.title.value).toBe("Syria's security is inseparable from Türkiye: Fidan");
    expect(a.meta.title.confidence).toBeGreaterThanOrEqual(0.8);
    expect(a.meta.publishedAt.value).toBe('2025-10-12');
    expect(a.meta.author.value).toBe('Staff Reporter');
    // "/ AA" is a photo credit, not a statement of who published the article.
    expect(a.meta.outlet.value).toBeNull();
    expect(a.meta.language.value).toBe('en');
  });

  it('001: outlet and dateline from "Shafaq News – Ankara"; no date because the text states none', () => {
    const a = seed('001_');
    expect(a.meta.title.value).toBe('Turkiye and Syria prioritize security coordination in Ankara talks');
    expect(a.meta.outlet.value).toBe('Shafaq News');
    expect(a.meta.dateline.value).toBe('Ankara');
    expect(a.meta.publishedAt.value).toBeNull();
  });

  it('002: no title line, so a derived title with low confidence; no outlet, no date', () => {
    const a = seed('002_');
    expect(a.meta.title.source).toBe('derived');
    expect(a.meta.title.confidence).toBeLessThan(0.5);
    expect(a.meta.title.value).toMatch(/^Turkey and Syria held a high-level meeting in Ankara/);
    expect(a.meta.outlet.value).toBeNull();
    expect(a.meta.publishedAt.value).toBeNull();
    expect(a.blocks.find((b) => b.text === 'Shared Security')?.kind).toBe('heading');
  });

  it('003: title, "12 October, 2025", no outlet invented', () => {
    const a = seed('003_');
    expect(a.meta.title.value).toBe('Syria FM leads security delegation for talks in Turkey');
    expect(a.meta.publishedAt.value).toBe('2025-10-12');
    expect(a.meta.outlet.value).toBeNull();
  });

  it('004: outlet from "SOURCE:TRTWorld and agencies", date October 11, 2025', () => {
    const a = seed('004_');
    expect(a.meta.title.value).toBe('Turkish, Syrian officials meet in Damascus, vow defence collaboration');
    expect(a.meta.outlet.value).toBe('TRT World');
    expect(a.meta.outlet.cue).toBe('SOURCE:TRTWorld and agencies');
    expect(a.meta.publishedAt.value).toBe('2025-10-11');
  });
});

describe('boilerplate, on the seeds', () => {
  it('003: "Skip to main content", "2 min read", the section label and the repeated title are boilerplate', () => {
    const a = seed('003_');
    const r = removed(a);
    expect(r).toContain('Skip to main content');
    expect(r).toContain('2 min read');
    expect(r).toContain('MENA');
    expect(r).toContain('Syria foreign minister leads security delegation for talks in Turkey');
    expect(a.body).not.toContain('Skip to main content');
    expect(a.body.startsWith('The visit comes a week after')).toBe(true);
  });

  it('004: the duplicated title line, "1 min read", RECOMMENDED and the trailing "Explore" list are boilerplate', () => {
    const a = seed('004_');
    const r = removed(a);
    const title = 'Turkish, Syrian officials meet in Damascus, vow defence collaboration';
    expect(r).toContain(title);
    expect(r).toContain('1 min read');
    expect(r).toContain('RECOMMENDED');
    expect(r).toContain('Explore');
    expect(r).toContain('Israel reopens Rafah crossing for limited number of Gaza patients');
    expect(r).toContain('Ukrainian drone strike kills two in Russia');
    expect(a.body).not.toContain('Epstein');
    expect(a.body).not.toContain(title);
  });

  it('keeps every real body paragraph in the body', () => {
    expect(bodyParas(seed('003_'))).toContain(
      'Senior Syrian officials arrived in Turkey on Sunday for discussions about the security situation in Syria.',
    );
    expect(bodyParas(seed('004_')).some((p) => p.startsWith('Syrian Minister of Defence Murhaf Abu Qasra met with Haluk Gorgun'))).toBe(
      true,
    );
    expect(bodyParas(seed('000_')).some((p) => p.startsWith('Turkish Foreign Minister Hakan Fidan, Defence Minister Yasar Guler'))).toBe(
      true,
    );
    expect(bodyParas(seed('002_'))).toHaveLength(11);
    // Body paragraphs are never reported as removed.
    for (const p of ['000_', '001_', '002_', '003_', '004_']) {
      const a = seed(p);
      for (const b of a.blocks.filter((x) => x.kind === 'paragraph')) expect(a.body).toContain(b.text);
    }
  });

  it('000: the photo caption ending in "/ AA" is boilerplate and the standfirst is kept', () => {
    const a = seed('000_');
    expect(removed(a)).toContain('Turkish, Syrian officials hold security talks in Ankara. / AA');
    expect(a.blocks.find((b) => b.kind === 'standfirst')?.text).toMatch(/^Foreign, defence, and intelligence chiefs/);
  });

  it('001: "Read more:" is boilerplate', () => {
    expect(removed(seed('001_')).some((t) => t.startsWith('Read more:'))).toBe(true);
  });
});

describe('embedded posts', () => {
  it('001 has three posts: two Arabic and one Turkish, with author, handle and date', () => {
    const posts = seed('001_').blocks.filter((b) => b.kind === 'post');
    expect(posts.map((p) => p.post?.handle)).toEqual(['syrianmofaex', 'Murhaf_abuqasra', 'HakanFidan']);
    expect(posts.map((p) => p.lang)).toEqual(['ar', 'ar', 'tr']);
    expect(posts[2]!.post).toMatchObject({ author: 'Hakan Fidan', date: '2025-10-12', url: 'https://pic.twitter.com/Y9Njmej8LO' });
    expect(posts[1]!.post?.author).toBe('مرهف أبو قصرة');
    expect(posts[1]!.post?.url).toBeNull();
    // The signature is structured data, not part of the quoted text.
    expect(posts[0]!.post?.text).not.toContain('pic.twitter.com');
    expect(posts[0]!.post?.text).not.toContain('@syrianmofaex');
  });

  it('no other seed has posts', () => {
    for (const p of ['000_', '002_', '003_', '004_']) expect(seed(p).blocks.some((b) => b.kind === 'post')).toBe(false);
  });
});

describe('body offsets', () => {
  it('every body block knows where it sits in the clean text', () => {
    for (const p of ['000_', '001_', '002_', '003_', '004_']) {
      const a = seed(p);
      for (const b of a.blocks) {
        if (b.start === null) continue;
        expect(a.body.slice(b.start, b.end!)).toBe(b.post ? b.post.text : b.text);
      }
    }
  });

  it('is deterministic: the same raw text gives the same analysis', () => {
    expect(analyseArticle(readSeed('001_'))).toEqual(analyseArticle(readSeed('001_')));
  });
});

describe('plain text in other shapes', () => {
  it('joins hard-wrapped lines and finds an agency dateline', () => {
    const a = analyseArticle(
      'Talks resume in Geneva\n\nGENEVA (Reuters) - Delegations met on Monday for a\nsecond round of talks that officials described as\nconstructive.\n\nBy Jane Doe\n',
    );
    expect(a.meta.title.value).toBe('Talks resume in Geneva');
    expect(a.meta.dateline.value).toBe('Geneva');
    expect(a.meta.outlet.value).toBe('Reuters');
    expect(a.meta.author.value).toBe('Jane Doe');
    expect(a.blocks.filter((b) => b.kind === 'paragraph')).toHaveLength(1);
  });

  it('handles CRLF, a BOM and text with no punctuation', () => {
    const a = analyseArticle('\uFEFFheadline here\r\n\r\nsome words without any punctuation at all just words\r\n');
    expect(a.body).not.toContain('\r');
    expect(a.wordCount).toBeGreaterThan(5);
  });

  it('an empty text gives an empty analysis, not an error', () => {
    const a = analyseArticle('');
    expect(a.body).toBe('');
    expect(a.blocks).toEqual([]);
  });
});
