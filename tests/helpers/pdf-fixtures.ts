import { PDFDocument, StandardFonts } from 'pdf-lib';

/**
 * PDFs made in the test that uses them (pdf-lib, standard fonts), so no binary file is ever committed.
 * Each describes a document a reader meets: a report in two columns with a running header and numbered
 * pages, a scan (pages without text), a password-protected file, a file with a damaged cross-reference table.
 */
export type PdfPage = {
  /**
   * Lines drawn top to bottom from y = 760: at x = 50 (column 0, the default, or 'full' across the page) or
   * in the right column at x = 325 (column 1). A 'full' line starts below both columns' text so far.
   */
  lines?: Array<{ text: string; size?: number; column?: 0 | 1 | 'full' }>;
  header?: string;
  footer?: string;
};

export type PdfOptions = { title?: string; author?: string; created?: Date; pages: PdfPage[]; objectStreams?: boolean };

export async function makePdf(opts: PdfOptions): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  if (opts.title !== undefined) doc.setTitle(opts.title);
  if (opts.author !== undefined) doc.setAuthor(opts.author);
  if (opts.created) doc.setCreationDate(opts.created);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const p of opts.pages) {
    const page = doc.addPage([595, 842]);
    if (p.header) page.drawText(p.header, { x: 50, y: 805, size: 9, font });
    const y = [760, 760];
    for (const l of p.lines ?? []) {
      const size = l.size ?? 10;
      if (l.column === 'full') {
        const at = Math.min(y[0]!, y[1]!);
        page.drawText(l.text, { x: 50, y: at, size, font });
        y[0] = y[1] = at - size * 1.8;
        continue;
      }
      const column = l.column ?? 0;
      page.drawText(l.text, { x: 50 + column * 275, y: y[column]!, size, font });
      y[column]! -= size * 1.4;
    }
    if (p.footer) page.drawText(p.footer, { x: 280, y: 30, size: 9, font });
  }
  return doc.save({ useObjectStreams: opts.objectStreams ?? false });
}

/** A page of `n` lines of ordinary prose, each line different (no line repeats across pages). */
export function proseLines(n: number, seed: number, column: 0 | 1 = 0, wordsPerLine = column === 1 ? 5 : 7): NonNullable<PdfPage['lines']> {
  const words = 'the harbour committee said that coastal towns would need stronger flood defences before winter storms reach the northern shore'.split(' ');
  return Array.from({ length: n }, (_, i) => ({
    text: Array.from({ length: wordsPerLine }, (_, w) => words[(seed * 13 + i * 5 + w * 3) % words.length]).join(' ') + (i % 4 === 3 ? '.' : ''),
    column,
  }));
}

/** A PDF whose pages have no text at all (as a scanner makes them: images only; here, empty pages with a rectangle). */
export async function makeScannedPdf(pages = 2): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([595, 842]).drawRectangle({ x: 40, y: 40, width: 500, height: 760 });
  return doc.save({ useObjectStreams: false });
}

const latin1 = (b: Uint8Array) => Buffer.from(b).toString('latin1');

/**
 * A PDF that asks for a password: a Standard security handler whose user password is not empty (its /U
 * entry matches no empty password), as an encrypted report arrives.
 */
export async function makeEncryptedPdf(): Promise<Uint8Array> {
  const s = latin1(await makePdf({ pages: [{ lines: proseLines(5, 1) }] }));
  const encrypt = `/Encrypt << /Filter /Standard /V 1 /R 2 /O <${'11'.repeat(32)}> /U <${'22'.repeat(32)}> /P -4 >> /ID [<${'ab'.repeat(16)}> <${'ab'.repeat(16)}>]`;
  return Buffer.from(s.replace(/trailer\s*<</, (m) => `${m}\n${encrypt}`), 'latin1');
}

/** Every offset of the cross-reference table moved: readers must rebuild it by scanning the file. */
export async function makeShiftedXrefPdf(opts: PdfOptions): Promise<Uint8Array> {
  const s = latin1(await makePdf(opts));
  return Buffer.from(
    s.replace(/(\d{10}) 00000 n/g, (_m, d: string) => `${String(Number(d) + 7).padStart(10, '0')} 00000 n`),
    'latin1',
  );
}

/** The cross-reference table and trailer cut off: there is no document catalog to find. */
export async function makeTruncatedPdf(): Promise<Uint8Array> {
  const s = latin1(await makePdf({ pages: [{ lines: proseLines(5, 2) }] }));
  return Buffer.from(s.slice(0, s.indexOf('xref')), 'latin1');
}
