import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SearchArticle } from '../../core/search/search-doc';
import type { SnapshotSource } from './engine-snapshot';
import { IndexUnusable, bytesOf, jsonArrayChunks, loadIndex, saveIndex } from './index-files';
import { runQuery } from './run-query';
import { SearchEngine } from './search-engine';
import { toDevelopmentLayout } from '../../../tests/helpers/development-index';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const indexDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'parallax-index-'));
  dirs.push(d);
  return join(d, 'index');
};

const words = 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron'.split(' ');
const text = (i: number, n: number) => Array.from({ length: n }, (_, k) => words[(i * 7 + k * 3 + (k >> 2)) % words.length]).join(' ');
const article = (i: number, version = 1): SearchArticle => ({
  id: `art${String(i).padStart(7, '0')}`,
  updatedAt: `2025-10-${String((i % 28) + 1).padStart(2, '0')}T00:00:0${version}.000Z`,
  title: `${text(i, 3)} number${i}`,
  body: `${text(i + 1, 40)} unique${i}`,
  outlet: i % 2 ? 'TRT World' : 'Shafaq News',
  byline: '',
  tags: i % 5 === 0 ? ['topic/five'] : [],
  language: 'en',
  publishedAt: `2025-10-${String((i % 28) + 1).padStart(2, '0')}`,
  notes: i % 4 === 0 ? [{ id: `note${i}`, note: `remark ${text(i, 4)}`, quote: text(i + 2, 5), tags: ['n/x'] }] : [],
});

function engineOf(n: number): SearchEngine {
  const e = new SearchEngine();
  for (let i = 0; i < n; i++) e.upsertArticle(article(i));
  // Edits and removals leave empty slots and tombstones, which the save must handle.
  for (let i = 0; i < n; i += 7) e.upsertArticle(article(i, 2));
  for (let i = 3; i < n; i += 11) e.removeArticle(article(i).id);
  return e;
}

const QUERIES = [
  'alpha',
  'beta gamma',
  'number12',
  'unique40 OR unique41',
  'kap*',
  'gam*',
  'remark',
  'outlet:trt -unique5',
  'tag:topic/five',
];
async function answers(e: SearchEngine) {
  const out: unknown[] = [];
  for (const query of QUERIES) out.push((await runQuery(e, async () => null, { query, limit: 50, offset: 0 }, true)).total);
  for (const query of QUERIES) out.push((await runQuery(e, async () => null, { query, limit: 50, offset: 0 }, true)).hits.map((h) => h.id));
  return out;
}
const meta = (e: SearchEngine) => ({ articles: e.articleCount, checksum: 'x' });

async function loaded(dir: string): Promise<SearchEngine> {
  const saved = await loadIndex(dir);
  if (!saved) throw new Error('no saved index');
  return SearchEngine.restore(saved.snap);
}

describe('jsonArrayChunks', () => {
  it('joins to exactly JSON.stringify of the array', () => {
    const items = [null, { a: 1, b: 'x"y' }, 'ü', 3, [1, 2], null, { c: null }];
    for (const per of [1, 2, 3, 7, 100]) expect([...jsonArrayChunks(items, per)].join('')).toBe(JSON.stringify(items));
    expect([...jsonArrayChunks([], 3)].join('')).toBe('[]');
  });
});

describe('bytesOf', () => {
  it('encodes a long string in pieces without splitting a surrogate pair', () => {
    const text = `ab😀c${'x'.repeat(5)}🏳️‍🌈é"😀😀`;
    for (const piece of [1, 2, 3, 4, 7, 1000]) {
      const pieces = [...bytesOf(text, piece)];
      expect(Buffer.concat(pieces).equals(Buffer.from(text, 'utf8'))).toBe(true);
      expect(pieces.every((p) => !Buffer.from(p).toString('utf8').includes('\uFFFD'))).toBe(true);
    }
  });
});

describe('the streamed index save', () => {
  it('writes the same files as the in-memory snapshot, and loads back into an engine that answers identically', async () => {
    const e = engineOf(300);
    const dir = indexDir();
    const manifest = await saveIndex(dir, e.source(), meta(e));
    const snap = await e.snapshot();
    const flex = [...(snap.flex as Iterable<[string, Uint32Array]>)];
    expect(manifest.flexKeys).toEqual(flex.map(([k]) => k));
    flex.forEach(([, data], i) =>
      expect(
        readFileSync(join(dir, `flex-${String(i).padStart(3, '0')}.bin`)).equals(
          Buffer.from(data.buffer, data.byteOffset, data.byteLength),
        ),
      ).toBe(true),
    );
    expect(readFileSync(join(dir, 'terms.json'), 'utf8')).toBe(JSON.stringify(snap.terms));
    expect(readFileSync(join(dir, 'docs.json'), 'utf8')).toBe(JSON.stringify(snap.docs));
    const bin = readFileSync(join(dir, 'vectors.bin'));
    expect(new Uint32Array(bin.buffer, bin.byteOffset, bin.byteLength / 4)).toEqual(snap.vectors);
    expect(manifest.docs).toBe(e.docCount);

    const want = await answers(e);
    expect((want.slice(0, QUERIES.length) as number[]).every((total) => total > 0)).toBe(true); // every query finds something
    const back = await loaded(dir);
    expect(back.docCount).toBe(e.docCount);
    expect(back.articleCount).toBe(e.articleCount);
    expect(await answers(back)).toEqual(want);
    expect(readdirSync(join(dir, '..')).sort()).toEqual(['index']); // no index.tmp or index.old left
  });

  it.each([
    ['a flexsearch key', (src: SnapshotSource): SnapshotSource => failingFlex(src)],
    ['the term vectors', (src: SnapshotSource): SnapshotSource => ({ ...src, vectors: () => failingChunks(src.vectors()) })],
  ])('leaves the previous index loadable when writing %s fails midway', async (_label, breakIt) => {
    const dir = indexDir();
    const old = engineOf(120);
    await saveIndex(dir, old.source(), meta(old));
    const want = await answers(old);

    const changed = engineOf(200);
    await expect(saveIndex(dir, breakIt(changed.source()), meta(changed))).rejects.toThrow(/disk full/);
    expect(readdirSync(join(dir, '..')).sort()).toEqual(['index']);
    expect(await answers(await loaded(dir))).toEqual(want);
    // The next save goes through.
    await saveIndex(dir, changed.source(), meta(changed));
    expect(await answers(await loaded(dir))).toEqual(await answers(changed));
  });

  it('ignores a half-written index.tmp left by a crash', async () => {
    const dir = indexDir();
    const e = engineOf(100);
    await saveIndex(dir, e.source(), meta(e));
    writeFileSync(`${dir}.tmp`, 'half'); // a file where the save's folder goes
    await saveIndex(dir, e.source(), meta(e));
    expect(await answers(await loaded(dir))).toEqual(await answers(e));
  });

  it.each([
    ['a flexsearch file with a flipped byte', (d: string) => flipByte(join(d, 'flex-001.bin'))],
    ['a truncated flexsearch file', (d: string) => writeFileSync(join(d, 'flex-000.bin'), '[')],
    ['a flipped byte in the term vectors', (d: string) => flipByte(join(d, 'vectors.bin'))],
    ['a flipped byte in the document table', (d: string) => flipByte(join(d, 'docs.json'))],
    ['a missing flexsearch file', (d: string) => rmSync(join(d, 'flex-002.bin'))],
  ])('detects %s when loading', async (_label, damage) => {
    const dir = indexDir();
    const e = engineOf(150);
    await saveIndex(dir, e.source(), meta(e));
    damage(dir);
    await expect(loaded(dir)).rejects.toBeInstanceOf(IndexUnusable);
  });

  it.each([
    [3, 'terms were stemmed'],
    [4, 'verdicts were indexed for verdict:'],
  ])('refuses an index of version %i (saved before %s), so it is rebuilt', async (version) => {
    const dir = indexDir();
    const e = engineOf(150);
    await saveIndex(dir, e.source(), meta(e));
    const path = join(dir, 'manifest.json');
    writeFileSync(path, readFileSync(path, 'utf8').replace(/"version": \d+/, `"version": ${version}`));
    await expect(loaded(dir)).rejects.toBeInstanceOf(IndexUnusable);
  });

  it.each([
    ['flexsearch keys as JSON', 'json-keys', /flexsearch keys as JSON/],
    ['SHA-1 file checksums', 'sha1', /without CRC-32/],
  ] as const)(
    'refuses an index saved with %s (a layout of development builds only), so it is rebuilt, not misread',
    async (_label, layout, why) => {
      const dir = indexDir();
      const e = engineOf(150);
      await saveIndex(dir, e.source(), meta(e));
      toDevelopmentLayout(dir, layout);
      await expect(loaded(dir)).rejects.toThrow(why);
      await expect(loaded(dir)).rejects.toBeInstanceOf(IndexUnusable);
    },
  );
});

function flipByte(path: string) {
  const data = readFileSync(path);
  const at = Math.floor(data.length / 2);
  data[at] = data[at]! ^ 0x01;
  writeFileSync(path, data);
}

function failingFlex(src: SnapshotSource): SnapshotSource {
  return {
    ...src,
    flex: (write) => {
      let n = 0;
      return src.flex(async (key, data) => {
        if (++n === 3) throw new Error('disk full');
        await write(key, data);
      });
    },
  };
}

function* failingChunks(chunks: Iterable<Uint32Array>): Generator<Uint32Array> {
  for (const c of chunks) {
    yield c;
    throw new Error('disk full');
  }
}
