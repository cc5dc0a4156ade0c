import type { Block } from '@contract';

export type TextRange = { start: number; end: number };

/**
 * The sentences of the clean text, for choosing a passage without a mouse: `]` and `[` move from sentence to
 * sentence, `}` and `{` grow and shrink the choice. Uses the platform's sentence segmenter, per block, so a
 * sentence never runs across paragraphs.
 */
export function sentenceRanges(blocks: Block[], lang: string | null): TextRange[] {
  const segmenter = new Intl.Segmenter(lang ?? undefined, { granularity: 'sentence' });
  const out: TextRange[] = [];
  for (const b of blocks) {
    if (b.start === null || b.end === null) continue;
    const text = b.post ? b.post.text : b.text;
    for (const s of segmenter.segment(text)) {
      const lead = s.segment.length - s.segment.trimStart().length;
      const body = s.segment.trim();
      if (!body) continue;
      const start = b.start + s.index + lead;
      out.push({ start, end: start + body.length });
    }
  }
  return out;
}

/** Move or resize the keyboard choice over the sentence list. */
export function moveCursor(sentences: TextRange[], cursor: TextRange | null, key: '[' | ']' | '{' | '}'): TextRange | null {
  if (sentences.length === 0) return null;
  if (!cursor) return key === '[' ? sentences.at(-1)! : sentences[0]!;
  const first = sentences.findIndex((s) => s.end > cursor.start);
  const last = sentences.findLastIndex((s) => s.start < cursor.end);
  switch (key) {
    case ']':
      return sentences[Math.min(sentences.length - 1, last + 1)]!;
    case '[':
      return sentences[Math.max(0, first - 1)]!;
    case '}':
      return { start: cursor.start, end: sentences[Math.min(sentences.length - 1, last + 1)]!.end };
    case '{':
      return last > first ? { start: cursor.start, end: sentences[last - 1]!.end } : cursor;
  }
}
