/**
 * Reading order of one PDF page: the text items pdf.js gives (in content-stream order, which is whatever
 * order the producer drew them in) put into lines, top to bottom, and into columns when a page is plainly
 * set in two or more. Pure: positions in, lines out.
 */

/** One text item of a page, in page space (points, y growing upwards, as PDF draws). */
export type PdfTextItem = { str: string; x: number; y: number; width: number; size: number };

/** A line of a page: its text, its font size (the largest of its items) and where it sits. */
export type PdfLine = { text: string; size: number; x: number; y: number; right: number };

/** Items on one line whose baselines differ by less than this share of the font size. */
const SAME_LINE = 0.45;
/** A horizontal gap wider than this many font sizes splits a line into fragments (columns, table cells). */
const FRAGMENT_GAP = 1.6;

type Fragment = { items: PdfTextItem[]; x: number; right: number; y: number; size: number };

function textOf(items: PdfTextItem[]): string {
  let out = '';
  let end = -Infinity;
  for (const it of items) {
    // A space between items that do not touch, unless the producer already put one in.
    if (out && it.x - end > it.size * 0.15 && !/\s$/.test(out) && !/^\s/.test(it.str)) out += ' ';
    out += it.str;
    end = it.x + it.width;
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** Items grouped by baseline, each baseline split where a wide gap falls (so two columns never share a line). */
function fragments(items: PdfTextItem[]): Fragment[] {
  const sorted = items.filter((i) => i.str.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: PdfTextItem[][] = [];
  for (const it of sorted) {
    const row = rows[rows.length - 1];
    const ref = row?.[0];
    if (row && ref && Math.abs(ref.y - it.y) < Math.max(ref.size, it.size) * SAME_LINE) row.push(it);
    else rows.push([it]);
  }
  const out: Fragment[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    let cur: PdfTextItem[] = [];
    const flush = () => {
      if (!cur.length) return;
      const last = cur[cur.length - 1]!;
      out.push({ items: cur, x: cur[0]!.x, right: last.x + last.width, y: cur[0]!.y, size: Math.max(...cur.map((c) => c.size)) });
      cur = [];
    };
    for (const it of row) {
      const prev = cur[cur.length - 1];
      if (prev && it.x - (prev.x + prev.width) > Math.max(prev.size, it.size) * FRAGMENT_GAP) flush();
      cur.push(it);
    }
    flush();
  }
  return out;
}

/**
 * The gutters of a page set in columns: x positions no fragment crosses, with enough text on both sides.
 * Only "obvious" columns count: each column holds at least a fifth of the page's fragments and five lines,
 * so a table or a caption beside a picture is read line by line instead.
 */
function gutters(frags: Fragment[]): number[] {
  if (frags.length < 10) return [];
  const lefts = [...new Set(frags.map((f) => Math.round(f.x / 4) * 4))].sort((a, b) => a - b);
  const found: number[] = [];
  for (const candidate of lefts) {
    const starters = frags.filter((f) => Math.abs(f.x - candidate) < 6);
    const before = frags.filter((f) => f.right <= candidate);
    if (starters.length < Math.max(5, frags.length / 5) || before.length < Math.max(5, frags.length / 5)) continue;
    // No fragment may run across the gutter, apart from full-width lines (a title, a running header).
    const crossing = frags.filter((f) => f.x < candidate - 6 && f.right > candidate);
    if (crossing.length > frags.length / 10) continue;
    if (found.every((g) => Math.abs(g - candidate) > 40)) found.push(candidate - 3);
  }
  return found;
}

const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]! : 0);

/**
 * Lines above or below the columns (a running header, a title over both columns, a page number at the
 * foot): set off from their own column's text by a gap wider than its line spacing and beyond every other
 * column's text. They are read where they stand on the page, not as the first or last line of a column.
 */
function marginLines(frags: Fragment[], columnOf: (f: Fragment) => number): Set<Fragment> {
  const columns = new Map<number, Fragment[]>();
  for (const f of frags) columns.set(columnOf(f), [...(columns.get(columnOf(f)) ?? []), f]);
  const out = new Set<Fragment>();
  for (const [k, col] of columns) {
    col.sort((a, b) => b.y - a.y);
    const others = [...columns].filter(([j]) => j !== k).flatMap(([, c]) => c);
    if (!others.length || col.length < 2) continue;
    const top = Math.max(...others.map((f) => f.y));
    const bottom = Math.min(...others.map((f) => f.y));
    const usual = median(col.slice(1).map((f, i) => col[i]!.y - f.y));
    let cut = -1;
    for (let i = 0; i < col.length - 1 && col[i]!.y > top + col[i]!.size * 0.5; i++) if (col[i]!.y - col[i + 1]!.y > usual * 1.8) cut = i;
    for (let i = 0; i <= cut; i++) out.add(col[i]!);
    cut = col.length;
    for (let i = col.length - 1; i > 0 && col[i]!.y < bottom - col[i]!.size * 0.5; i--) if (col[i - 1]!.y - col[i]!.y > usual * 1.8) cut = i;
    for (let i = cut; i < col.length; i++) out.add(col[i]!);
  }
  return out;
}

function toLine(f: Fragment): PdfLine {
  return { text: textOf(f.items), size: f.size, x: f.x, y: f.y, right: f.right };
}

/**
 * The page's lines in reading order. Without columns: top to bottom, left to right on a line. With columns:
 * the page is cut into bands at each line that spans a gutter (a title, a header, a full-width figure
 * caption), and inside a band each column is read to its foot before the next one.
 */
export function pageLines(items: PdfTextItem[]): PdfLine[] {
  const frags = fragments(items);
  const cuts = gutters(frags);
  if (!cuts.length) {
    // One column: fragments of one baseline are one line again.
    const lines: PdfLine[] = [];
    let row: Fragment[] = [];
    const flush = () => {
      if (!row.length) return;
      lines.push(toLine({ items: row.flatMap((f) => f.items), x: row[0]!.x, right: row[row.length - 1]!.right, y: row[0]!.y, size: Math.max(...row.map((r) => r.size)) }));
      row = [];
    };
    for (const f of frags) {
      if (row.length && Math.abs(row[0]!.y - f.y) >= Math.max(row[0]!.size, f.size) * SAME_LINE) flush();
      row.push(f);
    }
    flush();
    return lines;
  }
  const columnOf = (f: Fragment) => cuts.filter((c) => f.x >= c).length;
  const crosses = (f: Fragment) => cuts.some((c) => f.x < c - 6 && f.right > c);
  const outside = marginLines(frags.filter((f) => !crosses(f)), columnOf);
  const spans = (f: Fragment) => crosses(f) || outside.has(f);
  const out: PdfLine[] = [];
  let band: Fragment[] = [];
  const flushBand = () => {
    const byColumn = [...band].sort((a, b) => columnOf(a) - columnOf(b) || b.y - a.y || a.x - b.x);
    out.push(...byColumn.map(toLine));
    band = [];
  };
  for (const f of frags) {
    if (spans(f)) {
      flushBand();
      out.push(toLine(f));
    } else band.push(f);
  }
  flushBand();
  return out;
}

/**
 * Lines as the stored page text: one line each, a blank line where a paragraph ends (a vertical gap clearly
 * wider than the page's usual line spacing, or a change of font size, as between a heading and its text).
 */
export function pageText(lines: PdfLine[]): string {
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const d = lines[i - 1]!.y - lines[i]!.y;
    if (d > 0) gaps.push(d);
  }
  gaps.sort((a, b) => a - b);
  // The lower median: on a short page the paragraph gaps must not count as the usual spacing.
  const usual = gaps.length ? gaps[Math.floor((gaps.length - 1) / 2)]! : 0;
  const out: string[] = [];
  for (const [i, l] of lines.entries()) {
    const prev = lines[i - 1];
    if (prev) {
      const d = prev.y - l.y;
      const sizeChange = Math.abs(prev.size - l.size) > Math.min(prev.size, l.size) * 0.15;
      // d < 0: the next column starts higher up; the paragraph may go on there, so no break is forced.
      if (sizeChange || (usual > 0 && d > usual * 1.45)) out.push('');
    }
    out.push(l.text);
  }
  return out.join('\n');
}
