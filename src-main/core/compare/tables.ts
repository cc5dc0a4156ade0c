import type { CompareResult, Conflict, ExportedTable } from '../../contract';
import { differingParts, entityTypeText } from '../../../src-shared/compare';
import { escapeHtml } from '../../../src-shared/html';

/**
 * The comparison as plain tables (coverage matrix, quotes, entities, conflicts) and their Markdown, HTML and
 * CSV renderings: what the export feature packages and what the compare view offers to download.
 */
export type Table = { title: string; columns: string[]; rows: string[][] };
export type TableName = 'claims' | 'quotes' | 'entities' | 'conflicts';
export type TableFormat = 'markdown' | 'html' | 'csv';

const noteCells = (c: Conflict, labelOf: (id: string) => string, note: 'conflict' | 'differs') => [
  c.kind,
  c.description,
  c.forms.join('; '),
  c.articles.map(labelOf).join(', '),
  differingParts[c.kind],
  note === 'conflict' ? 'conflict' : 'differs (does not contradict)',
];

export function comparisonTable(r: CompareResult, name: TableName): Table {
  const labels = r.articles.map((a) => a.label);
  const labelOf = (id: string) => labels[r.articles.findIndex((a) => a.id === id)] ?? id;
  switch (name) {
    case 'claims':
      return {
        title: 'Coverage matrix',
        columns: ['Claim', 'Outlets', ...labels],
        rows: r.claims.map((c) => [
          c.label,
          String(c.count),
          ...r.articles.map((a) =>
            c.passages
              .filter((p) => p.article === a.id)
              .map((p) => p.text)
              .join(' '),
          ),
        ]),
      };
    case 'quotes':
      return {
        title: 'Quotes',
        columns: ['Speaker', 'Quote', 'Outlets', ...labels],
        rows: r.quotes.map((q) => [
          q.speaker ?? '',
          q.label,
          String(q.articles.length),
          ...r.articles.map((a) =>
            q.variants
              .filter((v) => v.article === a.id)
              .map((v) => (v.kind === 'reported' ? `(reported) ${v.text}` : v.text))
              .join(' | '),
          ),
        ]),
      };
    case 'entities':
      return {
        title: 'Names and spellings',
        // New columns go last, so a spreadsheet built on the earlier export still reads its columns.
        columns: ['Entity', 'Type', 'Roles', 'Spellings (outlets)', 'Type confidence'],
        rows: r.entities.map((e) => [
          e.name,
          entityTypeText(e).text,
          e.roles.join('; '),
          e.variants.map((v) => `${v.form}${v.partial ? ' (short)' : ''}: ${v.articles.map(labelOf).join(', ')}`).join('; '),
          e.typeConfidence === undefined ? '' : e.typeConfidence.toFixed(2),
        ]),
      };
    case 'conflicts':
      // Conflicts first, then the softer notes (values that differ without contradicting), each saying what
      // differs; the new columns go last, so a spreadsheet built on the earlier export still reads its columns.
      return {
        title: 'Conflicts',
        columns: ['Kind', 'Description', 'Forms', 'Outlets', 'What differs', 'Note'],
        rows: [...r.conflicts.map((c) => noteCells(c, labelOf, 'conflict')), ...(r.differs ?? []).map((c) => noteCells(c, labelOf, 'differs'))],
      };
  }
}

const mdCell = (s: string) =>
  s
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ');

export function toMarkdown(t: Table): string {
  const head = `| ${t.columns.map(mdCell).join(' | ')} |`;
  const rule = `|${t.columns.map(() => ' --- ').join('|')}|`;
  return [`## ${t.title}`, '', head, rule, ...t.rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`), ''].join('\n');
}

/** A standalone, script-free HTML document; every cell is escaped text. */
export function toHtml(t: Table): string {
  const rows = t.rows.map((r) => `<tr>${r.map((c) => `<td dir="auto">${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n');
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>${escapeHtml(t.title)}</title>
<style>body{font:14px system-ui,sans-serif;margin:2rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem .5rem;vertical-align:top;text-align:start}th{background:#f3f3f3}</style>
</head><body><h1>${escapeHtml(t.title)}</h1>
<table><thead><tr>${t.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('')}</tr></thead>
<tbody>
${rows}
</tbody></table></body></html>
`;
}

/** RFC 4180 CSV; a cell that a spreadsheet would run as a formula (=, +, -, @) is prefixed with an apostrophe. */
export function toCsv(t: Table): string {
  const cell = (s: string) => {
    const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
    return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return [t.columns, ...t.rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

export function exportTable(r: CompareResult, name: TableName, format: TableFormat): ExportedTable {
  const t = comparisonTable(r, name);
  switch (format) {
    case 'markdown':
      return { filename: `parallax-${name}.md`, mimeType: 'text/markdown', content: toMarkdown(t) };
    case 'html':
      return { filename: `parallax-${name}.html`, mimeType: 'text/html', content: toHtml(t) };
    case 'csv':
      return { filename: `parallax-${name}.csv`, mimeType: 'text/csv', content: toCsv(t) };
  }
}
