import type { Annotation, AnnotationTarget, HighlightColor } from '../../contract';
import { AppError, clip } from '../../contract/errors';
import { rangeToPosition } from '../anchoring/anchor';
import { snapOffset } from '../anchoring/code-points';
import type { TextRange } from '../anchoring/text-quote';
import { describeQuote, matchQuote } from '../anchoring/text-quote';

const preview = (s: string) => JSON.stringify(clip(s, 58));

/** Shrink a range so it neither starts nor ends with white space (a double click or a sloppy drag adds some). */
export function trimRange(text: string, range: TextRange): TextRange {
  let { start, end } = range;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start: snapOffset(text, start, 'back'), end: snapOffset(text, end, 'forward') };
}

/**
 * Where a target is in the body. A range must lie inside the body and hold some text; a quote must occur
 * exactly once with the given prefix and suffix, otherwise the error says how to fix it.
 */
export function resolveTarget(body: string, target: AnnotationTarget): TextRange {
  if ('quote' in target) {
    const selector = {
      exact: target.quote.exact.normalize('NFC'),
      prefix: target.quote.prefix?.normalize('NFC'),
      suffix: target.quote.suffix?.normalize('NFC'),
    };
    const found = matchQuote(body, selector);
    const context = selector.prefix || selector.suffix ? ' with that prefix/suffix' : '';
    if (found.length === 0) throw new AppError('NOT_FOUND', `The quote ${preview(selector.exact)} is not in the article's text${context}`);
    if (found.length > 1) {
      throw new AppError(
        'BAD_INPUT',
        `The quote ${preview(selector.exact)} occurs ${found.length} times in the article${context}; add a prefix or suffix (the words just before or after it) to say which`,
      );
    }
    return found[0]!;
  }
  if (target.end > body.length)
    throw new AppError('BAD_INPUT', `The passage ends at ${target.end}, past the end of the text (${body.length})`);
  const range = trimRange(body, target);
  if (range.end <= range.start) throw new AppError('BAD_INPUT', 'The selected passage holds only white space');
  return range;
}

/** Selectors and anchor for a passage of the current body: what every new or re-attached annotation stores. */
export function describePassage(body: string, range: TextRange): Pick<Annotation, 'quote' | 'position' | 'anchor'> {
  return {
    quote: describeQuote(body, range),
    position: rangeToPosition(body, range),
    anchor: { status: 'ok', start: range.start, end: range.end },
  };
}

export function buildAnnotation(
  body: string,
  input: { articleId: string; target: AnnotationTarget; color: HighlightColor; note: string; tags: string[] },
  id: string,
  now: string,
): Annotation {
  return {
    id,
    articleId: input.articleId,
    createdAt: now,
    updatedAt: now,
    color: input.color,
    note: input.note,
    tags: [...new Set(input.tags)],
    ...describePassage(body, resolveTarget(body, input.target)),
  };
}
