import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { ArticleRecord, CatalogEntry } from '../../core/article/article-record';
import { displayTitle, effectiveMeta } from '../../core/article/article-record';
import { readArticleFile } from './article-file';
import type { Durability } from './durable-json-file';
import type { Layout } from './notebook-layout';
import { shardOf } from './notebook-layout';
import { reasonOf } from './io-errors';
import { articleFromBackups, keepDamagedCopy, repairStamp, setAside } from './repair';
import { isArticleId } from './stored-shapes';

/** What orphan recovery needs of the store (it runs inside the store's write queue). */
export type OrphanHost = {
  readonly layout: Layout;
  readonly durability: Durability;
  entry(id: string): CatalogEntry | undefined;
  findByFingerprint(fingerprint: string): string | undefined;
  claimFingerprint(fingerprint: string, id: string): void;
  /** Replace article files and write their rows (named in flight first, as every article write is). */
  writeArticles(records: ArticleRecord[]): Promise<void>;
};

export type Orphan = { id: string; file: string };
export type OrphanReport = {
  /** Articles back in the catalog (their rows are to be written, except those restored, which have theirs). */
  recovered: ArticleRecord[];
  restored: ArticleRecord[];
  /** What was done, for the user. */
  notice: string | null;
};

/** Article files that have no catalog row: every `articles/<xx>/<name>.json`. */
export async function findOrphans(l: Layout, hasRow: (id: string) => boolean): Promise<Orphan[]> {
  const found: Orphan[] = [];
  for (const dir of await readdir(l.articlesDir).catch(() => [] as string[])) {
    for (const name of await readdir(join(l.articlesDir, dir)).catch(() => [] as string[])) {
      const id = name.slice(0, -'.json'.length);
      if (name.endsWith('.json') && !hasRow(id)) found.push({ id, file: join(l.articlesDir, dir, name) });
    }
  }
  return found;
}

const MAX_LISTED = 5;

/**
 * Put article files with no catalog row back in order. Such a file was cut off by a crash between the two
 * writes of an import (it is whole: each file is renamed into place), or left out when a damaged catalog
 * was rebuilt from the article files. Nothing is ever deleted:
 * - a sound article is added back, unless the same article is already in the notebook (the import was
 *   retried), in which case the stray copy is moved to damaged/<time>/;
 * - a damaged one (does not parse, wrong shape, another article's id) is restored from the newest backup
 *   holding an intact copy, the damaged file kept under damaged/<time>/; without a backup it is moved there;
 * - one that cannot be read (an I/O error) is left where it is, to be looked at again at the next open.
 * The notice says what was done.
 */
export async function recoverOrphans(host: OrphanHost, orphans: Orphan[]): Promise<OrphanReport> {
  const report: OrphanReport = { recovered: [], restored: [], notice: null };
  const lines: string[] = [];
  const stamp = repairStamp();
  const rel = (file: string) => relative(host.layout.root, file);
  for (const { id, file } of orphans) {
    let read;
    try {
      read = await readArticleFile(file, id);
    } catch (e) {
      lines.push(`${rel(file)} is not in the catalog and could not be read (${reasonOf(e)}); it was left where it is`);
      continue;
    }
    try {
      if (read.kind === 'missing') continue;
      if (read.kind === 'sound' && file !== host.layout.article(id)) {
        const kept = await setAside(host.layout, file, stamp);
        lines.push(`${rel(file)} is not where its id puts it (articles/${shardOf(id)}/); it was moved to ${kept}`);
        continue;
      }
      if (read.kind === 'sound') {
        if (!host.findByFingerprint(read.record.fingerprint)) {
          host.claimFingerprint(read.record.fingerprint, id);
          report.recovered.push(read.record);
          continue;
        }
        const kept = await setAside(host.layout, file, stamp);
        lines.push(
          `a stray copy of “${titleOf(read.record)}” (an article already in the notebook: an import retried after a crash) was set aside at ${kept}`,
        );
        continue;
      }
      const backup = isArticleId(id) && file === host.layout.article(id) ? await articleFromBackups(host.layout, id, shardOf(id)) : null;
      if (backup && !host.findByFingerprint(backup.record.fingerprint)) {
        const kept = await keepDamagedCopy(host.layout, file, stamp, host.durability);
        host.claimFingerprint(backup.record.fingerprint, id);
        await host.writeArticles([backup.record]);
        report.restored.push(backup.record);
        lines.push(
          `${rel(file)} was damaged (${read.problem}) and missing from the catalog; “${titleOf(backup.record)}” has been restored from ${backup.archive} (the damaged file is kept at ${kept}; changes made after that backup are lost)`,
        );
        continue;
      }
      const kept = await setAside(host.layout, file, stamp);
      lines.push(
        `${rel(file)} was damaged (${read.problem}) and ${backup ? 'its backup is a copy of another article' : 'no backup holds a copy'}; it was moved to ${kept}`,
      );
    } catch (e) {
      lines.push(`${rel(file)} is not in the catalog and could not be put in order (${(e as Error).message}); it was left where it is`);
    }
  }
  if (report.recovered.length) {
    lines.unshift(`${report.recovered.length} article(s) a crash had cut off from the catalog were added back`);
  }
  if (lines.length) {
    const more = lines.length > MAX_LISTED ? `; and ${lines.length - MAX_LISTED} more (see the damaged folder)` : '';
    report.notice = `Start-up recovery: ${lines.slice(0, MAX_LISTED).join('; ')}${more}.`;
  }
  return report;
}

const titleOf = (r: ArticleRecord) => displayTitle(effectiveMeta(r), r.file);
