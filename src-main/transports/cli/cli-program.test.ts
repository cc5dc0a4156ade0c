import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../../tests/helpers/run-cli';
import { seedsDir } from '../../../tests/helpers/seeds';
import { useTempDirs } from '../../../tests/helpers/temp-dir';

const tempDir = useTempDirs();
type Row = {
  id: string;
  title: string;
  outlet: string | null;
  publishedAt: string | null;
  tags: string[];
  wordCount: number;
  file: string;
};

describe('parallax CLI', () => {
  it('--help works at the top and for every command', async () => {
    const top = await cli(['--help']);
    expect(top.code).toBe(0);
    for (const c of ['init', 'import', 'list', 'show', 'serve']) expect(top.stdout).toContain(c);
    for (const c of ['init', 'import', 'list', 'show', 'serve']) {
      const r = await cli([c, '--help']);
      expect(r.code, c).toBe(0);
      expect(r.stdout, c).toContain('--notebook');
    }
  });

  it('init --sample, list, show: the five seeds with their metadata', async () => {
    const nb = join(tempDir(), 'nb');
    const init = await cli(['init', '--sample', '--notebook', nb, '--json']);
    expect(init.code).toBe(0);
    expect(init.json()).toMatchObject({ path: nb, articleCount: 5 });

    const list = await cli(['list', '--notebook', nb, '--json']);
    const rows = list.json() as Row[];
    expect(rows).toHaveLength(5);
    expect(Object.keys(rows[0]!).sort()).toEqual(
      ['author', 'file', 'id', 'language', 'outlet', 'publishedAt', 'tags', 'title', 'url', 'wordCount'].sort(),
    );
    const trt = rows.find((r) => r.outlet === 'TRT World')!;
    expect(trt.publishedAt).toBe('2025-10-11');
    expect(rows.filter((r) => r.publishedAt === null)).toHaveLength(2);

    const show = await cli(['show', trt.id, '--notebook', nb, '--json']);
    const detail = show.json() as Row & { body: string; boilerplate: string[]; raw: string };
    expect(detail.body).not.toContain('Explore');
    expect(detail.boilerplate).toContain('Explore');
    expect(detail.raw).toContain('Explore');

    const human = await cli(['show', trt.id, '--notebook', nb]);
    expect(human.stdout).toContain('TRT World');
    expect(human.stdout).toContain('boilerplate line(s) hidden');
  });

  it('PARALLAX_NOTEBOOK chooses the notebook when --notebook is absent', async () => {
    const nb = join(tempDir(), 'from-env');
    expect((await cli(['init', '--json'], { PARALLAX_NOTEBOOK: nb })).json()).toMatchObject({ path: nb, articleCount: 0 });
    expect((await cli(['list', '--json'], { PARALLAX_NOTEBOOK: nb })).json()).toEqual([]);
  });

  it('import reports imported, duplicates and errors per file, and exits 1 when a file failed', async () => {
    const dir = tempDir();
    const nb = join(dir, 'nb');
    await cli(['init', '--notebook', nb]);
    writeFileSync(join(dir, 'empty.txt'), '');
    const r = await cli([
      'import',
      seedsDir,
      join(seedsDir, '001_c782305633c927ff.txt'),
      join(dir, 'empty.txt'),
      '--notebook',
      nb,
      '--json',
    ]);
    const report = r.json() as {
      imported: unknown[];
      duplicates: Array<{ file: string; id: string }>;
      errors: Array<{ file: string; code: string }>;
    };
    expect(report.imported).toHaveLength(5);
    expect(report.duplicates).toHaveLength(1);
    expect(report.errors.map((e) => e.code).sort()).toEqual(['EMPTY_FILE', 'UNSUPPORTED']);
    expect(r.code).toBe(1);
    const human = await cli(['import', join(seedsDir, '001_c782305633c927ff.txt'), '--notebook', nb]);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/0 imported, 1 duplicate\(s\), 0 error\(s\)/);
  });

  it('errors exit non-zero with a message on stderr, and a JSON error with --json', async () => {
    const nb = join(tempDir(), 'nb');
    const missing = await cli(['list', '--notebook', nb, '--json']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/No Parallax notebook/);
    expect(missing.json()).toEqual({ error: { code: 'NOT_FOUND', message: expect.stringContaining('No Parallax notebook') } });

    await cli(['init', '--notebook', nb]);
    const unknown = await cli(['show', '0123456789abcdef', '--notebook', nb, '--json']);
    expect(unknown.code).toBe(1);
    expect(unknown.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'No article with id 0123456789abcdef' } });

    const badId = await cli(['show', '../../etc/passwd', '--notebook', nb, '--json']);
    expect(badId.json()).toMatchObject({ error: { code: 'BAD_INPUT' } });

    const usage = await cli(['list', '--sort', 'colour', '--notebook', nb, '--json']);
    expect(usage.code).toBe(1);
    expect(usage.json()).toMatchObject({ error: { code: 'BAD_INPUT', message: expect.stringContaining('sort') } });

    const noArgs = await cli(['import', '--notebook', nb, '--json']);
    expect(noArgs.code).toBe(2);
    expect(noArgs.json()).toMatchObject({
      error: { code: 'BAD_INPUT', message: expect.stringContaining("missing required argument 'path-or-address'") },
    });

    for (const args of [
      ['list', '--limit', 'lots'],
      ['list', '--limit', '0'],
      ['related', '0123456789abcdef', '--limit', '-3'],
      ['search', 'guler', '--limit', '501'],
    ]) {
      const bad = await cli([...args, '--notebook', nb, '--json']);
      expect(bad.code, args.join(' ')).toBe(2);
      expect(bad.json(), args.join(' ')).toMatchObject({
        error: { code: 'BAD_INPUT', message: expect.stringMatching(/--limit.*whole number from 1 to/) },
      });
    }

    const unknownCmd = await cli(['frobnicate']);
    expect(unknownCmd.code).toBe(2);
    expect(unknownCmd.stderr).toMatch(/unknown command/);
  });

  it('tells the user about a damaged file: a reader stays read-only, a writer repairs it and says where the copy is', async () => {
    const nb = join(tempDir(), 'nb');
    await cli(['init', '--sample', '--notebook', nb]);
    const [first] = (await cli(['list', '--notebook', nb, '--json'])).json() as Row[];
    const shard = join(nb, 'catalog', `${first!.id.slice(0, 2)}.json`);
    writeFileSync(shard, '{"entries": ');
    const read = await cli(['list', '--notebook', nb, '--json']);
    expect(read.stderr).toMatch(/read-only because 1 catalog file\(s\) are damaged/);
    const write = await cli(['import', join(seedsDir, '001_c782305633c927ff.txt'), '--notebook', nb, '--json']);
    expect(write.stderr).toMatch(/has been rebuilt from the article files .*the damaged file is kept at/);
    expect(((await cli(['list', '--notebook', nb, '--json'])).json() as Row[]).length).toBe(5);
  });

  it('serve refuses a weak token and a bad port before touching anything', async () => {
    const nb = join(tempDir(), 'nb');
    expect((await cli(['serve', '--token', 'short', '--notebook', nb, '--json'])).json()).toMatchObject({ error: { code: 'BAD_INPUT' } });
    expect((await cli(['serve', '--port', 'eighty', '--notebook', nb])).code).toBe(2);
  });
});
