/**
 * The stored raw source of a PDF article: what was read from the file, kept as text so the article can be
 * analysed again when the rules improve (like every other format), without the PDF:
 *
 *   %parallax-pdf 1
 *   title: "…"          the document's own metadata (Info dictionary or XMP), JSON strings
 *   titleFrom: "…"      where it was read (shown as the cue)
 *   author: "…"
 *   date: "2025-10-12"
 *   dateFrom: "…"
 *   heading: "…"        the first page's largest-font line
 *   <form feed>
 *   page 1, one line per line, a blank line where a paragraph ends
 *   <form feed>
 *   page 2 …
 *
 * A text without the first line (an edited copy pasted in) is read as one page of lines.
 */
export const PDF_SOURCE_MARK = '%parallax-pdf 1';
const PAGE_BREAK = '\f';

export const pdfSourceKeys = ['title', 'titleFrom', 'author', 'date', 'dateFrom', 'heading'] as const;
export type PdfSourceMeta = Partial<Record<(typeof pdfSourceKeys)[number], string>>;
export type PdfSource = { meta: PdfSourceMeta; pages: string[][] };

/** One-line values only: a line break in a producer's Title must not end the header. */
// eslint-disable-next-line no-control-regex -- control characters are what is removed
const oneLine = (s: string) => s.replace(/[\s\u0000-\u001F]+/g, ' ').trim();

export function writePdfSource(src: PdfSource): string {
  const head = [PDF_SOURCE_MARK];
  for (const k of pdfSourceKeys) {
    const v = src.meta[k];
    if (v && oneLine(v)) head.push(`${k}: ${JSON.stringify(oneLine(v))}`);
  }
  // A form feed inside a line would read as a page break: none is kept.
  return [head.join('\n'), ...src.pages.map((p) => p.map((l) => l.replaceAll(PAGE_BREAK, ' ')).join('\n'))].join(`\n${PAGE_BREAK}\n`);
}

export function readPdfSource(raw: string): PdfSource {
  const parts = raw.split(/\n?\f\n?/);
  const meta: PdfSourceMeta = {};
  if (parts[0]?.startsWith(PDF_SOURCE_MARK)) {
    for (const line of parts.shift()!.split('\n').slice(1)) {
      const m = /^(\w+): (".*")$/.exec(line);
      if (!m || !(pdfSourceKeys as readonly string[]).includes(m[1]!)) continue;
      try {
        const v = JSON.parse(m[2]!) as unknown;
        if (typeof v === 'string') meta[m[1] as keyof PdfSourceMeta] = v;
      } catch {
        /* a damaged value is left out, not fatal */
      }
    }
  }
  return { meta, pages: parts.map((p) => p.split('\n')) };
}
