import type { Annotation, Rating, Verdict } from '../../contract';
import { AppError } from '../../contract/errors';
import type { ExportArticle } from './export-article';
import { findRating, ratingScale } from '../verdicts/ratings';

/** What a source article is called where the export names it (it need not be in the export's scope). */
export type SourceArticle = { title: string; outlet: string | null; url: string | null; publishedAt: string | null };

export type ClaimReviewSettings = {
  ratings: readonly Rating[];
  /** The page the fact-checks are published on: each review's `url` is this with `#verdict-<id>`. */
  pageUrl?: string;
  authorName?: string;
  authorUrl?: string;
  sourceArticle: (id: string) => SourceArticle | undefined;
};

type Json = Record<string, unknown>;

const httpUrl = (u: string | null | undefined): string | undefined => (u && /^https?:\/\//i.test(u) ? u : undefined);
const isoDay = (s: string | null | undefined): string | undefined => (s && /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : undefined);
const compact = (o: Json): Json => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null));

/** ClaimReview needs the page it is published on (Google's required `url`); refuse clearly without one. */
export function requirePageUrl(pageUrl: string | undefined): string {
  if (!pageUrl) {
    throw new AppError(
      'BAD_INPUT',
      'A ClaimReview export needs the address of the page the fact-checks are published on (options.claimReview.pageUrl, --page-url)',
    );
  }
  return pageUrl;
}

function reviewRating(verdict: Verdict, ratings: readonly Rating[]): Json {
  const rating = findRating(ratings, verdict.rating);
  const label = rating?.label ?? verdict.rating;
  const scale = ratingScale(ratings);
  const onScale = rating?.value !== null && rating?.value !== undefined && scale;
  return compact({
    '@type': 'Rating',
    ratingValue: onScale ? rating.value : undefined,
    bestRating: onScale ? scale.best : undefined,
    worstRating: onScale ? scale.worst : undefined,
    alternateName: label,
    name: label,
  });
}

function citation(verdict: Verdict, s: ClaimReviewSettings): Json[] {
  return verdict.sources.map((src) => {
    if (src.kind === 'link') return compact({ '@type': 'CreativeWork', url: src.url, name: src.title || undefined });
    const a = s.sourceArticle(src.articleId);
    return compact({
      '@type': 'NewsArticle',
      headline: a?.title ?? `Article ${src.articleId}`,
      url: httpUrl(a?.url),
      datePublished: isoDay(a?.publishedAt),
      publisher: a?.outlet ? { '@type': 'Organization', name: a.outlet } : undefined,
    });
  });
}

/**
 * One verdict as a schema.org ClaimReview, with Google's required fields (claimReviewed, reviewRating with
 * alternateName, url) and its recommended ones where the notebook knows them (author, datePublished,
 * itemReviewed as a Claim with its appearance, author and date; ratingValue on the notebook's scale).
 */
export function claimReview(a: ExportArticle, n: Annotation & { verdict: Verdict }, s: ClaimReviewSettings): Json {
  const v = n.verdict;
  const page = requirePageUrl(s.pageUrl);
  const publisher = a.outlet ? { '@type': 'Organization', name: a.outlet } : undefined;
  const appearance = compact({
    '@type': 'NewsArticle',
    headline: a.title,
    url: httpUrl(a.url) ?? httpUrl(a.snapshot?.url),
    datePublished: isoDay(a.publishedAt),
    author: a.author ? { '@type': 'Person', name: a.author } : undefined,
    publisher,
  });
  const claimAuthor = a.author ? { '@type': 'Person', name: a.author } : publisher;
  const sources = citation(v, s);
  return compact({
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: `${page.replace(/#.*$/, '')}#verdict-${n.id}`,
    claimReviewed: (v.claim ?? n.quote.exact).replace(/\s+/g, ' ').trim(),
    reviewRating: reviewRating(v, s.ratings),
    reviewBody: v.rationale || undefined,
    datePublished: isoDay(v.decidedAt),
    author: s.authorName ? compact({ '@type': 'Organization', name: s.authorName, url: s.authorUrl }) : undefined,
    itemReviewed: compact({
      '@type': 'Claim',
      author: claimAuthor,
      datePublished: isoDay(a.publishedAt),
      appearance,
    }),
    citation: sources.length ? sources : undefined,
  });
}

const withVerdict = (n: Annotation): n is Annotation & { verdict: Verdict } => !!n.verdict;

/** The export as one JSON-LD array of ClaimReviews, written article by article. */
export const claimReviewExport = {
  begin: (s: ClaimReviewSettings): string => {
    requirePageUrl(s.pageUrl);
    return '[';
  },
  article(a: ExportArticle, s: ClaimReviewSettings, first: boolean): string {
    const reviews = a.annotations.filter(withVerdict).map((n) => JSON.stringify(claimReview(a, n, s), null, 2));
    if (!reviews.length) return '';
    return `${first ? '\n' : ',\n'}${reviews.join(',\n')}`;
  },
  end: (): string => '\n]\n',
};

export const verdictCount = (articles: ExportArticle[]) => articles.reduce((k, a) => k + a.annotations.filter(withVerdict).length, 0);
