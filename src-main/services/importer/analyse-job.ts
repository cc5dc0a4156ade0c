import type { Analysis } from '../../core/article/analyse-article';
import type { ArticleFormat } from '../../core/article/article-record';
import { normaliseStoredText } from '../../core/text/normalise-text';
import { analyseSource, prepareRaw } from './formats/analyse-source';
import { fingerprintOf } from './fingerprint';

export { fingerprintOf } from './fingerprint';
export { analyseSource } from './formats/analyse-source';

/** The CPU-bound part of importing one file: what the analysis workers run (and the importer, inline, for small imports). */
export type AnalysisJob = { format: ArticleFormat; text: string; file: string | null };
export type AnalysedSource = { raw: string; analysis: Analysis; tags: string[]; fingerprint: string };

export function analyseJob(job: AnalysisJob): AnalysedSource {
  const raw = normaliseStoredText(prepareRaw(job.format, job.text));
  const { analysis, tags } = analyseSource(job.format, raw, job.file);
  return { raw, analysis, tags, fingerprint: fingerprintOf(analysis, raw) };
}
