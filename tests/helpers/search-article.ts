import type { SearchArticle } from '../../src-main/core/search/search-doc';

/** An article as the search index sees it: empty defaults, overridden by what a test cares about. */
export function searchArticle(id: string, over: Partial<SearchArticle> = {}): SearchArticle {
  return {
    id,
    updatedAt: '2025-10-12T00:00:00.000Z',
    title: `Article ${id}`,
    body: '',
    outlet: null,
    byline: '',
    tags: [],
    language: 'en',
    publishedAt: null,
    notes: [],
    ...over,
  };
}
