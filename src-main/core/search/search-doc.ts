import type { ArticleRecord } from '../article/article-record';
import { displayTitle, effectiveMeta } from '../article/article-record';

/**
 * What the search index knows of an article: the text it searches and the metadata filters need.
 * Annotations travel with their article, so a note joins the index whenever its article is (re)indexed.
 */
export type SearchArticle = {
  id: string;
  updatedAt: string;
  title: string;
  body: string;
  outlet: string | null;
  /** Author and dateline, searched with the outlet (a byline is where users look for a name). */
  byline: string;
  tags: string[];
  language: string | null;
  publishedAt: string | null;
  notes: SearchNote[];
};

/** `verdict`: the rating of the annotation's verdict, when it has one (what `verdict:` filters on). */
export type SearchNote = { id: string; note: string; tags: string[]; quote: string; verdict?: string };

export function toSearchArticle(r: ArticleRecord): SearchArticle {
  const meta = effectiveMeta(r);
  return {
    id: r.id,
    updatedAt: r.updatedAt,
    title: displayTitle(meta, r.file),
    body: r.analysis.body,
    outlet: meta.outlet.value,
    byline: [meta.author.value, meta.dateline.value].filter(Boolean).join(' · '),
    tags: [...r.tags],
    language: meta.language.value,
    publishedAt: meta.publishedAt.value,
    notes: (r.annotations ?? []).map((a) => ({
      id: a.id,
      note: a.note,
      tags: [...a.tags],
      quote: a.quote.exact,
      ...(a.verdict ? { verdict: a.verdict.rating } : {}),
    })),
  };
}
