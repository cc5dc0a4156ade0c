import type { TextRange } from './text-quote';

/**
 * Where a passage selected in the browser sits in an article's clean text. The browser's selection text
 * breaks lines where the page's blocks were and spaces words as the page laid them out, so words are matched
 * with any run of white space between them. Only a passage found exactly once is placed: a quote found
 * twice could be either, and a guess would highlight the wrong one.
 */
export function findSelection(text: string, selection: string): TextRange | null {
  const words = selection.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return null;
  const pattern = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'gu');
  const found: TextRange[] = [];
  for (const m of text.matchAll(pattern)) {
    found.push({ start: m.index, end: m.index + m[0].length });
    if (found.length > 1) return null;
  }
  return found[0] ?? null;
}
