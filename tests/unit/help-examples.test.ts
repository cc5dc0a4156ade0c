import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importableExtensions } from '../../src-main/services/importer/walk-paths';
import { cli } from '../helpers/run-cli';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

/** `--help` says what Parallax does today, and its examples work on the sample notebook. */
describe('the CLI help', () => {
  it('names every kind of file import takes', async () => {
    const help = (await cli(['import', '--help'])).stdout.replace(/\s+/g, ' ');
    for (const ext of [...importableExtensions, '.json', '.zip']) expect(help, ext).toContain(ext);
  });

  it('gives search examples that each find something in a fresh sample notebook', async () => {
    const help = (await cli(['search', '--help'])).stdout;
    const queries = [...help.matchAll(/^ {2}parallax search '([^']+)'/gm)].map((m) => m[1]!);
    expect(queries.length).toBeGreaterThanOrEqual(4);
    const nb = join(tempDir(), 'nb');
    expect((await cli(['init', '--sample', '--notebook', nb])).code).toBe(0);
    for (const q of queries) {
      const r = await cli(['search', q, '--notebook', nb, '--json']);
      expect(r.code, q).toBe(0);
      expect((r.json() as unknown[]).length, q).toBeGreaterThan(0);
    }
  });

  it('tells where article ids come from, instead of showing ids that exist in no notebook', async () => {
    for (const c of ['show', 'annotate', 'tag', 'related', 'reimport']) {
      expect((await cli([c, '--help'])).stdout.replace(/\s+/g, ' '), c).toContain('as "parallax list" prints it');
    }
    expect((await cli(['--help'])).stdout).toContain('parallax init --sample');
  });
});
