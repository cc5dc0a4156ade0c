import { describe, expect, it } from 'vitest';
import { readSeed, seedFiles } from '../../../tests/helpers/seeds';
import { isAppError } from '../../contract';
import { WorkerDied } from '../workers/worker-pool';
import { analyseJob } from './analyse-job';
import type { AnalysisJob } from './analyse-job';
import { POOL_THRESHOLD, analyserFor, inlineAnalyser, poolAnalyser, poolSize } from './analysis-pool';

const jobs: AnalysisJob[] = seedFiles.map((f) => ({ format: 'text', text: readSeed(f.slice(0, 4)), file: f }));

describe('analysis pool', () => {
  it('sizes the pool to the cores (at most 4), or as PARALLAX_ANALYSIS_WORKERS says', () => {
    expect(poolSize({}, 2)).toBe(2);
    expect(poolSize({}, 1)).toBe(1);
    expect(poolSize({}, 32)).toBe(4);
    expect(poolSize({ PARALLAX_ANALYSIS_WORKERS: '0' }, 8)).toBe(0);
    expect(poolSize({ PARALLAX_ANALYSIS_WORKERS: '3' }, 2)).toBe(3);
    expect(poolSize({ PARALLAX_ANALYSIS_WORKERS: 'lots' }, 2)).toBe(2);
  });

  it('analyses small imports in-process', () => {
    expect(analyserFor(POOL_THRESHOLD - 1)).toBe(inlineAnalyser);
  });

  it('gives exactly what in-process analysis gives, for text, HTML and Markdown, through the workers', async () => {
    const analyse = analyserFor(POOL_THRESHOLD);
    expect(analyse).not.toBe(inlineAnalyser);
    const more: AnalysisJob[] = [
      {
        format: 'html',
        text: '<html><head><title>T</title></head><body><article><h1>A page</h1><p>Some text of the page, long enough to read.</p></article></body></html>',
        file: 'p.html',
      },
      { format: 'markdown', text: '---\ntitle: Notes\ntags: [a, b]\n---\n# Notes\n\nA paragraph of Markdown.\n', file: 'n.md' },
    ];
    const all = [...jobs, ...more];
    const pooled = await Promise.all(all.map(analyse));
    expect(pooled).toEqual(all.map(analyseJob));
  }, 30_000);

  it('passes on an analysis error with its code', async () => {
    const analyse = analyserFor(POOL_THRESHOLD);
    const e = await analyse({ format: 'html', text: '<html><body><script>x()</script></body></html>', file: 'empty.html' }).catch(
      (x: unknown) => x,
    );
    expect(isAppError(e)).toBe(true);
    expect((e as { code: string }).code).toBe('EMPTY_FILE');
  }, 30_000);

  it('analyses in-process a job whose worker died', async () => {
    const analyse = poolAnalyser({ run: () => Promise.reject(new WorkerDied('the worker stopped (exit code 1)')) });
    expect(await analyse(jobs[0]!)).toEqual(analyseJob(jobs[0]!));
    const failing = poolAnalyser({ run: () => Promise.reject(new Error('bad input')) });
    await expect(failing(jobs[0]!)).rejects.toThrow('bad input');
  });
});
