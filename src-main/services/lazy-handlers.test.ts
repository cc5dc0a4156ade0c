import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Handlers } from '../contract';
import { methodNames } from '../contract';
import { openBackend } from './backend';
import { lazyHandlers } from './lazy-handlers';

type Group = Pick<Handlers, 'notebook.sync' | 'notebook.syncStatus'>;

const status = { configured: false, lastSyncAt: null } as unknown as Awaited<ReturnType<Handlers['notebook.syncStatus']>>;

/** A group whose module "loads" when `load` is called, counting loads and the calls its handlers get. */
function countingGroup(failFirst = false) {
  const seen = { loads: 0, calls: [] as string[] };
  const load = async (): Promise<Group> => {
    seen.loads++;
    if (failFirst && seen.loads === 1) throw new Error('module not found');
    return {
      'notebook.sync': async () => {
        seen.calls.push('sync');
        throw new Error('no team database');
      },
      'notebook.syncStatus': async () => {
        seen.calls.push('status');
        return status;
      },
    };
  };
  return { seen, load };
}

describe('lazyHandlers', () => {
  it('loads nothing until a method is called, then loads the group once for all its methods', async () => {
    const { seen, load } = countingGroup();
    const handlers = lazyHandlers(['notebook.sync', 'notebook.syncStatus'], load);
    expect(Object.keys(handlers).sort()).toEqual(['notebook.sync', 'notebook.syncStatus']);
    expect(seen.loads).toBe(0);
    const [a, b] = await Promise.all([handlers['notebook.syncStatus']({}), handlers['notebook.syncStatus']({})]);
    expect(a).toBe(status);
    expect(b).toBe(status);
    await expect(handlers['notebook.sync']({} as never)).rejects.toThrow('no team database');
    expect(seen.loads).toBe(1);
    expect(seen.calls).toEqual(['status', 'status', 'sync']);
  });

  it('passes the failure of a load to the caller and loads again on the next call', async () => {
    const { seen, load } = countingGroup(true);
    const handlers = lazyHandlers(['notebook.syncStatus'], load);
    await expect(handlers['notebook.syncStatus']({})).rejects.toThrow('module not found');
    await expect(handlers['notebook.syncStatus']({})).resolves.toBe(status);
    expect(seen.loads).toBe(2);
  });

  it('answers every method of the backend: no method is left out of the groups', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-lazy-'));
    const backend = await openBackend(dir, { create: true, durability: 'none' });
    try {
      expect(Object.keys(backend.handlers).sort()).toEqual([...methodNames].sort());
      for (const name of methodNames) expect(typeof backend.handlers[name], name).toBe('function');
    } finally {
      await backend.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
