import search from 'approx-string-match';
import type { QuoteSelector, TextRange } from './text-quote';

/**
 * Fuzzy quote matching, as Hypothesis does it (client/src/annotator/anchoring/match-quote.ts): find the
 * approximate occurrences of the quote with Myers' bit-parallel algorithm (`approx-string-match`, by the
 * Hypothesis author; diff-match-patch's matcher is limited to 32-character patterns), then score each by
 * how well the quote, the prefix, the suffix and the old position agree.
 */
const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 };

/**
 * Below this normalised score a fuzzy candidate is not trusted and the annotation is orphaned instead. An
 * intact quote with no agreeing context scores 0.57, unrelated context still scores about 0.3 per side, so
 * 0.6 asks for a close quote and at least some of its surroundings. A side with no stored context (the
 * start or end of the text) is left out of the score, weight and all: neutral, not agreement.
 */
export const MIN_FUZZY_SCORE = 0.6;
/** The quote may differ from the text found by at most this share of its length (edits, in characters). */
export const MAX_ERROR_RATE = 0.3;
/** Myers' algorithm costs about n * quote/32; longer quotes are matched by their two ends (see anchor.ts). */
export const MAX_FUZZY_QUOTE = 4096;

export type ScoredMatch = TextRange & { errors: number; score: number; quoteScore: number };

/**
 * 1 when `actual` contains `expected` unchanged, falling towards 0 with each edit. Null when nothing is
 * expected: a passage at the very start of a text has no prefix, and that absence is no evidence either way
 * (counting it as agreement let the same words elsewhere pass as the passage itself).
 */
export function contextScore(actual: string, expected: string): number | null {
  if (expected.length === 0) return null;
  if (actual.length === 0) return 0;
  const best = search(actual, expected, expected.length)[0];
  return best ? Math.max(0, 1 - best.errors / expected.length) : 0;
}

export function scoreCandidate(
  text: string,
  candidate: TextRange & { errors: number },
  selector: QuoteSelector,
  hint: number | null,
): ScoredMatch {
  const prefix = selector.prefix ?? '';
  const suffix = selector.suffix ?? '';
  const quoteScore = 1 - candidate.errors / Math.max(1, selector.exact.length);
  const prefixScore = contextScore(text.slice(Math.max(0, candidate.start - prefix.length), candidate.start), prefix);
  const suffixScore = contextScore(text.slice(candidate.end, candidate.end + suffix.length), suffix);
  const positionScore = hint === null ? 1 : 1 - Math.abs(candidate.start - hint) / Math.max(1, text.length);
  let raw = WEIGHTS.quote * quoteScore + WEIGHTS.position * positionScore;
  let max = WEIGHTS.quote + WEIGHTS.position;
  for (const [weight, score] of [
    [WEIGHTS.prefix, prefixScore],
    [WEIGHTS.suffix, suffixScore],
  ] as const) {
    if (score === null) continue;
    raw += weight * score;
    max += weight;
  }
  return { ...candidate, quoteScore, score: raw / max };
}

/** The best approximate occurrence of the quote, or null when none is close enough to trust. */
export function bestFuzzyMatch(text: string, selector: QuoteSelector, hint: number | null): ScoredMatch | null {
  const quote = selector.exact;
  if (quote.length === 0 || quote.length > MAX_FUZZY_QUOTE || text.length === 0) return null;
  const maxErrors = Math.min(256, Math.floor(quote.length * MAX_ERROR_RATE));
  const candidates = search(text, quote, maxErrors);
  let best: ScoredMatch | null = null;
  for (const found of candidates) {
    if (found.end <= found.start) continue;
    const c = { ...found, ...refineBoundaries(text, found, selector) };
    const scored = scoreCandidate(text, c, selector, hint);
    if (!best || scored.score > best.score) best = scored;
  }
  return best && best.score >= MIN_FUZZY_SCORE ? best : null;
}

/**
 * An approximate match's ends are loose: deleting "Senior " from the start of a quote scores the same as
 * swallowing the previous line's "Syria.\n\n". Where the stored prefix (suffix) is found next to the match,
 * its end (start) is where the passage begins (ends).
 */
export function refineBoundaries(text: string, match: TextRange & { errors: number }, selector: QuoteSelector): TextRange {
  const slack = 2 * match.errors + 4;
  let { start, end } = match;
  const prefix = (selector.prefix ?? '').slice(-32);
  if (prefix.length >= 4) {
    const from = Math.max(0, start - prefix.length - slack);
    const window = text.slice(from, Math.min(end, start + slack));
    const hit = closest(search(window, prefix, Math.floor(prefix.length * 0.2)), (m) => from + m.end, start);
    if (hit !== null && hit < end) start = hit;
  }
  const suffix = (selector.suffix ?? '').slice(0, 32);
  if (suffix.length >= 4) {
    const from = Math.max(start, end - slack);
    const window = text.slice(from, end + suffix.length + slack);
    const hit = closest(search(window, suffix, Math.floor(suffix.length * 0.2)), (m) => from + m.start, end);
    if (hit !== null && hit > start) end = hit;
  }
  return { start, end };
}

/** The offset, among the fewest-error matches, nearest to `target`. */
function closest(
  matches: { start: number; end: number; errors: number }[],
  offset: (m: { start: number; end: number }) => number,
  target: number,
): number | null {
  let best: { at: number; errors: number } | null = null;
  for (const m of matches) {
    const at = offset(m);
    if (!best || m.errors < best.errors || (m.errors === best.errors && Math.abs(at - target) < Math.abs(best.at - target)))
      best = { at, errors: m.errors };
  }
  return best?.at ?? null;
}
