import { z } from 'zod';
import { AnnotationId } from './annotations';
import { ArticleId, ShortText } from './primitives';

/** A marked range, in UTF-16 offsets of the text it belongs to (a snippet, or the article body). */
export const TextRange = z.object({ start: z.number().int().min(0), end: z.number().int().min(0) });
export type TextRange = z.infer<typeof TextRange>;

export const SearchSnippet = z.object({
  /** Where the snippet comes from: the body (then `offset` is where `text` starts in the body) or the title. */
  field: z.enum(['body', 'title']),
  text: z.string(),
  offset: z.number().int().min(0),
  /** Hits inside `text`. Add `offset` to get body offsets. */
  highlights: z.array(TextRange),
});
export type SearchSnippet = z.infer<typeof SearchSnippet>;

export const NoteHit = z.object({
  id: AnnotationId,
  /** The start of the note (or the part around the hit), with its hits marked. */
  text: z.string(),
  highlights: z.array(TextRange),
  quote: z.string(),
  tags: z.array(z.string()),
  /** The rating of the passage's verdict, when it has one. */
  verdict: z.string().optional(),
});
export type NoteHit = z.infer<typeof NoteHit>;

export const SearchHit = z.object({
  id: ArticleId,
  title: z.string(),
  outlet: z.string().nullable(),
  publishedAt: z.string().nullable(),
  language: z.string().nullable(),
  score: z.number(),
  /** How many times the query's words occur in the title and body. */
  hitCount: z.number().int().nonnegative(),
  /** Highlight ranges of the title itself. */
  titleHighlights: z.array(TextRange),
  snippets: z.array(SearchSnippet),
  notes: z.array(NoteHit),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchHint = z.object({ message: z.string(), fragment: z.string() });
export type SearchHint = z.infer<typeof SearchHint>;

export const SearchStatus = z.object({
  /** Documents (articles and notes) in the index, and articles among them. */
  indexedArticles: z.number().int(),
  totalArticles: z.number().int(),
  state: z.enum(['starting', 'ready', 'rebuilding', 'failed']),
  /** While rebuilding: how far along, and why. */
  progress: z.object({ done: z.number().int(), total: z.number().int(), reason: z.string() }).nullable(),
  message: z.string().nullable(),
});
export type SearchStatus = z.infer<typeof SearchStatus>;

export const SearchQueryInput = z
  .object({
    // Longer strings are accepted and cut by the parser (with a hint), so a paste never fails the call.
    query: z.string().max(100_000),
    limit: z.number().int().min(1).max(500).default(20),
    offset: z.number().int().min(0).max(100_000).default(0),
    /**
     * Check every candidate, however many: the total is then exact (and prefixes expand to every word they
     * match). What "Show all" asks for after an approximate answer; slower on common words.
     */
    exhaustive: z.boolean().optional(),
  })
  .strict();

/**
 * Which words the results hold: `all` of the typed words, or, when no article (or only a very few) had all
 * of them, `most` of them: ranked by how many and how telling, those with every word first. Quoted
 * phrases, OR, AND, `-word` and filters keep their strict meaning either way.
 */
export const SearchMatch = z.enum(['all', 'most']);
export type SearchMatch = z.infer<typeof SearchMatch>;

export const SearchResult = z.object({
  hits: z.array(SearchHit),
  match: SearchMatch,
  /** With `match: 'most'`: how many articles hold every word (0 when none does); they come first. */
  allWordsTotal: z.number().int(),
  /**
   * With `match: 'most'`: the words the best matches share that ranked the results beside the typed ones
   * (pseudo-relevance feedback), as written in the listed articles; empty when none did. Every result
   * still holds a typed word.
   */
  related: z.array(z.string()),
  /**
   * Articles that match. When `approximate`, an estimate: not every phrase candidate was checked, or a
   * prefix matched more words than it was expanded to; `exhaustive: true` gets the exact answer.
   */
  total: z.number().int(),
  approximate: z.boolean(),
  hints: z.array(SearchHint),
  /** False while the index is still being built: results cover what is indexed so far. */
  complete: z.boolean(),
  tookMs: z.number(),
});
export type SearchResult = z.infer<typeof SearchResult>;

export const ArticleHitsInput = z.object({ id: ArticleId, query: z.string().max(100_000) }).strict();
export const ArticleHits = z.object({ hits: z.array(TextRange), hints: z.array(SearchHint) });
export type ArticleHits = z.infer<typeof ArticleHits>;

export const SavedSearch = z.object({
  id: z.string().regex(/^[a-z0-9]{8,32}$/),
  name: ShortText(200),
  query: ShortText(1000),
  createdAt: z.string(),
  /** When its query was last replaced (a team sync keeps the later edit). */
  updatedAt: z.string().optional(),
});
export type SavedSearch = z.infer<typeof SavedSearch>;

export const SaveSearchInput = z
  .object({
    name: ShortText(200).refine((s) => s.trim().length > 0, 'a saved search needs a name'),
    query: ShortText(1000).refine((s) => s.trim().length > 0, 'a saved search needs a query'),
  })
  .strict();
