import { createHash } from 'node:crypto';
import type { Analysis } from '../../core/article/analyse-article';
import type { ArticleFormat } from '../../core/article/article-record';
import { normaliseStoredText } from '../../core/text/normalise-text';
import { fingerprintKey } from '../../../src-shared/fold';
import { analyseSource, prepareRaw } from './formats/analyse-source';

/** The CPU-bound part of importing one file: what the analysis workers run (and the importer, inline, for small imports). */
export type AnalysisJob = { format: ArticleFormat; text: string; file: string | null };
export type AnalysedSource = { raw: string; analysis: Analysis; tags: string[]; fingerprint: string };

/**
 * The duplicate check: the headline the text gives plus the clean body, with case, accents, punctuation
 * and spacing ignored. Boilerplate is left out, so the same story pasted with or without page furniture
 * matches; the headline is kept in, so a re-headlined version of a story is a new article, not a duplicate.
 */
export function fingerprintOf(analysis: Analysis, raw: string): string {
  const title = analysis.meta.title.source === 'text' ? (analysis.meta.title.value ?? '') : '';
  return createHash('sha256')
    .update(fingerprintKey(`${title}\n${analysis.body || raw}`))
    .digest('hex')
    .slice(0, 32);
}

export function analyseJob(job: AnalysisJob): AnalysedSource {
  const raw = normaliseStoredText(prepareRaw(job.format, job.text));
  const { analysis, tags } = analyseSource(job.format, raw, job.file);
  return { raw, analysis, tags, fingerprint: fingerprintOf(analysis, raw) };
}
