import { join } from 'node:path';

/**
 * The notebook folder (ADR 001). One edit rewrites one article document and appends one row to the
 * catalog's journal, never the whole notebook:
 *
 *   notebook.json          format marker and schema version
 *   catalog/<xx>.json      library rows, sharded by the first two hex digits of the article id (256 shards)
 *   catalog/journal.jsonl  rows changed since the shards were last rewritten, newest last (catalog-journal.ts)
 *   catalog/first-page.json the library's first page, shown while the catalog opens (library-snapshot.ts)
 *   articles/<xx>/<id>.json one document per article: raw text, analysis, user metadata, annotations
 *   tmp/                   temp files of in-flight writes; emptied at open
 *   backups/               copies taken before migrations
 */
export const SCHEMA_VERSION = 1;
export const FORMAT = 'parallax-notebook';

export type NotebookManifest = { format: typeof FORMAT; schemaVersion: number; createdAt: string };

export const shardOf = (id: string) => id.slice(0, 2);

export function layout(root: string) {
  return {
    root,
    manifest: join(root, 'notebook.json'),
    catalogDir: join(root, 'catalog'),
    catalogShard: (shard: string) => join(root, 'catalog', `${shard}.json`),
    catalogJournal: join(root, 'catalog', 'journal.jsonl'),
    firstPage: join(root, 'catalog', 'first-page.json'),
    articlesDir: join(root, 'articles'),
    article: (id: string) => join(root, 'articles', shardOf(id), `${id}.json`),
    tmp: join(root, 'tmp'),
    backups: join(root, 'backups'),
    lock: join(root, 'notebook.lock'),
  };
}
export type Layout = ReturnType<typeof layout>;
