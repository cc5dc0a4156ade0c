import { AppError } from '../../contract/errors';
import { errnoInWords, errnoOf, retryTransient } from '../store/io-errors';
import type * as AnalyseJob from './analyse-job';

type AnalysisModule = typeof AnalyseJob;

let loading: Promise<AnalysisModule> | null = null;

/**
 * The article analysis (text, HTML, Markdown and PDF extraction, metadata, dates), loaded on first use.
 * Its modules (chrono-node, yaml, marked, franc, Readability…) take longer to load than a command such as
 * `parallax list` takes to run, so only the features that analyse (import, re-analyse, replace the text)
 * load it; bench/cli-startup.ts measures the start-up it saves, transports/cli/start-up.test.ts keeps it
 * out of `list`. Loading reads files, so it can meet a shortage of file handles like any read: it is retried
 * briefly, a failure is an IO_ERROR (nothing was changed), and the next call tries again.
 */
export function loadAnalysis(): Promise<AnalysisModule> {
  loading ??= retryTransient(() => import('./analyse-job')).catch((e: unknown) => {
    loading = null;
    if (!errnoOf(e)) throw e;
    throw new AppError('IO_ERROR', `not saved: the article analysis could not be loaded: ${errnoInWords(e)}; nothing was changed, try again`);
  });
  return loading;
}
