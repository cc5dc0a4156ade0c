import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArticleRecord } from '../../core/article/article-record';
import { toCatalogEntry } from '../../core/article/article-record';
import { takeBackup } from '../backup/rolling-backups';
import type { Durability } from './durable-json-file';
import { writeFileAtomic } from './durable-json-file';
import type { Layout, NotebookManifest } from './notebook-layout';
import { FORMAT, shardOf } from './notebook-layout';

export type Migration = {
  from: number;
  to: number;
  describe: string;
  run: (l: Layout, durability: Durability) => Promise<void>;
};

/** Version 0: the prototype's single `db.json` holding every article. Rewriting it per edit is what v1 fixed. */
type V0Db = {
  articles: Array<{ id: string; file?: string | null; raw: string; importedAt?: string; outlet?: string | null; tags?: string[] }>;
};

const v0ToV1: Migration = {
  from: 0,
  to: 1,
  describe: 'split the single db.json into one document per article and a sharded catalog',
  async run(l, durability) {
    const db = JSON.parse(await readFile(join(l.root, 'db.json'), 'utf8')) as V0Db;
    // Loaded here, not with the store: opening a current notebook never analyses.
    const { analyseArticle } = await import('../../core/article/analyse-article');
    const shards = new Map<string, Record<string, unknown>>();
    for (const a of db.articles ?? []) {
      const analysis = analyseArticle(a.raw);
      const now = a.importedAt ?? new Date().toISOString();
      const record: ArticleRecord = {
        id: a.id,
        file: a.file ?? null,
        encoding: 'utf-8',
        importedAt: now,
        updatedAt: now,
        raw: a.raw,
        fingerprint: `v0-${a.id}`,
        analysis,
        userMeta: a.outlet !== undefined ? { outlet: a.outlet } : {},
        tags: a.tags ?? [],
        annotations: [],
      };
      await writeFileAtomic(l.article(a.id), JSON.stringify(record), l.tmp, durability);
      const shard = shards.get(shardOf(a.id)) ?? {};
      shard[a.id] = toCatalogEntry(record);
      shards.set(shardOf(a.id), shard);
    }
    for (const [shard, entries] of shards) {
      await writeFileAtomic(l.catalogShard(shard), JSON.stringify({ entries }), l.tmp, durability);
    }
    await rm(join(l.root, 'db.json'));
  },
};

export const migrations: Migration[] = [v0ToV1];

/** Archive the whole notebook into backups/ (a checked, restorable zip) before a migration touches it. */
export async function backupBeforeMigration(l: Layout, fromVersion: number): Promise<string> {
  return (await takeBackup(l.root, 'before-migration', `v${fromVersion}`)).path;
}

export async function migrate(l: Layout, manifest: NotebookManifest, target: number, durability: Durability): Promise<NotebookManifest> {
  let current = manifest;
  while (current.schemaVersion < target) {
    const step = migrations.find((m) => m.from === current.schemaVersion);
    if (!step) throw new Error(`No migration from notebook schema ${current.schemaVersion}`);
    await backupBeforeMigration(l, current.schemaVersion);
    await step.run(l, durability);
    current = { format: FORMAT, schemaVersion: step.to, createdAt: current.createdAt };
    await writeFileAtomic(l.manifest, JSON.stringify(current, null, 2), l.tmp, durability);
  }
  return current;
}
