import type { ArticleDetail } from '@contract';
import { articleSentences } from '@shared/sentences';

export type TextRange = { start: number; end: number };

/**
 * The sentences of the clean text, for choosing a passage without a mouse: `]` and `[` move from sentence to
 * sentence, `}` and `{` grow and shrink the choice. The one splitter (src-shared/sentences.ts, the one the
 * comparison aligns), per block, so a sentence never runs across paragraphs and "Mr. Smith" stays whole.
 */
export function sentenceRanges(article: Pick<ArticleDetail, 'body' | 'blocks' | 'language'>): TextRange[] {
  return articleSentences(article.body, article.blocks, article.language).map(({ start, end }) => ({ start, end }));
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
