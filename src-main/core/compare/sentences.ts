import type { Block, CompareSentence } from '../../contract';
import { splitSentences } from '../../../src-shared/sentences';

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

/**
 * Above this many characters a piece is cut into windows of this size before its words are counted: prose
 * never has 5,000 characters within 60 words, but a pasted blob (one 5 MB "word") does, and regular
 * expressions run over millions of word characters can overflow V8's stack.
 */
export const MAX_PIECE_CHARS = 5_000;

/** [start, end) cut into windows of at most MAX_PIECE_CHARS, each ending at a space when one is near. */
function charWindows(text: string, start: number, end: number): Piece[] {
  const out: Piece[] = [];
  let s = start;
  while (end - s > MAX_PIECE_CHARS) {
    let e = s + MAX_PIECE_CHARS;
    // A space in the window's last half, looked for there only (a blob has none to find).
    let space = e;
    while (space > s + MAX_PIECE_CHARS / 2 && text[space] !== ' ') space--;
    if (space > s + MAX_PIECE_CHARS / 2) e = space;
    out.push({ start: s, end: e });
    s = e;
    while (s < end && /\s/.test(text[s]!)) s++;
  }
  if (end > s) out.push({ start: s, end });
  return out;
}

/** Runs of non-space, counted with `test` (which builds no match object) before any are collected. */
const WORD_RUN = /\S+/g;

function fewWords(piece: string): boolean {
  WORD_RUN.lastIndex = 0;
  let n = 0;
  while (WORD_RUN.test(piece)) if (++n > MAX_WORDS) break;
  WORD_RUN.lastIndex = 0;
  return n <= MAX_WORDS;
}

function splitLong(text: string, start: number, end: number): Piece[] {
  if (end - start > MAX_PIECE_CHARS) return charWindows(text, start, end).flatMap((w) => splitLong(text, w.start, w.end));
  const piece = text.slice(start, end);
  // Most sentences are short: only a long one pays for the words' positions.
  if (fewWords(piece)) return [{ start, end }];
  const words = [...piece.matchAll(WORD_RUN)];
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

/**
 * The sentences of an article's clean text, block by block (embedded posts included), in body offsets: all
 * of them, or the first `max` (later blocks are not even split). Sentences come from the one splitter
 * (src-shared/sentences.ts); a run of words with no sentence end is cut into windows (splitLong).
 */
export function segmentArticle(article: Pick<CompareInput, 'body' | 'blocks' | 'language'>, max = Infinity): CompareSentence[] {
  const out: CompareSentence[] = [];
  article.blocks.forEach((b, blockIndex) => {
    if (b.start === null || b.end === null || out.length >= max) return;
    const text = article.body.slice(b.start, b.end);
    for (const s of splitSentences(text, b.lang ?? article.language)) {
      for (const p of splitLong(text, s.start, s.end)) {
        if (out.length >= max) return;
        out.push({
          index: out.length,
          start: b.start + p.start,
          end: b.start + p.end,
          text: text.slice(p.start, p.end),
          block: blockIndex,
          kind: kindOf(b),
          lang: b.lang,
        });
      }
    }
  });
  return out;
}

/**
 * The article as the comparison reads it: its clean text up to `maxChars` characters (cut at a space), and
 * the blocks inside that. An article shorter than that comes back as it is.
 */
export function clipInput(a: CompareInput, maxChars: number): CompareInput {
  if (a.body.length <= maxChars) return a;
  const space = a.body.lastIndexOf(' ', maxChars);
  const end = space > maxChars * 0.9 ? space : maxChars;
  // Blocks keep their places (sentences name their block by index); those past the cut hold no text.
  const blocks = a.blocks.map((b) =>
    b.start !== null && b.start >= end ? { ...b, start: null, end: null } : b.end !== null && b.end > end ? { ...b, end } : b,
  );
  return { ...a, body: a.body.slice(0, end), blocks };
}
