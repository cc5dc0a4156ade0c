import type { SourceLine } from './classify-lines';

const ENDS_SENTENCE = /[.!?:;"”’»)\]…。！？؟]$/u;

const wrapsOnto = (prev: string, next: string) => prev.length >= 40 && !ENDS_SENTENCE.test(prev) && /^[\p{Ll}\p{N}(“"'‘«]/u.test(next);

/** How close to the wrap width a line must reach to count as filled by the wrapping (a word or two short of it). */
const WRAP_SLACK = 12;

/**
 * The width a hard-wrapped text was wrapped at, or null when it was not: most of its longer lines end within
 * a few characters of the same width, and that width is one of a terminal or an e-mail (≤ 100 characters).
 * A pasted web page, whose paragraphs are single lines of every length, has none.
 */
export function wrapWidth(lines: string[]): number | null {
  const lengths = lines.map((l) => l.length).filter((n) => n >= 30);
  if (lengths.length < 3) return null;
  const sorted = [...lengths].sort((a, b) => a - b);
  const width = sorted[Math.floor(0.9 * (sorted.length - 1))]!;
  if (width > 100) return null;
  const filled = lengths.filter((n) => n >= width - WRAP_SLACK && n <= width + 2).length;
  return filled >= 0.6 * lengths.length ? width : null;
}

/**
 * In a hard-wrapped text, a line that stops mid-sentence and was filled to the wrap width (the next word did
 * not fit on it) continues on the next line, even when that line starts with a capital (a name) or is in a
 * script without capitals (Arabic).
 */
const wrappedAt = (width: number | null, prev: string, next: string) =>
  width !== null && !ENDS_SENTENCE.test(prev) && prev.length >= width - WRAP_SLACK && prev.length + 1 + next.split(/\s/, 1)[0]!.length > width;

/**
 * Split stored text into logical lines. Pasted articles put one paragraph per line; hard-wrapped text
 * (e-mail, plain-text archives) breaks a sentence over several lines, which are joined back when the
 * break clearly falls inside a sentence.
 */
export function toSourceLines(text: string): SourceLine[] {
  const raw = text.split('\n').map((r) => r.trim());
  const width = wrapWidth(raw);
  const lines: SourceLine[] = [];
  let blank = true;
  let last = '';
  for (const t of raw) {
    if (t === '') {
      blank = true;
      if (lines.length) lines[lines.length - 1]!.blankAfter = true;
      continue;
    }
    const prev = lines[lines.length - 1];
    // The wrap width is a property of the physical line before (`last`), not of the paragraph joined so far.
    if (prev && !blank && (wrapsOnto(prev.text, t) || wrappedAt(width, last, t))) {
      prev.text = `${prev.text} ${t}`;
    } else {
      lines.push({ text: t, blankBefore: blank, blankAfter: false });
    }
    last = t;
    blank = false;
  }
  if (lines.length) lines[lines.length - 1]!.blankAfter = true;
  return lines;
}
