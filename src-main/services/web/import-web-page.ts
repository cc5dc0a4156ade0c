import type { Emit, ImportReport } from '../../contract';
import { AppError, clip } from '../../contract/errors';
import { decodeDeclared } from '../importer/decode-text';
import { sanitizePage } from '../importer/formats/sanitize-page';
import { looksLikePdf, readPdfText } from '../importer/formats/pdf-file';
import type { ImportSource } from '../importer/import-articles';
import { importArticles } from '../importer/import-articles';
import type { Loaded } from '../importer/read-import-file';
import { checkArticleText } from '../importer/read-import-file';
import type { NotebookStore } from '../store/notebook-store';
import type { FetchOptions, FetchedPage } from './fetch-page';
import { fetchPage } from './fetch-page';

/**
 * A page's HTML as its snapshot: the sanitised copy (no script, no style, no frame, no handler: the same
 * sanitiser the import stores the raw page with), with the address it came from and when it arrived.
 */
export function pageSnapshot(html: string, url: string, fetchedAt: string): NonNullable<Loaded['snapshot']> {
  return { kind: 'html', bytes: Buffer.from(sanitizePage(html), 'utf8'), url, fetchedAt, file: null };
}

/**
 * What a fetched page is as an import source, read exactly as the same bytes saved to a file would be: a
 * PDF (by its media type or its `%PDF-` header) from its text layer, a page or a text decoded by the
 * declared charset (else sniffed, as a file is). A page or a PDF keeps its original as the snapshot, with the
 * final address and the fetch time. Nothing is written here: checking a page again for changes reads it
 * through this too, and decides itself what to keep.
 */
export async function loadFetchedPage(page: FetchedPage): Promise<Loaded> {
  const label = page.url;
  if (page.status === 304) throw new AppError('BAD_INPUT', `${clip(label, 120)} was not sent again (304 Not Modified)`);
  if (page.body.length === 0) throw new AppError('EMPTY_FILE', `${clip(label, 120)} sent an empty page; nothing was imported`);
  if (page.kind === 'pdf' || looksLikePdf(page.body.subarray(0, 8))) {
    const text = await readPdfText(page.body, label);
    return {
      text,
      encoding: null,
      format: 'pdf',
      snapshot: { kind: 'pdf', bytes: page.body, url: page.url, fetchedAt: page.fetchedAt, file: null },
    };
  }
  const decoded = decodeDeclared(page.body, page.charset, label);
  checkArticleText(decoded.text, label);
  if (page.kind === 'text') return { text: decoded.text, encoding: decoded.encoding, format: 'text' };
  return { text: decoded.text, encoding: decoded.encoding, format: 'html', snapshot: pageSnapshot(decoded.text, page.url, page.fetchedAt) };
}

/** A fetched page as one source of `importArticles`: labelled and addressed by its final URL, kept as a correction (re-analysis never replaces it). */
export function fetchedPageSource(page: FetchedPage): ImportSource {
  return { file: page.url, load: () => loadFetchedPage(page), userMeta: { url: page.url } };
}

export type WebImport = { page: FetchedPage; report: ImportReport };

/**
 * Fetch a web address and import it through the same path as a saved file. A fetch that fails throws
 * (nothing was written); a page that cannot be an article comes back in the report's errors, as a file's does.
 */
export async function importWebPage(store: NotebookStore, address: string, emit?: Emit, options: FetchOptions = {}): Promise<WebImport> {
  const page = await fetchPage(address, options);
  const report = await importArticles(store, [fetchedPageSource(page)], emit);
  return { page, report };
}
