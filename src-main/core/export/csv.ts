import type { ExportArticle } from './export-article';

/**
 * CSV of annotations, one row each. RFC 4180: CRLF between records, every field quoted when it holds a
 * comma, quote, CR or LF, quotes doubled. Spreadsheet-safe: a cell that a spreadsheet would run as a formula
 * (starting with = + - @, tab or CR, as OWASP lists them) gets a leading apostrophe, which Excel, LibreOffice
 * and Google Sheets show as text and hide.
 */
export const CSV_COLUMNS = [
  'Created',
  'Updated',
  'Article title',
  'Outlet',
  'Date',
  'URL',
  'Quote',
  'Note',
  'Tags',
  'Colour',
  'Anchor status',
  'Article ID',
  'Annotation ID',
] as const;

export const UTF8_BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | null | undefined): string {
  let v = value ?? '';
  if (FORMULA_START.test(v)) v = `'${v}`;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export const csvRow = (cells: Array<string | null | undefined>) => `${cells.map(csvCell).join(',')}\r\n`;

export const annotationsCsv = {
  begin(bom: boolean): string {
    return `${bom ? UTF8_BOM : ''}${csvRow([...CSV_COLUMNS])}`;
  },
  article(a: ExportArticle): string {
    return a.annotations
      .map((n) =>
        csvRow([
          n.createdAt,
          n.updatedAt,
          a.title,
          a.outlet,
          a.publishedAt,
          a.url,
          n.quote.exact,
          n.note,
          n.tags.join('; '),
          n.color,
          n.anchor.status,
          a.id,
          n.id,
        ]),
      )
      .join('');
  },
};
