import { relative } from 'node:path';
import type { ArticleRecord, CatalogEntry } from '../../core/article/article-record';
import { toCatalogEntry } from '../../core/article/article-record';
import { readArticleFile } from './article-file';
import type { Catalog } from './catalog';
import type { Durability } from './durable-json-file';
import { reasonOf } from './io-errors';
import type { Layout } from './notebook-layout';
import { recoverOrphans } from './orphan-recovery';
import type { ArticleFileWrite } from './write-article-files';

/** What bringing rows and article files back into agreement needs of the store (all inside its write queue). */
export type SettleHost = {
  layout: Layout;
  durability: Durability;
  catalog: Catalog;
  writeArticles: (items: ArticleFileWrite[], what: string) => Promise<void>;
  writeRowsAfterCommit: (rows: CatalogEntry[]) => Promise<void>;
  tell: (message: string) => void;
  /** The search index and open windows are told of articles added back. */
  added: (records: ArticleRecord[]) => void;
};

/** Article files without a row: added back, restored, or set aside (orphan-recovery.ts). */
export async function adoptOrphans(host: SettleHost, orphans: Array<{ id: string; file: string }>): Promise<void> {
  if (!orphans.length) return;
  const { catalog } = host;
  const report = await recoverOrphans(
    {
      layout: host.layout,
      durability: host.durability,
      entry: (id) => catalog.entry(id),
      findByFingerprint: (f) => catalog.findByFingerprint(f),
      claimFingerprint: (f, id) => catalog.claimFingerprint(f, id),
      writeArticles: (records) =>
        host.writeArticles(
          records.map((record) => ({ record, text: JSON.stringify(record) })),
          'the restored article',
        ),
    },
    orphans,
  );
  if (report.recovered.length) await host.writeRowsAfterCommit(report.recovered.map(toCatalogEntry));
  if (report.notice) host.tell(report.notice);
  // The search index may have read the catalog before these rows were there: it is told, like any import.
  const added = [...report.recovered, ...report.restored];
  if (added.length) host.added(added);
}

/** Rows of the articles in flight at a crash, written again from their files (see NotebookStore.recoverAtOpen). */
export async function settleInFlight(host: SettleHost, ids: string[]): Promise<void> {
  const { layout, catalog } = host;
  const rows: CatalogEntry[] = [];
  const orphans: Array<{ id: string; file: string }> = [];
  const unreadable: string[] = [];
  for (const id of ids) {
    const file = layout.article(id);
    if (!catalog.entry(id)) {
      orphans.push({ id, file });
      continue;
    }
    try {
      const read = await readArticleFile(file, id);
      // A damaged or missing file keeps its row: it is restored from a backup when read.
      if (read.kind === 'sound') rows.push(toCatalogEntry(read.record));
    } catch (e) {
      unreadable.push(`${relative(layout.root, file)} (${reasonOf(e)})`);
    }
  }
  // Written even when unchanged: a row after the intent line says the article is no longer in flight.
  if (rows.length) await host.writeRowsAfterCommit(rows);
  if (unreadable.length) {
    host.tell(
      `The catalog rows of ${unreadable.length} article(s) written when Parallax stopped could not be checked: ${unreadable.slice(0, 3).join('; ')}. They are checked again at the next open.`,
    );
  }
  await adoptOrphans(host, orphans);
}
