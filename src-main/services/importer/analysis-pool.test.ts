import { describe, expect, it } from 'vitest';
import { readSeed, seedFiles } from '../../../tests/helpers/seeds';
import { join } from 'node:path';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { isAppError } from '../../contract';
import { NotebookStore } from '../store/notebook-store';
import { importArticles } from './import-articles';
import { WorkerDied } from '../workers/worker-pool';
import { analyseJob } from './analyse-job';
import type { AnalysisJob } from './analyse-job';
import { POOL_THRESHOLD, analyserFor, inlineAnalyser, poolAnalyser, poolSize } from './analysis-pool';

// These tests use the workers whatever the machine (on 2 cores the default is none).
process.env.PARALLAX_ANALYSIS_WORKERS = '2';
const tempDir = useTempDirs();

const jobs: AnalysisJob[] = seedFiles.map((f) => ({ format: 'text', text: readSeed(f.slice(0, 4)), file: f }));

describe('analysis pool', () => {
  it('sizes the pool to the cores beyond the first (none on 2 cores, at most 4), or as PARALLAX_ANALYSIS_WORKERS says', () => {
    expect(poolSize({}, 2)).toBe(0);
    expect(poolSize({}, 1)).toBe(0);
    expect(poolSize({}, 4)).toBe(3);
    expect(poolSize({}, 32)).toBe(4);
    expect(poolSize({ PARALLAX_ANALYSIS_WORKERS: '0' }, 8)).toBe(0);
    expect(poolSize({ PARALLAX_ANALYSIS_WORKERS: '3' }, 2)).toBe(3);
    expect(poolSize({ PARALLAX_ANALYSIS_WORKERS: 'lots' }, 4)).toBe(3);
  });

  it('analyses small imports in-process, and every import when the pool has no workers', () => {
    expect(analyserFor(POOL_THRESHOLD - 1)).toBe(inlineAnalyser);
    process.env.PARALLAX_ANALYSIS_WORKERS = '0';
    expect(analyserFor(POOL_THRESHOLD)).toBe(inlineAnalyser);
    process.env.PARALLAX_ANALYSIS_WORKERS = '2';
  });

  it('gives exactly what in-process analysis gives, for text, HTML and Markdown, through the workers', { timeout: 180_000 }, async () => {
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
  });

  it('imports through the workers exactly what an in-process import stores, in order, duplicates included', async () => {
    const sources = [...jobs, jobs[0]!].map((j) => ({ file: j.file!, load: () => ({ text: j.text, encoding: 'utf-8' }) }));
    const run = async (pooled: boolean) => {
      const store = await NotebookStore.open(join(tempDir(), 'nb'), { create: true, durability: 'none' });
      const report = await importArticles(store, sources, undefined, pooled ? analyserFor(POOL_THRESHOLD) : inlineAnalyser);
      const records = await Promise.all(report.imported.map((a) => store.readArticle(a.id)));
      return { report, stored: records.map(({ id: _i, importedAt: _a, updatedAt: _u, ...rest }) => rest) };
    };
    const [pooled, inline] = await Promise.all([run(true), run(false)]);
    expect(pooled.stored).toEqual(inline.stored);
    expect(pooled.report.imported.map((a) => a.file)).toEqual(inline.report.imported.map((a) => a.file));
    expect(pooled.report.duplicates.map((d) => d.file)).toEqual([jobs[0]!.file]);
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
