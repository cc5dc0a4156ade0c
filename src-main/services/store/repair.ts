import { copyFile, mkdir, readFile, readdir } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import type { ArticleRecord, CatalogEntry } from '../../core/article/article-record';
import { toCatalogEntry } from '../../core/article/article-record';
import { readJsonFile } from './durable-json-file';
import type { Layout } from './notebook-layout';

/**
 * Self-repair of damaged notebook files. Nothing damaged is ever overwritten without a copy: the broken
 * file goes to `<notebook>/damaged/<time>/<same path>` first, and the notice says where.
 */

export const damagedDir = (l: Layout, stamp: string) => join(l.root, 'damaged', stamp);

export const repairStamp = () => new Date().toISOString().replace(/[:.]/g, '-');

/** Keep a copy of a damaged file under damaged/<stamp>/, at its path relative to the notebook. */
export async function keepDamagedCopy(l: Layout, file: string, stamp: string): Promise<string> {
  const dest = join(damagedDir(l, stamp), relative(l.root, file));
  await mkdir(dirname(dest), { recursive: true });
  await copyFile(file, dest);
  return dest;
}

/**
 * The catalog is derived data: a shard's rows can be rebuilt from the article documents whose ids fall in
 * it. Documents that do not parse are left out (and reported); they are repaired when read.
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
    if (record && record.id === name.slice(0, -5)) entries[record.id] = toCatalogEntry(record);
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
      if (record.id === id) return { record, archive };
    } catch {
      /* an unreadable archive is skipped; an older one may still hold the article */
    }
  }
  return null;
}
