import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { mkdir, open, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { BinaryPart, EngineSnapshot, FlexData, SnapshotSource } from './engine-snapshot';
import { BINARY_PARTS } from './engine-snapshot';
import { FIELD_WEIGHTS } from './search-engine';

/**
 * The saved index, `<notebook>/index/`:
 *   manifest.json   format, version, field weights, counts, and the size and CRC-32 of every other file
 *   flex-NNN.bin    flexsearch's export, one file per exported key (~4 MB each, see flex-export.ts), in binary
 *                   (flex-binary.ts)
 *   terms.json      the vocabulary (term ids are positions)
 *   docs.json       per document: key, kind, article, updatedAt, filter metadata
 *   <part>.bin      each binary per-document part (BINARY_PARTS in engine-snapshot.ts): vectors.bin, the
 *                   term vectors; bigrams.bin, the adjacent-pair filters for phrases (core/search/bigram-filter.ts)
 * It is written to `index.tmp/` and swapped in by renaming, so a crash mid-save leaves the old index.
 * Saving streams (one piece of the export in memory at a time) and loading imports flexsearch's files
 * one by one: at 100k, neither holds a whole copy of the index next to the index itself.
 *
 * This is the only layout a loader reads (ADR 005). Layouts that existed only while 0.1.0 was developed
 * (flexsearch's JSON keys in `flex-NNN.json`, SHA-1 checksums per file) are refused as unusable, so the
 * index is rebuilt from the articles, never half read.
 */
export const INDEX_FORMAT = 'parallax-search-index';
/** Bump when the normaliser, tokeniser or file layout changes: an older index is then rebuilt. */
/** 2: bigrams.bin added. 3: a note is indexed without its passage's quote. 4: terms stemmed in their article's language. */
export const INDEX_VERSION = 5;

/**
 * A saved file's size and checksum. CRC-32 (zlib's, as zip and PNG use) finds accidental damage and is
 * checked at ~5 GB/s against SHA-1's ~1.5: at 100k articles that took ~0.2 s off every start.
 */
type FileEntry = { name: string; bytes: number; crc32: number };
export type IndexManifest = {
  format: typeof INDEX_FORMAT;
  version: number;
  weights: Record<string, number>;
  savedAt: string;
  docs: number;
  articles: number;
  /** SHA-1 over the sorted `id updatedAt` lines of the indexed articles: equal to the catalog's = up to date. */
  checksum: string;
  flexKeys: string[];
  files: FileEntry[];
};

const sha1 = (data: Uint8Array | string) => createHash('sha1').update(data).digest('hex');

export function versionsChecksum(versions: Iterable<[string, string]>): string {
  const lines = [...versions].map(([id, at]) => `${id} ${at}`).sort();
  return sha1(lines.join('\n'));
}

type Chunk = string | Uint8Array | Uint32Array;
const flexFile = (i: number) => `flex-${String(i).padStart(3, '0')}.bin`;
/** Characters of a string encoded at a time: a flexsearch key's JSON can be tens of MB, and is never copied whole. */
const STRING_PIECE = 1 << 20;

/** A chunk as bytes; a long string in pieces of about 1 MB, never cut inside a surrogate pair (it would not encode). */
export function* bytesOf(c: Chunk, piece = STRING_PIECE): Generator<Uint8Array> {
  if (c instanceof Uint8Array) yield c;
  else if (typeof c !== 'string') yield new Uint8Array(c.buffer, c.byteOffset, c.byteLength);
  else
    for (let at = 0; at < c.length;) {
      let end = Math.min(c.length, at + piece);
      const last = c.charCodeAt(end - 1);
      if (end < c.length && last >= 0xd800 && last <= 0xdbff) end += end - at > 1 ? -1 : 1;
      yield Buffer.from(c.slice(at, end), 'utf8');
      at = end;
    }
}

/** Write a file chunk by chunk, hashing as it goes, and flush it to disk; each chunk is written before the next is asked for. */
async function writeChunks(path: string, chunks: Iterable<Chunk>): Promise<FileEntry> {
  let crc = 0;
  let bytes = 0;
  const fh = await open(path, 'w');
  try {
    for (const chunk of chunks)
      for (const data of bytesOf(chunk)) {
        crc = crc32(data, crc);
        for (let at = 0; at < data.byteLength;) {
          const { bytesWritten } = await fh.write(data, at, data.byteLength - at, bytes + at);
          at += bytesWritten;
        }
        bytes += data.byteLength;
      }
    await fh.sync();
  } finally {
    await fh.close();
  }
  return { name: path.replace(/^.*[\\/]/, ''), bytes, crc32: crc };
}

/** `JSON.stringify(items)`, byte for byte, in pieces of `per` items: no single string of the whole array. */
export function* jsonArrayChunks(items: readonly unknown[], per = 5000): Generator<string> {
  yield '[';
  for (let i = 0; i < items.length; i += per) {
    const json = JSON.stringify(items.slice(i, i + per));
    yield (i > 0 ? ',' : '') + json.slice(1, -1);
  }
  yield ']';
}

/**
 * Save the index from its source part by part (see SnapshotSource): each flexsearch key is written to its
 * file as flexsearch hands it over, the JSON tables and binary parts in chunks, so memory holds at most one
 * piece of the export at a time. Everything goes to `index.tmp/`, swapped in only once complete.
 */
export async function saveIndex(dir: string, src: SnapshotSource, meta: { articles: number; checksum: string }): Promise<IndexManifest> {
  const tmp = `${dir}.tmp`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  let manifest: IndexManifest;
  try {
    const files: FileEntry[] = [];
    const flexKeys: string[] = [];
    await src.flex(async (key, data) => {
      files.push(await writeChunks(join(tmp, flexFile(flexKeys.length)), [data]));
      flexKeys.push(key);
    });
    files.push(await writeChunks(join(tmp, 'terms.json'), jsonArrayChunks(src.terms)));
    files.push(await writeChunks(join(tmp, 'docs.json'), jsonArrayChunks(src.docs)));
    for (const part of BINARY_PARTS) files.push(await writeChunks(join(tmp, `${part}.bin`), src[part]()));
    let docs = 0;
    for (const d of src.docs) if (d) docs++;
    manifest = {
      format: INDEX_FORMAT,
      version: INDEX_VERSION,
      weights: FIELD_WEIGHTS,
      savedAt: new Date().toISOString(),
      docs,
      articles: meta.articles,
      checksum: meta.checksum,
      flexKeys,
      files,
    };
    await writeChunks(join(tmp, 'manifest.json'), [JSON.stringify(manifest, null, 1)]);
  } catch (e) {
    // The saved index in `dir` is untouched until the swap below; a half-written copy is only wasted space.
    await rm(tmp, { recursive: true, force: true }).catch(() => undefined);
    throw e;
  }
  await rm(`${dir}.old`, { recursive: true, force: true });
  await rename(dir, `${dir}.old`).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'ENOENT') throw e;
  });
  await rename(tmp, dir);
  await rm(`${dir}.old`, { recursive: true, force: true });
  return manifest;
}

export class IndexUnusable extends Error {}

/**
 * Load a saved index, checking every file against the manifest. Null when there is none; throws
 * IndexUnusable when it cannot be trusted. flexsearch's files are checked as `snap.flex` is read (by
 * `SearchEngine.restore`), which then throws IndexUnusable for a damaged one.
 */
export async function loadIndex(dir: string): Promise<{ manifest: IndexManifest; snap: EngineSnapshot } | null> {
  let manifestText: string;
  try {
    manifestText = await readFile(join(dir, 'manifest.json'), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      const left = await readdir(dir).catch(() => []);
      if (left.length) throw new IndexUnusable('the saved index has no manifest');
      return null;
    }
    throw new IndexUnusable(`the index manifest cannot be read: ${(e as Error).message}`);
  }
  let manifest: IndexManifest;
  try {
    manifest = JSON.parse(manifestText) as IndexManifest;
  } catch {
    throw new IndexUnusable('the index manifest is damaged');
  }
  if (manifest.format !== INDEX_FORMAT) throw new IndexUnusable('the index manifest is not a Parallax index');
  if (manifest.version !== INDEX_VERSION || JSON.stringify(manifest.weights) !== JSON.stringify(FIELD_WEIGHTS)) {
    throw new IndexUnusable(`the index was built by another version of Parallax (${manifest.version})`);
  }
  if (!Array.isArray(manifest.files) || !Array.isArray(manifest.flexKeys) || !manifest.files.every((f) => typeof f?.crc32 === 'number')) {
    throw new IndexUnusable('the index was saved in a layout this version does not read (files without CRC-32 checksums)');
  }
  if (manifest.files.some((f) => /^flex-\d+\.json$/.test(f.name))) {
    throw new IndexUnusable('the index was saved in a layout this version does not read (flexsearch keys as JSON)');
  }
  const entryOf = (name: string): FileEntry => {
    const entry = manifest.files.find((f) => f.name === name);
    if (!entry) throw new IndexUnusable(`the index manifest does not list ${name}`);
    return entry;
  };
  const check = (name: string, data: Uint8Array) => {
    const entry = entryOf(name);
    if (data.byteLength !== entry.bytes || crc32(data) !== entry.crc32) throw new IndexUnusable(`the index file ${name} is damaged`);
  };
  const read = async (name: string): Promise<Buffer> => {
    entryOf(name);
    const data = await readFile(join(dir, name)).catch(() => {
      throw new IndexUnusable(`the index file ${name} is missing`);
    });
    check(name, data);
    return data;
  };
  /** A binary part straight into an aligned Uint32Array: no second copy of a file of ~90–120 MB at 100k. */
  const readWords = async (name: string): Promise<Uint32Array> => {
    const { bytes } = entryOf(name);
    if (bytes % 4 !== 0) throw new IndexUnusable(`the index file ${name} is damaged`);
    const fh = await open(join(dir, name), 'r').catch(() => {
      throw new IndexUnusable(`the index file ${name} is missing`);
    });
    try {
      const size = (await fh.stat()).size;
      if (size !== bytes) throw new IndexUnusable(`the index file ${name} is damaged`);
      const words = new Uint32Array(bytes / 4);
      const view = new Uint8Array(words.buffer);
      for (let at = 0; at < bytes;) {
        const { bytesRead } = await fh.read(view, at, bytes - at, at);
        if (bytesRead === 0) throw new IndexUnusable(`the index file ${name} is damaged`);
        at += bytesRead;
      }
      check(name, view);
      return words;
    } finally {
      await fh.close();
    }
  };
  /**
   * flexsearch's files are read (and checked) one at a time, as the engine imports them: only one of them
   * is in memory as text at once, not the whole export (~250 MB at 100k) next to the index built from it.
   * Their sizes are checked now, so a missing or truncated file is found before anything is imported.
   */
  const flexNames = manifest.flexKeys.map((_, i) => flexFile(i));
  async function* flex(): AsyncGenerator<[string, FlexData]> {
    for (const [i, key] of manifest.flexKeys.entries()) yield [key, await readWords(flexNames[i]!)];
  }
  try {
    for (const name of flexNames) {
      const { bytes } = entryOf(name);
      const size = await stat(join(dir, name)).then(
        (s) => s.size,
        () => {
          throw new IndexUnusable(`the index file ${name} is missing`);
        },
      );
      if (size !== bytes) throw new IndexUnusable(`the index file ${name} is damaged`);
    }
    const terms = JSON.parse((await read('terms.json')).toString('utf8')) as string[];
    const docs = JSON.parse((await read('docs.json')).toString('utf8')) as EngineSnapshot['docs'];
    const parts = {} as Record<BinaryPart, Uint32Array>;
    for (const part of BINARY_PARTS) parts[part] = await readWords(`${part}.bin`);
    return { manifest, snap: { flex: flex(), terms, docs, ...parts } };
  } catch (e) {
    if (e instanceof IndexUnusable) throw e;
    throw new IndexUnusable(`the saved index is damaged: ${(e as Error).message}`);
  }
}
