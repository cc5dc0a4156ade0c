import type { AlignmentRow } from '@contract';

type Placed = { row: AlignmentRow; index: number };

/**
 * A horizontal band of the aligned reading: a pair (one sentence each side, level with each other), or the
 * sentences only one side or both sides have between two pairs, each column stacking its own in place.
 */
export type Band = { kind: 'pair'; row: AlignmentRow; index: number } | { kind: 'unique'; a: Placed[]; b: Placed[] };

/**
 * Rows (core/compare/align.ts alignmentRows) grouped into bands: the unique rows between two pairs share
 * one band, so a side with nothing there takes no extra row (no "Not in …" placeholder).
 */
export function bandsOf(rows: AlignmentRow[]): Band[] {
  const out: Band[] = [];
  let open: { kind: 'unique'; a: Placed[]; b: Placed[] } | null = null;
  rows.forEach((row, index) => {
    if (row.a !== null && row.b !== null) {
      out.push({ kind: 'pair', row, index });
      open = null;
      return;
    }
    if (!open) {
      open = { kind: 'unique', a: [], b: [] };
      out.push(open);
    }
    (row.a !== null ? open.a : open.b).push({ row, index });
  });
  return out;
}
