import { createHash } from 'node:crypto';
import { mkdir, open, readFile, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { EngineSnapshot } from './engine-snapshot';
import { FIELD_WEIGHTS } from './search-engine';

/**
 * The saved index, `<notebook>/index/`:
 *   manifest.json   format, version, field weights, counts, and the size and SHA-1 of every other file
 *   flex-NNN.json   flexsearch's export, one file per exported key (each a few MB at most)
 *   terms.json      the vocabulary (term ids are positions)
 *   docs.json       per document: key, kind, article, updatedAt, filter metadata
 *   vectors.bin     term vectors (see engine-snapshot.ts)
 *   bigrams.bin     per-document filters of adjacent term pairs, for phrases (core/search/bigram-filter.ts)
 * It is written to `index.tmp/` and swapped in by renaming, so a crash mid-save leaves the old index.
 */
export const INDEX_FORMAT = 'parallax-search-index';
/** Bump when the normaliser, tokeniser or file layout changes: an older index is then rebuilt. */
export const INDEX_VERSION = 2;

type FileEntry = { name: string; bytes: number; sha1: string };
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

async function writeDurable(path: string, data: Uint8Array | string): Promise<FileEntry> {
  const fh = await open(path, 'w');
  try {
    await fh.writeFile(data);
    await fh.sync();
  } finally {
    await fh.close();
  }
  const bytes = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
  return { name: path.replace(/^.*[\\/]/, ''), bytes, sha1: sha1(data) };
}

export async function saveIndex(dir: string, snap: EngineSnapshot, meta: { articles: number; checksum: string }): Promise<IndexManifest> {
  const tmp = `${dir}.tmp`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  const files: FileEntry[] = [];
  const flexKeys = Object.keys(snap.flex);
  for (const [i, key] of flexKeys.entries()) {
    files.push(await writeDurable(join(tmp, `flex-${String(i).padStart(3, '0')}.json`), snap.flex[key]!));
  }
  files.push(await writeDurable(join(tmp, 'terms.json'), JSON.stringify(snap.terms)));
  files.push(await writeDurable(join(tmp, 'docs.json'), JSON.stringify(snap.docs)));
  const bytesOf = (v: Uint32Array) => new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  files.push(await writeDurable(join(tmp, 'vectors.bin'), bytesOf(snap.vectors)));
  files.push(await writeDurable(join(tmp, 'bigrams.bin'), bytesOf(snap.bigrams)));
  const manifest: IndexManifest = {
    format: INDEX_FORMAT,
    version: INDEX_VERSION,
    weights: FIELD_WEIGHTS,
    savedAt: new Date().toISOString(),
    docs: snap.docs.filter(Boolean).length,
    articles: meta.articles,
    checksum: meta.checksum,
    flexKeys,
    files,
  };
  await writeDurable(join(tmp, 'manifest.json'), JSON.stringify(manifest, null, 1));
  await rm(`${dir}.old`, { recursive: true, force: true });
  await rename(dir, `${dir}.old`).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'ENOENT') throw e;
  });
  await rename(tmp, dir);
  await rm(`${dir}.old`, { recursive: true, force: true });
  return manifest;
}

export class IndexUnusable extends Error {}

/** Load a saved index, checking every file against the manifest. Null when there is none; throws IndexUnusable when it cannot be trusted. */
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
  const entryOf = (name: string): FileEntry => {
    const entry = manifest.files.find((f) => f.name === name);
    if (!entry) throw new IndexUnusable(`the index manifest does not list ${name}`);
    return entry;
  };
  const check = (name: string, data: Uint8Array) => {
    const entry = entryOf(name);
    if (data.byteLength !== entry.bytes || sha1(data) !== entry.sha1) throw new IndexUnusable(`the index file ${name} is damaged`);
  };
  const read = async (name: string): Promise<Buffer> => {
    entryOf(name);
    const data = await readFile(join(dir, name)).catch(() => {
      throw new IndexUnusable(`the index file ${name} is missing`);
    });
    check(name, data);
    return data;
  };
  /** A binary file straight into an aligned Uint32Array: no second copy of a file of ~40–120 MB at 100k. */
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
  try {
    const flex: Record<string, string> = {};
    for (const [i, key] of manifest.flexKeys.entries())
      flex[key] = (await read(`flex-${String(i).padStart(3, '0')}.json`)).toString('utf8');
    const terms = JSON.parse((await read('terms.json')).toString('utf8')) as string[];
    const docs = JSON.parse((await read('docs.json')).toString('utf8')) as EngineSnapshot['docs'];
    const vectors = await readWords('vectors.bin');
    const bigrams = await readWords('bigrams.bin');
    return { manifest, snap: { flex, terms, docs, vectors, bigrams } };
  } catch (e) {
    if (e instanceof IndexUnusable) throw e;
    throw new IndexUnusable(`the saved index is damaged: ${(e as Error).message}`);
  }
}
