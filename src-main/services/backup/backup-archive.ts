import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readFile, readdir, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { basename, dirname, join, sep } from 'node:path';
import { Unzip, UnzipInflate, Zip, ZipDeflate } from 'fflate';
import { AppError } from '../../contract/errors';
import { TEXT_STORE_DIR } from '../search/text-store';

/**
 * A notebook backup: one zip holding every file of the notebook folder (not tmp/, backups/, the lock or the
 * search texts) and,
 * last, `parallax-backup.json` listing each file with its size and SHA-256. A restore checks every file
 * against that list, so a truncated, damaged or foreign archive is refused before anything is put in place.
 */
export const BACKUP_MANIFEST = 'parallax-backup.json';
export const BACKUP_FORMAT = 'parallax-backup';
/** search-texts/ is derived from the articles (text-store.ts) and rebuilt from them when missing: not notebook data. */
const SKIP_AT_ROOT = new Set(['tmp', 'backups', 'notebook.lock', 'index.tmp', TEXT_STORE_DIR]);
/** The search index is a cache the app may be saving while a backup runs: a file of it gone by the time it is
 * read is left out (a restored index that does not check out is rebuilt from the articles). */
const isIndexFile = (path: string) => path.startsWith('index/');

export type BackupManifest = {
  format: typeof BACKUP_FORMAT;
  version: 1;
  createdAt: string;
  notebookSchema: number | null;
  files: Array<{ path: string; size: number; sha256: string }>;
};

export type BackupProgress = (done: number, total: number) => void;
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const tick = () => new Promise<void>((r) => setImmediate(r));

/** Every file of the notebook, as zip paths with forward slashes, in a stable order. */
export async function notebookFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string, rel: string) => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const e of entries) {
      if (!rel && SKIP_AT_ROOT.has(e.name)) continue;
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(join(dir, e.name), path);
      else if (e.isFile()) out.push(path);
    }
  };
  await walk(root, '');
  return out;
}

/** Write a backup of the notebook at `root` to `dest` (written beside it under a temp name, then renamed). */
export async function createBackup(root: string, dest: string, onProgress?: BackupProgress): Promise<{ files: number; bytes: number }> {
  const files = await notebookFiles(root);
  const manifestJson = await readFile(join(root, 'notebook.json'), 'utf8').catch(() => null);
  const schema = manifestJson ? ((JSON.parse(manifestJson) as { schemaVersion?: number }).schemaVersion ?? null) : null;
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    version: 1,
    createdAt: new Date().toISOString(),
    notebookSchema: schema,
    files: [],
  };
  await mkdir(dirname(dest), { recursive: true });
  const partial = `${dest}.${randomBytes(4).toString('hex')}.partial`;
  const out = createWriteStream(partial);
  let failed: Error | null = null;
  out.on('error', (e) => (failed = e));
  const zip = new Zip((err, chunk) => {
    if (err) failed = err;
    else out.write(chunk);
  });
  try {
    for (const [i, path] of files.entries()) {
      const data = await readFile(join(root, ...path.split('/'))).catch((e: NodeJS.ErrnoException) => {
        if (e.code === 'ENOENT' && isIndexFile(path)) return null;
        throw e;
      });
      if (!data) continue;
      manifest.files.push({ path, size: data.length, sha256: sha256(data) });
      const entry = new ZipDeflate(path, { level: 6 });
      zip.add(entry);
      entry.push(data, true);
      if (failed) throw failed;
      if (out.writableNeedDrain) await once(out, 'drain');
      if (i % 200 === 199) {
        onProgress?.(i + 1, files.length);
        await tick(); // compressing is synchronous: let the app breathe between batches
      }
    }
    const entry = new ZipDeflate(BACKUP_MANIFEST, { level: 6 });
    zip.add(entry);
    entry.push(new TextEncoder().encode(JSON.stringify(manifest, null, 1)), true);
    zip.end();
    out.end();
    await once(out, 'finish');
    if (failed) throw failed;
    const fh = await open(partial, 'r+');
    await fh.sync();
    await fh.close();
    await rename(partial, dest);
  } catch (e) {
    out.destroy();
    await rm(partial, { force: true });
    throw e;
  }
  onProgress?.(files.length, files.length);
  return { files: files.length, bytes: (await stat(dest)).size };
}

/** A zip entry name that is safe to create under a folder: relative, no `..`, no drive letters or backslashes. */
function safeEntryPath(name: string): boolean {
  if (!name || name.startsWith('/') || name.includes('\\') || /^[a-zA-Z]:/.test(name)) return false;
  return name.split('/').every((p) => p !== '' && p !== '.' && p !== '..');
}

async function isEmptyOrAbsent(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return true;
    if ((e as NodeJS.ErrnoException).code === 'ENOTDIR') return false;
    throw e;
  }
}

/**
 * Unpack `archive` into a temp folder beside `target`, check it against its manifest, then move it into
 * place. `target` must be absent or an empty folder; on any failure it is left exactly as it was.
 */
export async function restoreBackup(
  archive: string,
  target: string,
  onProgress?: BackupProgress,
): Promise<{ files: number; bytes: number }> {
  if (!(await isEmptyOrAbsent(target))) throw new AppError('CONFLICT', `${target} is not empty; restore into a new or empty folder`);
  let head: Buffer;
  try {
    const fh = await open(archive, 'r');
    head = Buffer.alloc(4);
    await fh.read(head, 0, 4, 0);
    await fh.close();
  } catch (e) {
    throw new AppError('UNREADABLE', `${archive} cannot be read: ${(e as Error).message}`);
  }
  if (head.readUInt32LE(0) !== 0x04034b50)
    throw new AppError('CORRUPT', `${basename(archive)} is not a zip archive, so not a Parallax backup`);

  const temp = join(dirname(target), `.${basename(target)}.restore-${randomBytes(4).toString('hex')}`);
  await mkdir(temp, { recursive: true });
  try {
    const found = await unpack(archive, temp);
    const manifest = found.get(BACKUP_MANIFEST);
    if (!manifest)
      throw new AppError('CORRUPT', `${basename(archive)} has no ${BACKUP_MANIFEST}: it is truncated or not a Parallax backup`);
    const m = parseManifest(manifest.data, archive);
    const listed = new Set(m.files.map((f) => f.path));
    for (const [i, f] of m.files.entries()) {
      const got = found.get(f.path);
      if (!got) throw new AppError('CORRUPT', `${basename(archive)} is incomplete: ${f.path} is missing`);
      if (got.size !== f.size || got.sha256 !== f.sha256)
        throw new AppError('CORRUPT', `${basename(archive)} is damaged: ${f.path} does not match its checksum`);
      if (i % 500 === 0) onProgress?.(i, m.files.length);
    }
    const extra = [...found.keys()].filter((p) => p !== BACKUP_MANIFEST && !listed.has(p));
    if (extra.length) throw new AppError('CORRUPT', `${basename(archive)} holds files its manifest does not list (${extra[0]})`);
    if (!listed.has('notebook.json') && !listed.has('db.json'))
      throw new AppError('CORRUPT', `${basename(archive)} holds no notebook.json, so no Parallax notebook`);
    await rm(join(temp, BACKUP_MANIFEST));
    await rmdir(target).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
    });
    await rename(temp, target);
    onProgress?.(m.files.length, m.files.length);
    return { files: m.files.length, bytes: m.files.reduce((n, f) => n + f.size, 0) };
  } catch (e) {
    await rm(temp, { recursive: true, force: true });
    throw e;
  }
}

function parseManifest(data: Uint8Array, archive: string): BackupManifest {
  try {
    const m = JSON.parse(new TextDecoder().decode(data)) as BackupManifest;
    if (m.format === BACKUP_FORMAT && m.version === 1 && Array.isArray(m.files)) return m;
  } catch {
    /* reported below */
  }
  throw new AppError('CORRUPT', `${basename(archive)} is not a Parallax backup (its manifest is not ours)`);
}

type Unpacked = Map<string, { size: number; sha256: string; data: Uint8Array }>;

/** Stream the zip, writing each complete entry under `dir`. Entries cut off by truncation never complete. */
async function unpack(archive: string, dir: string): Promise<Unpacked> {
  const found: Unpacked = new Map();
  const ready: Array<{ name: string; data: Uint8Array }> = [];
  let failure: Error | null = null;
  const unzip = new Unzip((file) => {
    if (!safeEntryPath(file.name)) {
      failure = new AppError('CORRUPT', `The archive holds an unsafe path (${file.name.slice(0, 80)}); it was refused`);
      return;
    }
    if (file.name.endsWith('/')) return;
    const chunks: Uint8Array[] = [];
    file.ondata = (err, chunk, final) => {
      if (err) failure = err;
      else {
        chunks.push(chunk);
        if (final) ready.push({ name: file.name, data: Buffer.concat(chunks) });
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  const flush = async () => {
    for (const { name, data } of ready.splice(0)) {
      if (found.has(name)) throw new AppError('CORRUPT', `The archive holds ${name} twice`);
      const path = join(dir, ...name.split('/'));
      if (!path.startsWith(dir + sep)) throw new AppError('CORRUPT', `The archive holds an unsafe path (${name})`);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, data);
      found.set(name, { size: data.length, sha256: sha256(data), data: name === BACKUP_MANIFEST ? data : new Uint8Array() });
    }
  };
  try {
    for await (const chunk of createReadStream(archive, { highWaterMark: 1 << 20 })) {
      unzip.push(chunk as Buffer);
      if (failure) throw failure;
      await flush();
    }
    unzip.push(new Uint8Array(), true);
    if (failure) throw failure;
    await flush();
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('CORRUPT', `${basename(archive)} is damaged: ${(e as Error).message}`);
  }
  return found;
}
