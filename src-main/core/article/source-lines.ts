import type { SourceLine } from './classify-lines';

const wrapsOnto = (prev: string, next: string) =>
  prev.length >= 40 && !/[.!?:;"”’»)\]…]$/u.test(prev) && /^[\p{Ll}\p{N}(“"'‘«]/u.test(next);

/**
 * Split stored text into logical lines. Pasted articles put one paragraph per line; hard-wrapped text
 * (e-mail, plain-text archives) breaks a sentence over several lines, which are joined back when the
 * break clearly falls inside a sentence.
 */
export function toSourceLines(text: string): SourceLine[] {
  const raw = text.split('\n');
  const lines: SourceLine[] = [];
  let blank = true;
  for (const r of raw) {
    const t = r.trim();
    if (t === '') {
      blank = true;
      if (lines.length) lines[lines.length - 1]!.blankAfter = true;
      continue;
    }
    const prev = lines[lines.length - 1];
    if (prev && !blank && wrapsOnto(prev.text, t)) {
      prev.text = `${prev.text} ${t}`;
    } else {
      lines.push({ text: t, blankBefore: blank, blankAfter: false });
    }
    blank = false;
  }
  if (lines.length) lines[lines.length - 1]!.blankAfter = true;
  return lines;
}
