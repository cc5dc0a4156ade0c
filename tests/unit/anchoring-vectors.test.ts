import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codePointToUtf16 } from '../../src-main/core/anchoring/code-points';
import { describeQuoteMinimal, matchQuote } from '../../src-main/core/anchoring/text-quote';

/**
 * Apache Annotator's selector test vectors (../shared/corpora/06-apache-annotator-vectors), run against
 * the article body as plain text. Each case's HTML is flattened to its text the way a DOM's textContent
 * is; a DOM position (text node XPath + offset) becomes an offset into that text.
 */
const dir = resolve(__dirname, '../../../shared/corpora/06-apache-annotator-vectors');
const present = existsSync(join(dir, 'text-quote-match-cases.json'));
if (!present) console.warn(`[anchoring] Apache Annotator vectors not found at ${dir}: those cases are skipped`);

type RangeInfo = { startContainerXPath: string; startOffset: number; endContainerXPath: string; endOffset: number };
type TextNode = { parent: string; index: number; start: number };

/** The text of some HTML and its text nodes: enough of a DOM for `//tag/text()[n]` XPaths. */
function flatten(html: string): { text: string; nodes: TextNode[] } {
  const stack: string[] = [];
  const childCounts: number[] = [];
  const nodes: TextNode[] = [];
  let text = '';
  for (const token of html.split(/(<[^>]+>)/).filter(Boolean)) {
    const tag = /^<(\/?)([a-z0-9]+)/i.exec(token);
    if (tag && tag[1] === '/') {
      stack.pop();
      childCounts.pop();
    } else if (tag) {
      stack.push(tag[2]!.toLowerCase());
      childCounts.push(0);
    } else {
      const depth = childCounts.length - 1;
      childCounts[depth] = (childCounts[depth] ?? 0) + 1;
      nodes.push({ parent: stack[stack.length - 1]!, index: childCounts[depth]!, start: text.length });
      text += token;
    }
  }
  return { text, nodes };
}

function offsetOf(nodes: TextNode[], xpath: string, offset: number): number {
  const m = /^\/\/([a-z0-9]+)\/text\(\)(?:\[(\d+)\])?$/.exec(xpath);
  if (!m) throw new Error(`unsupported XPath ${xpath}`);
  const node = nodes.find((n) => n.parent === m[1] && n.index === Number(m[2] ?? 1));
  if (!node) throw new Error(`no text node at ${xpath}`);
  return node.start + offset;
}

const rangeOf = (nodes: TextNode[], r: RangeInfo) => ({
  start: offsetOf(nodes, r.startContainerXPath, r.startOffset),
  end: offsetOf(nodes, r.endContainerXPath, r.endOffset),
});

const load = (file: string) =>
  present ? (JSON.parse(readFileSync(join(dir, file), 'utf8')) as { cases: Record<string, unknown>[] }).cases : [];

type MatchCase = { name: string; html: string; selector: { exact: string; prefix?: string; suffix?: string }; expected: RangeInfo[] };
type DescribeCase = { name: string; html: string; range: RangeInfo; expected: { exact: string; prefix: string; suffix: string } };
type PositionCase = { name: string; html: string; selector: { start: number; end: number }; expected: RangeInfo[] };

describe.skipIf(!present)('Apache Annotator vectors', () => {
  it.each(load('text-quote-match-cases.json') as MatchCase[])('text quote match: $name', (c) => {
    const { text, nodes } = flatten(c.html);
    expect(matchQuote(text, c.selector)).toEqual(c.expected.map((r) => rangeOf(nodes, r)));
  });

  it.each(load('text-quote-describe-cases.json') as DescribeCase[])('text quote describe: $name', (c) => {
    const { text, nodes } = flatten(c.html);
    const selector = describeQuoteMinimal(text, rangeOf(nodes, c.range));
    expect(selector).toEqual({ exact: c.expected.exact, prefix: c.expected.prefix, suffix: c.expected.suffix });
    // And the description finds its passage again, alone.
    expect(matchQuote(text, selector)).toEqual([rangeOf(nodes, c.range)]);
  });

  it.each(load('text-position-match-cases.json') as PositionCase[])('text position (code points -> UTF-16): $name', (c) => {
    const { text, nodes } = flatten(c.html);
    const expected = rangeOf(nodes, c.expected[0]!);
    expect({ start: codePointToUtf16(text, c.selector.start), end: codePointToUtf16(text, c.selector.end) }).toEqual(expected);
  });
});
