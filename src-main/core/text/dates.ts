import * as chrono from 'chrono-node';

export type FoundDate = { iso: string; text: string; index: number; coverage: number };

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * The first fully stated date (year, month and day all written) in a line, with how much of the line
 * it covers. Relative phrases ("on Sunday") and dates without a year are ignored: they would be guesses.
 */
export function findStatedDate(line: string): FoundDate | null {
  const results = chrono.strict.parse(line);
  for (const r of results) {
    const s = r.start;
    if (!s.isCertain('year') || !s.isCertain('month') || !s.isCertain('day')) continue;
    const y = s.get('year');
    const m = s.get('month');
    const d = s.get('day');
    if (y === null || m === null || d === null || y < 1800 || y > 2200) continue;
    const letters = line.replace(/[^\p{L}\p{N}]/gu, '').length || 1;
    const covered = r.text.replace(/[^\p{L}\p{N}]/gu, '').length;
    return { iso: `${y}-${pad(m)}-${pad(d)}`, text: r.text, index: r.index, coverage: covered / letters };
  }
  return null;
}
