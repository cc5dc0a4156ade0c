import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document } from 'flexsearch';
import { describe, expect, it } from 'vitest';
import { decodeFlexKey } from './flex-binary';
import { exportFlex } from './flex-export';
import { sweepable } from './flex-sweep';

const encode = (s: string) => (s ? s.split(' ') : []);
/** A key as flexsearch's own export hands it over (JSON text) or as ours does (binary). */
type FlexData = string | Uint32Array;
type Doc = {
  add: (d: object) => void;
  search: (q: string, o: object) => { field: string; result: number[] }[];
  export: (h: (key: string, data: FlexData) => Promise<void> | void) => Promise<void>;
  import: (key: string, data: string | unknown[] | Uint32Array) => void;
};
const newDoc = (): Doc =>
  new Document({
    document: { id: 'id', index: ['title', 'body'].map((field) => ({ field, tokenize: 'strict', encode })) },
    cache: false,
  } as never) as unknown as Doc;

const words = 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu'.split(' ');
const text = (i: number, n: number) =>
  Array.from({ length: n }, (_, k) => `${words[(i * 7 + k * 3) % words.length]}${k % 4 ? '' : i % 13}`).join(' ');
function filled(n = 200): Doc {
  const d = newDoc();
  for (let i = 0; i < n; i++) d.add({ id: i, title: text(i, 4), body: text(i + 1, 30) });
  return d;
}
const QUERIES = [...words, 'alpha3', 'beta12', 'mu0', 'nothing'];
const results = (d: Doc) =>
  QUERIES.map((q) =>
    d
      .search(q, { limit: 1000 })
      .map((r): [string, number[]] => [r.field, [...r.result]])
      .sort((a, b) => a[0].localeCompare(b[0])),
  );

async function exported(d: Doc, own: boolean, maxBytes?: number): Promise<[string, FlexData][]> {
  const out: [string, FlexData][] = [];
  const write = async (key: string, data: FlexData) => {
    out.push([key, typeof data === 'string' ? data : data.slice()]); // binary keys share one buffer
  };
  if (own) await exportFlex(d, write, maxBytes);
  else await d.export(write);
  return out;
}

function imported(entries: [string, FlexData][]): Doc {
  const d = newDoc();
  for (const [key, data] of entries) d.import(key, typeof data === 'string' ? data : decodeFlexKey(key, data));
  return d;
}

describe('exporting flexsearch in size-bounded keys', () => {
  it('imports into the same index as flexsearch’s own export, in binary, with every key near the bound', async () => {
    const d = filled();
    const theirs = await exported(d, false);
    const ours = await exported(d, true, 2000);
    expect(ours.length).toBeGreaterThan(theirs.length); // cut finer than flexsearch does
    for (const [key, data] of ours) {
      expect(key).toMatch(/^(title|body)\.\d+\.map$|^\d+\.reg$/);
      expect(data).toBeInstanceOf(Uint32Array);
      // A key ends after the entry that reaches the bound: at most the bound plus one entry.
      if (key.endsWith('.map')) expect((data as Uint32Array).byteLength).toBeLessThan(2000 + 2000);
    }
    const want = results(d);
    expect(results(imported(theirs))).toEqual(want);
    expect(results(imported(ours))).toEqual(want);
    // Same words and lists, in the same order.
    const internals = (x: Doc) =>
      [...(x as unknown as { index: Map<string, { map: Map<string, unknown> }> }).index].map(([f, ix]) => [f, [...ix.map]]);
    expect(JSON.stringify(internals(imported(ours)))).toBe(JSON.stringify(internals(imported(theirs))));
  });

  it('with the default bound, writes one key per field for a small index', async () => {
    const ours = await exported(filled(50), true);
    expect(ours.map(([k]) => k)).toEqual(['title.1.map', 'body.1.map', '1.reg']);
  });

  it('refuses a layout it does not know rather than save keys no loader reads (flexsearch is pinned, ADR 005)', async () => {
    const odd = { export: async (w: (k: string, d: string) => Promise<void>) => w('x', 'y') };
    const written: string[] = [];
    await expect(
      exportFlex(odd, async (k) => {
        written.push(k);
      }),
    ).rejects.toThrow(/layout/);
    expect(written).toEqual([]);
  });

  it('reads the layout of the flexsearch version package.json pins', async () => {
    const pinned = (
      JSON.parse(readFileSync(join(import.meta.dirname, '../../../package.json'), 'utf8')) as { dependencies: Record<string, string> }
    ).dependencies.flexsearch;
    const installed = (
      JSON.parse(readFileSync(join(import.meta.dirname, '../../../node_modules/flexsearch/package.json'), 'utf8')) as { version: string }
    ).version;
    expect(pinned).toBe('0.8.212'); // exact: flex-export.ts and flex-sweep.ts read this version's private layout
    expect(installed).toBe(pinned);
    expect(sweepable(filled(20))).toBe(true);
  });
});
