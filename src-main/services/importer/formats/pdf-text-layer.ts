import type * as PdfJsModule from 'unpdf/pdfjs';
import { AppError, clip, clipPath } from '../../../contract/errors';
import type { PdfTextItem } from '../../../core/pdf/pdf-lines';
import { pageLines, pageText } from '../../../core/pdf/pdf-lines';
import { isJunkTitle } from '../../../core/pdf/pdf-article';
import { pdfDay } from '../../../core/pdf/pdf-date';
import type { PdfSourceMeta } from '../../../core/pdf/pdf-source';
import { writePdfSource } from '../../../core/pdf/pdf-source';

/**
 * Reading a PDF's text layer with pdf.js, through unpdf 1.8.1 (pinned; it bundles a serverless build of
 * pdf.js that needs no worker file and no canvas: measured against pdfjs-dist's legacy build, the same text
 * items, a third of its start-up time and 2.6 MB against 41 MB with a native canvas binary).
 * Nothing is fetched (no fonts, no character maps from the network), no form (XFA) or script in the file is
 * run (pdf.js 6 never evaluates code it finds in a PDF), and a damaged or protected file is refused with the reason.
 * This runs in a PDF worker thread (pdf-worker.ts): parsing a large file takes seconds of CPU, which on the
 * main thread would stop the app (and every web-mode request) from answering meanwhile.
 */
type PdfJs = typeof PdfJsModule;
let pdfjs: Promise<PdfJs> | null = null;
const loadPdfJs = () => (pdfjs ??= import('unpdf').then((m) => m.getResolvedPDFJS() as Promise<PdfJs>));

type Item = { str?: string; transform?: number[]; width?: number; height?: number };

function toItems(items: Item[]): PdfTextItem[] {
  const out: PdfTextItem[] = [];
  for (const it of items) {
    if (typeof it.str !== 'string' || !it.transform) continue;
    const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = it.transform;
    const size = Math.hypot(c, d) || Math.hypot(a, b) || it.height || 0;
    out.push({ str: it.str, x, y, width: it.width ?? 0, size });
  }
  return out;
}

function describe(e: unknown, file: string): AppError {
  const name = (e as { name?: string })?.name ?? '';
  const message = (e as Error)?.message ?? String(e);
  if (name === 'PasswordException')
    return new AppError(
      'UNSUPPORTED',
      `${clipPath(file)} is protected by a password; Parallax cannot open encrypted PDFs: save a copy without the password and import that`,
    );
  if (name === 'InvalidPDFException')
    return new AppError(
      'UNREADABLE',
      `${clipPath(file)} is a damaged PDF: its structure cannot be read (${clip(message)}); nothing was imported`,
    );
  return new AppError('UNREADABLE', `${clipPath(file)} cannot be read as a PDF (${clip(message)}); nothing was imported`);
}

/** The first page's largest-font line (and the next, if the title runs on to a second line of that size), when clearly larger than the text. */
function headingOf(lines: Array<{ text: string; size: number }>): string | undefined {
  if (lines.length < 2) return undefined;
  const sizes = lines.map((l) => l.size).sort((a, b) => a - b);
  const usual = sizes[Math.floor(sizes.length / 2)]!;
  const largest = sizes[sizes.length - 1]!;
  if (largest < usual * 1.25) return undefined;
  const at = lines.findIndex((l) => l.size === largest);
  const parts = [lines[at]!.text];
  if (lines[at + 1] && Math.abs(lines[at + 1]!.size - largest) < 0.5) parts.push(lines[at + 1]!.text);
  const text = parts.join(' ').trim();
  const words = text.split(/\s+/).length;
  return words >= 1 && words <= 30 ? text : undefined;
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/**
 * A PDF's bytes into the stored PDF source (core/pdf/pdf-source.ts): each page's lines in reading order, and
 * the document's metadata. A file with no text at all (a scan) is refused: there is nothing to read yet.
 */
export async function readPdfTextLayer(bytes: Uint8Array, file: string): Promise<string> {
  const lib = await loadPdfJs();
  // pdf.js takes the buffer over (it is detached): it gets a copy, the caller keeps the original for the snapshot.
  const task = lib.getDocument({
    data: new Uint8Array(bytes),
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    throw describe(e, file);
  }
  try {
    const pages: string[][] = [];
    let chars = 0;
    let heading: string | undefined;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const lines = pageLines(toItems(content.items as Item[]));
      if (n === 1) heading = headingOf(lines);
      chars += lines.reduce((sum, l) => sum + l.text.replace(/\s/g, '').length, 0);
      pages.push(pageText(lines).split('\n'));
      page.cleanup();
    }
    if (chars < 20) {
      throw new AppError(
        'UNSUPPORTED',
        `${clipPath(file)} has no text layer (${doc.numPages === 1 ? 'its page is' : `its ${doc.numPages} pages are`} images, as in a scanned document); Parallax cannot read text from images yet`,
      );
    }
    const { info, metadata } = (await doc.getMetadata().catch(() => ({ info: {}, metadata: null }))) as {
      info: Record<string, unknown>;
      metadata: { get(name: string): unknown } | null;
    };
    const xmp = (name: string) => str(metadata?.get(name));
    const meta: PdfSourceMeta = { heading };
    const titles: Array<[string | undefined, string]> = [
      [str(info.Title), 'Title'],
      [xmp('dc:title'), 'XMP dc:title'],
    ];
    const title = titles.find(([t]) => t && !isJunkTitle(t));
    if (title) [meta.title, meta.titleFrom] = [title[0], title[1]];
    meta.author = str(info.Author) ?? xmp('dc:creator');
    const dates: Array<[string | null, string]> = [
      [pdfDay(str(info.CreationDate)), 'CreationDate'],
      [pdfDay(xmp('xmp:createdate')), 'XMP xmp:CreateDate'],
    ];
    const date = dates.find(([d]) => d);
    if (date) [meta.date, meta.dateFrom] = [date[0]!, date[1]];
    return writePdfSource({ meta, pages });
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw describe(e, file);
  } finally {
    await task.destroy().catch(() => undefined);
  }
}
