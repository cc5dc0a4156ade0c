import type { ColumnCell, ColumnRow } from '@contract';

/** Reading in columns shows two to six articles: beyond six a column is too narrow to read. */
export const MIN_COLUMNS = 2;
export const MAX_COLUMNS = 6;

/** The columns shown first: the story's first articles, up to six. */
export const firstColumns = (ids: string[]): string[] => ids.slice(0, MAX_COLUMNS);

/**
 * Add or take away one article from the columns, keeping the story's order and two to six columns (a
 * change that would leave fewer than two or more than six is refused: the same list comes back).
 */
export function toggleColumn(chosen: string[], id: string, order: string[]): string[] {
  const next = chosen.includes(id) ? chosen.filter((x) => x !== id) : [...chosen, id];
  if (next.length < MIN_COLUMNS || next.length > MAX_COLUMNS) return chosen;
  return order.filter((x) => next.includes(x));
}

/** A row's cells by column (`columns` articles): none, one (a shared row) or several (an unshared row). */
export function cellsByColumn(row: ColumnRow, columns: number): ColumnCell[][] {
  const out = Array.from({ length: columns }, () => [] as ColumnCell[]);
  for (const c of row.cells) out[c.article]?.push(c);
  return out;
}

/** How many shared rows each number of outlets has: `{2: 5, 3: 2}`. */
export function sharedCounts(rows: ColumnRow[]): Map<number, number> {
  const m = new Map<number, number>();
  for (const r of rows) if (r.shared) m.set(r.cells.length, (m.get(r.cells.length) ?? 0) + 1);
  return new Map([...m].sort((a, b) => b[0] - a[0]));
}

export type GridAt = { row: number; col: number };

/**
 * Where a key moves the focus in the grid of rows × columns (the WAI-ARIA grid pattern): arrows by one
 * cell, Home / End to the row's ends, Ctrl+Home / Ctrl+End to the first / last row, PageUp / PageDown by
 * `page` rows. Null for any other key (the key is left to the browser).
 */
export function moveInGrid(at: GridAt, key: string, ctrl: boolean, rows: number, cols: number, page = 10): GridAt | null {
  const clampRow = (r: number) => Math.max(0, Math.min(rows - 1, r));
  const clampCol = (c: number) => Math.max(0, Math.min(cols - 1, c));
  switch (key) {
    case 'ArrowDown':
      return { row: clampRow(at.row + 1), col: at.col };
    case 'ArrowUp':
      return { row: clampRow(at.row - 1), col: at.col };
    case 'ArrowRight':
      return { row: at.row, col: clampCol(at.col + 1) };
    case 'ArrowLeft':
      return { row: at.row, col: clampCol(at.col - 1) };
    case 'Home':
      return ctrl ? { row: 0, col: 0 } : { row: at.row, col: 0 };
    case 'End':
      return ctrl ? { row: rows - 1, col: cols - 1 } : { row: at.row, col: cols - 1 };
    case 'PageDown':
      return { row: clampRow(at.row + page), col: at.col };
    case 'PageUp':
      return { row: clampRow(at.row - page), col: at.col };
    default:
      return null;
  }
}
