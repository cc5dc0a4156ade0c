import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Annotation, Verdict } from '../../contract';
import { defaultRatings, isAppError } from '../../contract';
import { fixedArticles, fixedSettings } from '../../../tests/helpers/export-fixture';
import type { ExportArticle } from './export-article';
import { renderExport, renderToStrings } from './render-export';

/**
 * Google's ClaimReview structured data, as its fact-check documentation lists the fields: required
 * `claimReviewed`, `reviewRating` (with `alternateName`) and `url`; recommended `author`, `datePublished`,
 * `itemReviewed` (a Claim with `appearance`, `author`, `datePublished`) and, on the rating, `ratingValue`
 * within `worstRating`..`bestRating`. (No ClaimReview JSON schema is among the stored corpora, so the
 * required fields are written out here.)
 */
const Thing = z.object({ '@type': z.enum(['Organization', 'Person']), name: z.string().min(1) });
const RatingShape = z
  .object({
    '@type': z.literal('Rating'),
    alternateName: z.string().min(1),
    ratingValue: z.number().int().optional(),
    bestRating: z.number().int().optional(),
    worstRating: z.number().int().optional(),
    name: z.string().optional(),
  })
  .refine((r) => r.ratingValue === undefined || (r.bestRating !== undefined && r.worstRating !== undefined), 'a value needs its scale')
  .refine((r) => r.ratingValue === undefined || (r.ratingValue >= r.worstRating! && r.ratingValue <= r.bestRating!), 'value within the scale');
const ClaimReviewShape = z.object({
  '@context': z.literal('https://schema.org'),
  '@type': z.literal('ClaimReview'),
  claimReviewed: z.string().min(1),
  reviewRating: RatingShape,
  url: z.url({ protocol: /^https?$/ }),
  author: Thing.extend({ url: z.url().optional() }).optional(),
  datePublished: z.iso.date(),
  itemReviewed: z.object({
    '@type': z.literal('Claim'),
    author: Thing.optional(),
    datePublished: z.iso.date().optional(),
    appearance: z.object({ '@type': z.string(), headline: z.string(), url: z.url().optional() }),
  }),
  reviewBody: z.string().optional(),
  citation: z.array(z.object({ '@type': z.string() })).optional(),
});

const verdict = (v: Partial<Verdict>): Verdict => ({
  rating: 'false',
  rationale: '',
  sources: [],
  claim: null,
  story: null,
  decidedAt: '2025-10-15T09:30:00.000Z',
  ...v,
});

function withVerdicts(): ExportArticle[] {
  const articles = fixedArticles();
  const judged = articles.find((a) => a.annotations.length >= 2)!;
  const other = articles.find((a) => a !== judged)!;
  const [first, second] = judged.annotations as [Annotation, Annotation];
  first.verdict = verdict({
    rating: 'mostly-true',
    rationale: 'The ministry confirmed the date.',
    sources: [
      { kind: 'article', articleId: other.id },
      { kind: 'link', url: 'https://example.org/ministry', title: 'Ministry statement' },
    ],
  });
  second.verdict = verdict({ rating: 'unverified', claim: '  Talks   will resume next week ' });
  return articles;
}

const render = (articles: ExportArticle[], claimReview: Record<string, string>) =>
  [
    ...renderToStrings(
      renderExport(
        'claimreview',
        articles,
        {
          ...fixedSettings({ claimReview }),
          ratings: defaultRatings,
          sourceArticle: (id) => articles.find((a) => a.id === id),
        },
        'verdicts',
      ),
    ).entries(),
  ][0]!;

describe('ClaimReview export', () => {
  it('writes one ClaimReview per verdict with Google’s required and recommended fields', () => {
    const articles = withVerdicts();
    const [name, text] = render(articles, { pageUrl: 'https://checks.example.org/notes', authorName: 'Desk of Facts' });
    expect(name).toBe('verdicts.jsonld');
    const reviews = z.array(ClaimReviewShape).parse(JSON.parse(text));
    expect(reviews).toHaveLength(2);
    const [judged, unverified] = reviews as [z.infer<typeof ClaimReviewShape>, z.infer<typeof ClaimReviewShape>];
    const article = articles.find((a) => a.annotations.some((n) => n.verdict?.rating === 'mostly-true'))!;
    expect(judged.reviewRating).toEqual({ '@type': 'Rating', ratingValue: 4, bestRating: 5, worstRating: 1, alternateName: 'Mostly true', name: 'Mostly true' });
    expect(judged.claimReviewed).toBe(article.annotations[0]!.quote.exact.replace(/\s+/g, ' ').trim());
    expect(judged.url).toBe(`https://checks.example.org/notes#verdict-${article.annotations[0]!.id}`);
    expect(judged.datePublished).toBe('2025-10-15');
    expect(judged.author).toEqual({ '@type': 'Organization', name: 'Desk of Facts' });
    expect(judged.itemReviewed.appearance.headline).toBe(article.title);
    expect(judged.reviewBody).toBe('The ministry confirmed the date.');
    expect(judged.citation).toHaveLength(2);
    // Off the scale: no ratingValue, but the required alternateName; the claim as the fact-check worded it.
    expect(unverified.reviewRating).toEqual({ '@type': 'Rating', alternateName: 'Unverified', name: 'Unverified' });
    expect(unverified.claimReviewed).toBe('Talks will resume next week');
  });

  it('writes an empty list when nothing has a verdict, and refuses without the page the reviews are published on', () => {
    expect(JSON.parse(render(fixedArticles(), { pageUrl: 'https://checks.example.org/' })[1])).toEqual([]);
    try {
      render(withVerdicts(), {});
      expect.unreachable('a ClaimReview without url was written');
    } catch (e) {
      expect(isAppError(e) && e.code).toBe('BAD_INPUT');
      expect((e as Error).message).toMatch(/needs the address of the page/);
    }
  });

  it('keeps hostile text inside JSON strings', () => {
    const articles = withVerdicts();
    articles.find((a) => a.annotations[0]?.verdict)!.annotations[0]!.verdict!.rationale = '</script><script>alert(1)</script>"';
    const text = render(articles, { pageUrl: 'https://checks.example.org/' })[1];
    expect(JSON.parse(text)[0].reviewBody).toBe('</script><script>alert(1)</script>"');
  });
});
