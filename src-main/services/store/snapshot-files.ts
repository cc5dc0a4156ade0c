import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { AppError } from '../../contract/errors';
import { readJsonFile, removeQuietly, renameInto, syncDir, writeFileAtomic, writeTemp } from './durable-json-file';
import { readFailure } from './io-errors';
import type { NotebookStore } from './notebook-store';
import { shardOf } from './notebook-layout';

/**
 * The original of an article brought in from a PDF or a web page, kept for provenance next to the article:
 *
 *   snapshots/<xx>/<id>.pdf | <id>.html   the bytes as received (a page: sanitised, no script)
 *   snapshots/<xx>/<id>.json              what it is, its address, when it was fetched, its size and SHA-256
 *
 * Both are written like every notebook file (a private temp file in tmp/, flushed, renamed, the folder
 * flushed), created 0600 in 0700 folders: a snapshot may be a confidential report. The description is
 * written last and is the commit point: an original without one (a kill between the two) is never shown, and
 * one whose bytes no longer match its SHA-256 is reported as damaged, never shown half.
 */
export type SnapshotKind = 'pdf' | 'html';
export type NewSnapshot = { kind: SnapshotKind; bytes: Uint8Array; url?: string | null; fetchedAt: string; file?: string | null };
export type SnapshotMeta = {
  articleId: string;
  kind: SnapshotKind;
  url: string | null;
  fetchedAt: string;
  savedAt: string;
  size: number;
  sha256: string;
  file: string | null;
};
/** A snapshot's bytes written and flushed in tmp/, not yet in place. */
export type PreparedSnapshot = { tmp: string; meta: Omit<SnapshotMeta, 'articleId' | 'savedAt'> };

const PRIVATE_FILE = 0o600;
const PRIVATE_DIR = 0o700;

export function snapshotPaths(root: string, id: string, kind: SnapshotKind) {
  const dir = join(root, 'snapshots', shardOf(id));
  return { dir, data: join(dir, `${id}.${kind}`), meta: join(dir, `${id}.json`) };
}

/** Write the original's bytes to a private temp file (flushed), so a batch of large PDFs is not held in memory. */
export async function prepareSnapshot(store: NotebookStore, snap: NewSnapshot): Promise<PreparedSnapshot> {
  const name = `snapshot.${snap.kind}`;
  const tmp = await writeTemp(name, snap.bytes, store.layout.tmp, store.durability, PRIVATE_FILE);
  return {
    tmp,
    meta: {
      kind: snap.kind,
      url: snap.url ?? null,
      fetchedAt: snap.fetchedAt,
      size: snap.bytes.length,
      sha256: createHash('sha256').update(snap.bytes).digest('hex'),
      file: snap.file ?? null,
    },
  };
}

export const discardSnapshot = (p: PreparedSnapshot) => removeQuietly(p.tmp);

/** Put a prepared snapshot in place for article `id`: the bytes, then the description (the commit point). */
export async function commitSnapshot(store: NotebookStore, id: string, p: PreparedSnapshot): Promise<SnapshotMeta> {
  const paths = snapshotPaths(store.layout.root, id, p.meta.kind);
  const meta: SnapshotMeta = { articleId: id, ...p.meta, savedAt: new Date().toISOString() };
  try {
    await mkdir(paths.dir, { recursive: true, mode: PRIVATE_DIR });
    await renameInto(p.tmp, paths.data);
    if (store.durability === 'fsync') await syncDir(paths.dir);
    await writeFileAtomic(paths.meta, JSON.stringify(meta), store.layout.tmp, store.durability, PRIVATE_FILE);
  } catch (e) {
    await discardSnapshot(p);
    await removeQuietly(paths.data);
    throw e;
  }
  return meta;
}

/** Remove an article's snapshot (its article was not saved after all): the description first, so no half is ever shown. */
export async function removeSnapshot(store: NotebookStore, id: string): Promise<void> {
  for (const kind of ['pdf', 'html'] as const) {
    const paths = snapshotPaths(store.layout.root, id, kind);
    await removeQuietly(paths.meta);
    await removeQuietly(paths.data);
  }
}

/**
 * Keep the original of an article already in the notebook (a page saved from the browser, a PDF): the one
 * call an importer makes. Runs in the store's write queue, like every write of the notebook.
 */
export async function saveSnapshot(store: NotebookStore, articleId: string, snap: NewSnapshot): Promise<SnapshotMeta> {
  if (store.readOnly) throw new AppError('READ_ONLY', 'The notebook is open for reading only; the snapshot was not saved');
  const prepared = await prepareSnapshot(store, snap);
  return store.enqueue(async () => {
    if (!store.entry(articleId)) {
      await discardSnapshot(prepared);
      throw new AppError('NOT_FOUND', `No article with id ${articleId}`);
    }
    return commitSnapshot(store, articleId, prepared);
  });
}

const isMeta = (m: unknown, id: string): m is SnapshotMeta => {
  const v = m as SnapshotMeta;
  return (
    !!v &&
    typeof v === 'object' &&
    v.articleId === id &&
    (v.kind === 'pdf' || v.kind === 'html') &&
    typeof v.fetchedAt === 'string' &&
    typeof v.savedAt === 'string' &&
    typeof v.sha256 === 'string' &&
    Number.isInteger(v.size) &&
    (v.url === null || typeof v.url === 'string') &&
    (v.file === null || typeof v.file === 'string')
  );
};

/** An article's snapshot description, or null when it has none. */
export async function readSnapshotMeta(store: NotebookStore, id: string): Promise<SnapshotMeta | null> {
  const file = snapshotPaths(store.layout.root, id, 'pdf').meta;
  const meta = await readJsonFile<unknown>(file);
  if (meta === null) return null;
  if (!isMeta(meta, id)) throw new AppError('CORRUPT', `${file} is damaged (not a snapshot description); it was left untouched`);
  return meta;
}

/** An article's snapshot with its bytes, checked against the SHA-256 it was saved with. */
export async function readSnapshot(store: NotebookStore, id: string): Promise<{ meta: SnapshotMeta; bytes: Buffer } | null> {
  const meta = await readSnapshotMeta(store, id);
  if (!meta) return null;
  const file = snapshotPaths(store.layout.root, id, meta.kind).data;
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('CORRUPT', `${file} is missing; the snapshot cannot be shown`);
    throw readFailure(e, file);
  }
  if (bytes.length !== meta.size || createHash('sha256').update(bytes).digest('hex') !== meta.sha256)
    throw new AppError('CORRUPT', `${file} is damaged (it is not the file that was saved); it was left untouched`);
  return { meta, bytes };
}

export const snapshotFolder = (root: string) => dirname(snapshotPaths(root, '00', 'pdf').dir);
