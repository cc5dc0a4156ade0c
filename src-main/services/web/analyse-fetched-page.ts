import iconv from 'iconv-lite';
import type { ArticleFormat } from '../../core/article/article-record';
import type { FetchedVersion } from '../../core/article/versions';
import { loadAnalysis } from '../importer/load-analysis';
import { readPdfText } from '../importer/formats/pdf-file';
import { bytesToText } from '../importer/read-import-file';
import { checkTypedText } from '../replace-text-handlers';
import type { FetchedPage } from './fetch-page';

const formats: Record<FetchedPage['kind'], ArticleFormat> = { html: 'html', pdf: 'pdf', text: 'text' };

/** UTF-8 and its aliases are left to the importer's own decoding (BOM, strict UTF-8, then sniffing). */
const UTF8 = /^(utf-?8|unicode-1-1-utf-8)$/i;

/**
 * A page's bytes as text: by the charset the server declared when it declared one the decoders know (a
 * Windows-1251 page sniffed as Windows-1252 would be mojibake), else as an imported file is decoded. The
 * importer's limits and checks apply either way (size, binary data, empty, too many lines).
 */
function pageText(page: FetchedPage): string {
  const label = page.url;
  if (page.charset && !UTF8.test(page.charset) && iconv.encodingExists(page.charset)) {
    const text = iconv.decode(page.body, page.charset);
    checkTypedText(text, label);
    return text;
  }
  return bytesToText(page.body, label).text;
}

/**
 * Turn a fetched page into an analysed article text, as the same page saved to disk and imported would be
 * (importer/formats: sanitised, extracted, analysed, fingerprinted): a check for updates compares like with
 * like. A PDF is read from its text layer.
 */
export async function analyseFetchedPage(page: FetchedPage): Promise<FetchedVersion> {
  const format = formats[page.kind];
  const text = format === 'pdf' ? await readPdfText(page.body, page.url) : pageText(page);
  const { analyseJob } = await loadAnalysis();
  const done = analyseJob({ format, text, file: page.url });
  return {
    raw: done.raw,
    format,
    analysis: done.analysis,
    fingerprint: done.fingerprint,
    url: page.url,
    fetchedAt: page.fetchedAt,
    etag: page.etag ?? null,
    lastModified: page.lastModified ?? null,
  };
}
