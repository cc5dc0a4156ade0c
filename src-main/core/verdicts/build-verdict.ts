import type { Rating, Verdict, VerdictSource } from '../../contract';
import { AppError } from '../../contract/errors';
import { requireRating } from './ratings';

/** A verdict as it arrives, after the contract's schema (defaults applied). */
export type ParsedVerdictInput = {
  rating: string;
  rationale: string;
  sources: VerdictSource[];
  claim?: string | null;
  story?: string | null;
};

export type VerdictChecks = {
  ratings: readonly Rating[];
  /** Whether an article id names an article of this notebook. */
  hasArticle: (id: string) => boolean;
  /** Whether a story id names a story of this notebook. */
  hasStory: (id: string) => boolean;
};

/**
 * Check a verdict against the notebook (its rating is in the list, its article sources and story exist)
 * and build what is stored. Throws before anything is written, so a bad verdict changes nothing.
 * `previous` keeps the story of a verdict being edited when the edit does not name one.
 */
export function buildVerdict(input: ParsedVerdictInput, checks: VerdictChecks, now: string, previous?: Verdict | null): Verdict {
  requireRating(checks.ratings, input.rating);
  const seen = new Set<string>();
  const sources: VerdictSource[] = [];
  for (const s of input.sources) {
    if (s.kind === 'article' && !checks.hasArticle(s.articleId)) {
      throw new AppError('NOT_FOUND', `A source names article ${s.articleId}, which is not in this notebook`);
    }
    const key = s.kind === 'article' ? `a:${s.articleId}` : `l:${s.url}`;
    if (seen.has(key)) continue; // the same source twice says nothing more
    seen.add(key);
    sources.push(s.kind === 'link' && s.title !== undefined ? { ...s, title: s.title.trim() } : s);
  }
  const story = input.story === undefined ? (previous?.story ?? null) : input.story;
  if (story !== null && !checks.hasStory(story)) throw new AppError('NOT_FOUND', `No story with id ${story}`);
  const claim = input.claim === undefined ? (previous?.claim ?? null) : input.claim?.trim() || null;
  return { rating: input.rating, rationale: input.rationale.trim(), sources, claim, story, decidedAt: now };
}

/** What `verdicts.set` takes to put a verdict back as it was (undo). */
export function verdictAsInput(v: Verdict): ParsedVerdictInput {
  return { rating: v.rating, rationale: v.rationale, sources: v.sources, claim: v.claim, story: v.story };
}
