import type { FetchedVersion } from '../../core/article/versions';
import { loadAnalysis } from '../importer/load-analysis';
import type { FetchedPage } from './fetch-page';

/**
 * Turn a fetched page into an analysed article text, read exactly as an import from that address reads it
 * (import-web-page.ts: the declared charset, a PDF's text layer, the importer's checks), then analysed as
 * an imported file is: a check for updates compares like with like.
 */
export async function analyseFetchedPage(page: FetchedPage): Promise<FetchedVersion> {
  // Loaded on first use with the analysis: `parallax list` needs neither.
  const { loadFetchedPage } = await import('./import-web-page');
  const loaded = await loadFetchedPage(page);
  const format = loaded.format ?? 'html';
  const { analyseJob } = await loadAnalysis();
  const done = analyseJob({ format, text: loaded.text, file: page.url });
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
