import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../services/backend';
import { takePrestartedIndex, prestartIndex } from '../../services/search/early-index';
import { IndexHost, catalogVersions } from '../../services/search/index-host';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { commandAndNotebook } from './command-line';
import { prestart } from './prestart';

const tempDir = useTempDirs();

/** The sample notebook with its search index saved, as web mode leaves it. */
async function indexedNotebook(): Promise<string> {
  const dir = tempDir('parallax-prestart-');
  const b = await openBackend(dir, { create: true, durability: 'none', search: { runIn: 'inline' } });
  await b.handlers['notebook.importSample']({});
  const host = new IndexHost(dir);
  await host.open();
  await host.reconcile(catalogVersions(b.store.entries()));
  await host.save(true);
  await b.close();
  return dir;
}

describe('reading the command line before the CLI loads', () => {
  it.each([
    [['serve', '--notebook', '/nb', '--port', '0'], 'serve', '/nb'],
    [['--notebook=/nb', 'serve'], 'serve', '/nb'],
    [['--json', 'list'], 'list', undefined],
    [['serve'], 'serve', undefined],
    [[], null, undefined],
    [['--', 'serve'], null, undefined],
  ])('%j is command %j on notebook %j', (argv, command, notebook) => {
    expect(commandAndNotebook(argv)).toEqual({ command, notebook });
  });

  it('starts the index only for web mode on a notebook with a saved index', async () => {
    const bare = tempDir('parallax-prestart-bare-');
    expect(prestart(['serve', '--notebook', bare], {})).toBe(false);
    const dir = await indexedNotebook();
    expect(prestart(['list', '--notebook', dir], {})).toBe(false);
    expect(takePrestartedIndex(dir)).toBeNull();
    // PARALLAX_NOTEBOOK is honoured as the CLI honours it.
    expect(prestart(['serve'], { PARALLAX_NOTEBOOK: dir })).toBe(true);
    const early = takePrestartedIndex(dir);
    expect((await early!.opened).indexedArticles).toBe(5);
    await early!.index.terminate!();
  });
});

describe('a prestarted search index', () => {
  it('is taken over by the back end that opens the same notebook, and answers its searches', async () => {
    const dir = await indexedNotebook();
    const early = prestartIndex(join(dir, '.'));
    expect(early).not.toBeNull();
    const b = await openBackend(dir, { search: { eager: true } });
    try {
      expect(takePrestartedIndex(dir)).toBeNull(); // already taken
      const found = await b.handlers['search.query']({ query: 'guler', limit: 10, offset: 0 });
      expect(found.hits.length).toBeGreaterThan(0);
      expect((await early!.index.status()).state).toBe('ready'); // the back end's index is this worker
    } finally {
      await b.close();
    }
  });

  it('is stopped when another notebook is opened, and only one is started at a time', async () => {
    const dir = await indexedNotebook();
    const early = prestartIndex(dir);
    expect(prestartIndex(dir)).toBeNull();
    expect(takePrestartedIndex(tempDir('parallax-other-'))).toBeNull();
    await expect(early!.index.status()).rejects.toThrow(/closed/);
  });

  it('does not keep a process alive that never opens the notebook (a refused command exits)', async () => {
    const dir = await indexedNotebook();
    const script = `const { prestart } = await import(${JSON.stringify(pathToFileURL(join(__dirname, 'prestart.ts')).href)});
      if (!prestart(['serve', '--notebook', ${JSON.stringify(dir)}], {})) process.exit(3);`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { timeout: 60_000 });
    expect(run.status, run.stderr?.toString()).toBe(0);
  });
});
