import type { Block, CompareSentence } from '../../contract';
import { articleSentences } from '../../../src-shared/sentences';

/** What the comparison needs of an article: its clean text and the blocks that carry body offsets. */
export type CompareInput = {
  id: string;
  title: string;
  outlet: string | null;
  publishedAt: string | null;
  language: string | null;
  body: string;
  blocks: Block[];
};

/** Above this many words without a sentence end, text is cut into windows so alignment stays meaningful. */
const MAX_WORDS = 60;
const WINDOW_WORDS = 35;

type Piece = { start: number; end: number };

function splitLong(text: string, start: number, end: number): Piece[] {
  const words = [...text.slice(start, end).matchAll(/\S+/g)];
  if (words.length <= MAX_WORDS) return [{ start, end }];
  const pieces: Piece[] = [];
  for (let i = 0; i < words.length; i += WINDOW_WORDS) {
    // Do not leave a tiny tail: fold it into the last window.
    const last = words.length - i <= WINDOW_WORDS + 10 ? words.length - 1 : i + WINDOW_WORDS - 1;
    const s = start + words[i]!.index;
    const e = start + words[last]!.index + words[last]![0].length;
    pieces.push({ start: s, end: e });
    if (last === words.length - 1) break;
  }
  return pieces;
}

const kindOf = (b: Block): CompareSentence['kind'] =>
  b.kind === 'post' ? 'post' : b.kind === 'heading' ? 'heading' : b.kind === 'standfirst' ? 'standfirst' : 'text';

/** Every sentence of an article's clean text, block by block (embedded posts included), in body offsets. */
export function segmentArticle(article: Pick<CompareInput, 'body' | 'blocks' | 'language'>): CompareSentence[] {
  return articleSentences(article.body, article.blocks, article.language)
    .flatMap((s) => splitLong(article.body, s.start, s.end).map((p) => ({ ...p, block: s.block })))
    .map((p, index) => {
      const b = article.blocks[p.block]!;
      return { index, start: p.start, end: p.end, text: article.body.slice(p.start, p.end), block: p.block, kind: kindOf(b), lang: b.lang };
    });
}
