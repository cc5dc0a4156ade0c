import type { AnchorCounts, AnchorStatus, Annotation } from '../../contract';
import { codePointToUtf16, utf16ToCodePoint } from './code-points';
import { MAX_FUZZY_QUOTE, bestFuzzyMatch, contextScore } from './fuzzy-quote';
import type { QuoteSelector, TextRange } from './text-quote';
import { matchQuote } from './text-quote';

export type AnchorResult = {
  status: AnchorStatus;
  /** UTF-16 range in the current text; null when orphaned. */
  range: TextRange | null;
};

/** Quotes at least this long are trusted wherever they occur exactly, whatever surrounds them. */
const SELF_EVIDENT_QUOTE = 32;

/** The UTF-16 range a TextPositionSelector names in `text`, or null when the text is too short. */
export function positionToRange(text: string, position: { start: number; end: number }): TextRange | null {
  const start = codePointToUtf16(text, position.start);
  const end = codePointToUtf16(text, position.end);
  return start === null || end === null || end < start ? null : { start, end };
}

export const rangeToPosition = (text: string, range: TextRange) => ({
  start: utf16ToCodePoint(text, range.start),
  end: utf16ToCodePoint(text, range.end),
});

/**
 * How well the text around `range` agrees with the stored context, 0 to 1: the mean over the sides that
 * have a context. An empty prefix (the passage opened the text) or suffix (it closed it) is no evidence,
 * so it neither helps nor hurts; null when neither side has one.
 */
function agreement(text: string, range: TextRange, quote: QuoteSelector): number | null {
  const prefix = quote.prefix ?? '';
  const suffix = quote.suffix ?? '';
  const sides = [
    contextScore(text.slice(Math.max(0, range.start - prefix.length), range.start), prefix),
    contextScore(text.slice(range.end, range.end + suffix.length), suffix),
  ].filter((s) => s !== null);
  return sides.length ? sides.reduce((a, b) => a + b, 0) / sides.length : null;
}

/** Among exact occurrences, the one whose surroundings agree best with the stored context, then the nearest. */
function bestExact(text: string, quote: QuoteSelector, hint: number): { range: TextRange; contextOk: boolean } | null {
  const found = matchQuote(text, { exact: quote.exact });
  if (found.length === 0) return null;
  let best: { range: TextRange; score: number } | null = null;
  for (const range of found) {
    const score = agreement(text, range, quote) ?? 0;
    if (
      !best ||
      score > best.score + 1e-9 ||
      (Math.abs(score - best.score) <= 1e-9 && Math.abs(range.start - hint) < Math.abs(best.range.start - hint))
    ) {
      best = { range, score };
    }
  }
  // Half agreement on average: one side intact is enough when the other was edited; with only one side
  // stored, that side must agree by itself.
  const contextOk = best!.score >= 0.5 || quote.exact.length >= SELF_EVIDENT_QUOTE || (!quote.prefix && !quote.suffix);
  return { range: best!.range, contextOk };
}

/**
 * A long quote whose text changed: find its first and last 256 characters separately and accept the span
 * between them when it is about as long as the quote was.
 */
function fuzzyByEnds(text: string, quote: QuoteSelector, hint: number): TextRange | null {
  const edge = 256;
  const head = bestFuzzyMatch(text, { exact: quote.exact.slice(0, edge), prefix: quote.prefix }, hint);
  if (!head) return null;
  const tail = bestFuzzyMatch(text, { exact: quote.exact.slice(-edge), suffix: quote.suffix }, hint + quote.exact.length - edge);
  if (!tail || tail.end <= head.start) return null;
  const length = tail.end - head.start;
  return Math.abs(length - quote.exact.length) <= quote.exact.length * 0.25 ? { start: head.start, end: tail.end } : null;
}

/**
 * Find a stored passage in the current text, in the order the W3C selectors are trusted (as Hypothesis
 * does): the exact position; then the exact quote, preferring the occurrence whose context agrees and then
 * the one nearest the old position; then a fuzzy match of the quote scored by quote, prefix, suffix and
 * position. Reports ok (the quoted text is there, in a context that agrees), drifted (found, but the text or
 * its surroundings changed: worth a look) or orphaned (not found: kept, shown with its quote).
 */
export function anchorPassage(text: string, quote: QuoteSelector, position: { start: number; end: number }): AnchorResult {
  const atPosition = positionToRange(text, position);
  if (atPosition && quote.exact.length > 0 && text.slice(atPosition.start, atPosition.end) === quote.exact) {
    return { status: 'ok', range: atPosition };
  }
  const hint = atPosition?.start ?? codePointToUtf16(text, Math.min(position.start, text.length)) ?? text.length;
  const exact = bestExact(text, quote, hint);
  if (exact?.contextOk) return { status: 'ok', range: exact.range };
  const fuzzy = quote.exact.length <= MAX_FUZZY_QUOTE ? bestFuzzyMatch(text, quote, hint) : fuzzyByEnds(text, quote, hint);
  // The same words elsewhere, in another context, or this passage slightly edited in its own context:
  // take whichever agrees better with what surrounded the passage.
  if (exact && (!fuzzy || (agreement(text, exact.range, quote) ?? 0) >= (agreement(text, fuzzy, quote) ?? 0)))
    return { status: 'drifted', range: exact.range };
  if (fuzzy) return { status: 'drifted', range: { start: fuzzy.start, end: fuzzy.end } };
  return { status: 'orphaned', range: null };
}

/**
 * Re-anchor one annotation against the article's current clean text. An annotation found exactly has its
 * position selector moved to where the text now is; a drifted or orphaned one keeps the selectors the user
 * made (so it anchors again if the text comes back) and only its `anchor` changes.
 */
export function reanchorAnnotation(annotation: Annotation, text: string): Annotation {
  const result = anchorPassage(text, annotation.quote, annotation.position);
  const anchor = { status: result.status, start: result.range?.start ?? null, end: result.range?.end ?? null };
  const position = result.status === 'ok' && result.range ? rangeToPosition(text, result.range) : annotation.position;
  return { ...annotation, position, anchor };
}

/** Re-anchor every annotation of an article after its clean text changed; returns how many changed status. */
export function reanchorAll(annotations: Annotation[], text: string): { annotations: Annotation[]; changed: number } {
  let changed = 0;
  const next = annotations.map((a) => {
    const r = reanchorAnnotation(a, text);
    if (r.anchor.status !== a.anchor.status || r.anchor.start !== a.anchor.start || r.anchor.end !== a.anchor.end) changed++;
    return r;
  });
  return { annotations: next, changed };
}

/** How many annotations are in place (ok), found elsewhere or changed (drifted), or lost (orphaned). */
export function countAnchors(list: readonly { anchor: { status: AnchorStatus } }[]): AnchorCounts {
  const counts = { ok: 0, drifted: 0, orphaned: 0 };
  for (const a of list) counts[a.anchor.status]++;
  return counts;
}
