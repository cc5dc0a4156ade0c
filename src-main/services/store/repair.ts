import { copyFile, mkdir, open, readFile, readdir, rename } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { createHash } from 'node:crypto';
import type { ArticleRecord, CatalogEntry } from '../../core/article/article-record';
import { toCatalogEntry } from '../../core/article/article-record';
import type { Durability } from './durable-json-file';
import { readJsonFile, syncDir } from './durable-json-file';
import { writeFailure } from './io-errors';
import type { Layout } from './notebook-layout';
import { articleProblem } from './stored-shapes';

/**
 * Self-repair of damaged notebook files. Nothing is ever overwritten or removed without a copy: the file
 * goes to `<notebook>/damaged/<time>/<same path>` first (copied when it is about to be replaced, moved
 * when it is set aside), and the notice says where. When the copy cannot be kept, nothing is replaced.
 */

export const damagedDir = (l: Layout, stamp: string) => join(l.root, 'damaged', stamp);

export const repairStamp = () => new Date().toISOString().replace(/[:.]/g, '-');

const damagedPath = (l: Layout, file: string, stamp: string) => join(damagedDir(l, stamp), relative(l.root, file));

/** Flush a file just written outside the atomic writer (a copy kept under damaged/) and its folder. */
async function flushFile(file: string, durability: Durability): Promise<void> {
  if (durability !== 'fsync') return;
  const fh = await open(file, 'r+');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
  await syncDir(dirname(file));
}

/**
 * Keep a copy of a damaged file under damaged/<stamp>/, at its path relative to the notebook, flushed
 * before the caller replaces the file. Throws (IO_ERROR, DISK_FULL) when the copy cannot be made: the
 * caller must then leave the file as it is.
 */
export async function keepDamagedCopy(l: Layout, file: string, stamp: string, durability: Durability = 'fsync'): Promise<string> {
  const dest = damagedPath(l, file, stamp);
  try {
    await mkdir(dirname(dest), { recursive: true });
    await copyFile(file, dest);
    await flushFile(dest, durability);
  } catch (e) {
    throw writeFailure(e, dest, `the damaged ${relative(l.root, file)} was left as it is`);
  }
  return dest;
}

/** Move a file out of the notebook's data into damaged/<stamp>/ (a rename: no space needed, nothing copied). */
export async function setAside(l: Layout, file: string, stamp: string): Promise<string> {
  const dest = damagedPath(l, file, stamp);
  try {
    await mkdir(dirname(dest), { recursive: true });
    await rename(file, dest);
  } catch (e) {
    throw writeFailure(e, dest, `${relative(l.root, file)} was left where it is`);
  }
  await syncDir(dirname(dest));
  await syncDir(dirname(file));
  return dest;
}

/**
 * The catalog is derived data: a shard's rows can be rebuilt from the article documents whose ids fall in
 * it. Documents that cannot be read, do not parse or have the wrong shape are left out (and reported);
 * they are repaired when read, and looked at by the store's orphan recovery after a rebuild.
 */
export async function rebuildShardEntries(
  l: Layout,
  shard: string,
): Promise<{ entries: Record<string, CatalogEntry>; unreadable: string[] }> {
  const entries: Record<string, CatalogEntry> = {};
  const unreadable: string[] = [];
  const dir = join(l.articlesDir, shard);
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.endsWith('.json'))) {
    const record = await readJsonFile<ArticleRecord>(join(dir, name)).catch(() => null);
    if (record && !articleProblem(record, name.slice(0, -5))) entries[record.id] = toCatalogEntry(record);
    else unreadable.push(join(dir, name));
  }
  return { entries, unreadable };
}

type Manifest = { files: Array<{ path: string; sha256: string }> };

/**
 * One article's document from the newest backup archive that holds an intact copy of it (checked against
 * the archive's manifest), or null when no backup has one.
 */
export async function articleFromBackups(l: Layout, id: string, shard: string): Promise<{ record: ArticleRecord; archive: string } | null> {
  const wanted = `articles/${shard}/${id}.json`;
  const archives = (await readdir(l.backups).catch(() => [] as string[]))
    .filter((n) => n.endsWith('.zip'))
    .sort()
    .reverse();
  if (archives.length === 0) return null;
  // The zip reader loads only when a damaged article is looked for in a backup, not at every open.
  const { unzipSync } = await import('fflate');
  for (const name of archives) {
    const archive = join(l.backups, name);
    try {
      const files = unzipSync(new Uint8Array(await readFile(archive)), {
        filter: (f) => f.name === wanted || f.name === 'parallax-backup.json',
      });
      const data = files[wanted];
      const manifest = files['parallax-backup.json'];
      if (!data || !manifest) continue;
      const listed = (JSON.parse(new TextDecoder().decode(manifest)) as Manifest).files.find((f) => f.path === wanted);
      if (!listed || createHash('sha256').update(data).digest('hex') !== listed.sha256) continue;
      const record = JSON.parse(new TextDecoder().decode(data)) as ArticleRecord;
      if (!articleProblem(record, id)) return { record, archive };
    } catch {
      /* an unreadable archive is skipped; an older one may still hold the article */
    }
  }
  return null;
}
