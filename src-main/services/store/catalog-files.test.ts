import { readdirSync } from 'node:fs';
import * as fsPromises from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { openBackend } from '../backend';
import { readCatalogFiles } from './catalog-files';
import { layout } from './notebook-layout';

// Every file read goes through this spy, so the test sees which catalog shards opening a notebook tries.
vi.mock('node:fs/promises', async (original) => {
  const real = await original<typeof fsPromises>();
  return { ...real, readFile: vi.fn(real.readFile) };
});

const tempDir = useTempDirs();
afterEach(() => vi.mocked(fsPromises.readFile).mockClear());

const shardReads = () =>
  vi
    .mocked(fsPromises.readFile)
    .mock.calls.map(([file]) => String(file))
    .filter((file) => /[/\\]catalog[/\\][0-9a-f]{2}\.json$/.test(file));

describe('reading the catalog', () => {
  it('reads the shards the catalog folder holds, not all 256, and gives every shard', async () => {
    const dir = join(tempDir(), 'nb');
    const backend = await openBackend(dir, { create: true, durability: 'none' });
    await backend.handlers['notebook.importSample']({});
    await backend.close();
    const present = readdirSync(join(dir, 'catalog')).filter((f) => /^[0-9a-f]{2}\.json$/.test(f));
    expect(present.length).toBeGreaterThan(0);
    vi.mocked(fsPromises.readFile).mockClear();

    const files = await readCatalogFiles(layout(dir), 'none', false);
    expect(shardReads().sort()).toEqual(present.map((f) => join(dir, 'catalog', f)).sort());
    expect(files.shards.size).toBe(256);
    const rows = [...files.shards.values()].flatMap((db) => Object.keys(db.data.entries));
    expect(rows).toHaveLength(5);
    expect(files.damaged).toEqual([]);
  });

  it('opens a notebook whose catalog folder is missing with no rows and nothing damaged', async () => {
    const dir = join(tempDir(), 'empty');
    const files = await readCatalogFiles(layout(dir), 'none', false);
    expect(shardReads()).toEqual([]);
    expect(files.shards.size).toBe(256);
    expect(files.damaged).toEqual([]);
  });
});
