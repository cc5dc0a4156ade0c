import { snapOffset } from './code-points';

/** A range of a text in UTF-16 code units, end exclusive. */
export type TextRange = { start: number; end: number };
export type QuoteSelector = { exact: string; prefix?: string; suffix?: string };

/**
 * Every place where `exact` occurs with `prefix` right before it and `suffix` right after, in text order,
 * overlapping matches included (the semantics of Apache Annotator's text-quote matcher).
 */
export function matchQuote(text: string, selector: QuoteSelector): TextRange[] {
  const prefix = selector.prefix ?? '';
  const suffix = selector.suffix ?? '';
  const needle = prefix + selector.exact + suffix;
  const found: TextRange[] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
    const start = i + prefix.length;
    found.push({ start, end: start + selector.exact.length });
    if (i >= text.length) break;
  }
  return found;
}

/**
 * How many characters of context (read backwards for a prefix, forwards for a suffix) tell the target apart
 * from an impostor: the shared run plus the first character that differs; undefined when the target's own
 * context runs out first and no amount of it can tell them apart.
 */
function charactersNeeded(target: string, impostor: string, backwards: boolean): number | undefined {
  const at = (s: string, i: number) => (backwards ? s[s.length - 1 - i] : s[i]);
  let overlap = 0;
  while (overlap < target.length && at(target, overlap) === at(impostor, overlap)) overlap++;
  return overlap === target.length ? undefined : overlap + 1;
}

/**
 * The shortest prefix and suffix that make `range` the only match of its quote, following Apache
 * Annotator's describe algorithm: walk the other occurrences in text order and, for each one not yet ruled
 * out, lengthen whichever of prefix or suffix needs fewer characters to rule it out (prefix on a tie).
 */
export function describeQuoteMinimal(text: string, range: TextRange): Required<QuoteSelector> {
  const exact = text.slice(range.start, range.end);
  const before = text.slice(0, range.start);
  const after = text.slice(range.end);
  let prefixLength = 0;
  let suffixLength = 0;
  for (const other of matchQuote(text, { exact })) {
    if (other.start === range.start) continue;
    const needPrefix = charactersNeeded(before, text.slice(0, other.start), true);
    const needSuffix = charactersNeeded(after, text.slice(other.end), false);
    if ((needPrefix !== undefined && needPrefix <= prefixLength) || (needSuffix !== undefined && needSuffix <= suffixLength)) continue;
    if (needPrefix !== undefined && (needSuffix === undefined || needPrefix <= needSuffix)) prefixLength = needPrefix;
    else if (needSuffix !== undefined) suffixLength = needSuffix;
    // Neither side can tell them apart only when the text is identical around both: nothing more to do.
  }
  return { exact, prefix: before.slice(before.length - prefixLength), suffix: after.slice(0, suffixLength) };
}

/** Context stored with every quote: enough to be unique, and at least this many characters for fuzzy re-anchoring later. */
export const CONTEXT_LENGTH = 32;
export const MAX_CONTEXT_LENGTH = 200;

/**
 * A quote selector for a passage as Parallax stores it: at least CONTEXT_LENGTH characters of prefix and
 * suffix (Hypothesis keeps 32), more when that is needed to make the quote unique, at most
 * MAX_CONTEXT_LENGTH; never cutting an emoji in half.
 */
export function describeQuote(text: string, range: TextRange, context = CONTEXT_LENGTH): Required<QuoteSelector> {
  const minimal = describeQuoteMinimal(text, range);
  const prefixLength = Math.min(MAX_CONTEXT_LENGTH, Math.max(context, minimal.prefix.length));
  const suffixLength = Math.min(MAX_CONTEXT_LENGTH, Math.max(context, minimal.suffix.length));
  const prefixStart = snapOffset(text, Math.max(0, range.start - prefixLength), 'forward');
  const suffixEnd = snapOffset(text, Math.min(text.length, range.end + suffixLength), 'back');
  return { exact: minimal.exact, prefix: text.slice(prefixStart, range.start), suffix: text.slice(range.end, suffixEnd) };
}
