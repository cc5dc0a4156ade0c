import { fold } from '../../../src-shared/fold';

/** Folded word tokens (the one fold, src-shared/fold.ts); the common ground for comparing two short texts. */
export function wordTokens(s: string): string[] {
  return fold(s).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Jaccard similarity of the two texts' word sets, 0..1. */
export function tokenSimilarity(a: string, b: string): number {
  const sa = new Set(wordTokens(a));
  const sb = new Set(wordTokens(b));
  if (sa.size === 0 && sb.size === 0) return 1;
  let inter = 0;
  for (const t of sa) if (sb.has(t)) inter++;
  return inter / (sa.size + sb.size - inter);
}
