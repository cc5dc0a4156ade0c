import { Low } from 'lowdb';
import type { CatalogEntry } from '../../core/article/article-record';
import type { JournalRead } from './catalog-journal';
import { readJournal } from './catalog-journal';
import type { Durability } from './durable-json-file';
import { DurableJsonFile } from './durable-json-file';
import type { Layout } from './notebook-layout';
import { shardOf } from './notebook-layout';
import { keepDamagedCopy, rebuildShardEntries, repairStamp } from './repair';

export type Shard = { entries: Record<string, CatalogEntry> };

const HEX = '0123456789abcdef';
export const allShards = [...HEX].flatMap((a) => [...HEX].map((b) => a + b));

export type CatalogFiles = {
  shards: Map<string, Low<Shard>>;
  journal: JournalRead;
  /** Shards whose rows in memory are newer than their file (the journal's rows, or a rebuild). */
  dirty: Set<string>;
  /** Something was rebuilt from the article files: the store compacts at once. */
  rebuilt: boolean;
  /** What was repaired, for the user. */
  notices: string[];
  /** What a reader found damaged and left alone (the notebook opens read-only). */
  damaged: string[];
};

/**
 * The catalog as the files hold it: the 256 shards with the journal's rows read over them (ADR 004).
 * With `repair` (a writer), a shard that does not parse is copied aside and rebuilt from the article
 * files, and so is every shard when a journal line is broken (which rows it held cannot be known); a
 * reader only reports what it found.
 */
export async function readCatalogFiles(l: Layout, durability: Durability, repair: boolean): Promise<CatalogFiles> {
  const out: CatalogFiles = { shards: new Map(), journal: null!, dirty: new Set(), rebuilt: false, notices: [], damaged: [] };
  const stamp = repairStamp();
  // The journal is read before the shards: a reader beside a writer that compacts in between then sees
  // either the old shards and the whole journal, or new shards that already hold every row it read.
  const journal = (out.journal = await readJournal(l.catalogJournal));
  const rebuiltShards = new Set<string>();
  await Promise.all(
    allShards.map(async (name) => {
      const file = l.catalogShard(name);
      const db = new Low<Shard>(new DurableJsonFile(file, l.tmp, durability), { entries: {} });
      try {
        await db.read();
      } catch (e) {
        if (!repair) {
          out.damaged.push(`${file}: ${(e as Error).message}`);
        } else {
          // The catalog is derived from the article files: keep a copy of the broken shard, rebuild it.
          const copy = await keepDamagedCopy(l, file, stamp);
          db.data = { entries: (await rebuildShardEntries(l, name)).entries };
          await db.write();
          rebuiltShards.add(name);
          out.notices.push(
            `catalog/${name}.json was damaged and has been rebuilt from the article files (${Object.keys(db.data.entries).length} articles; the damaged file is kept at ${copy})`,
          );
        }
      }
      out.shards.set(name, db);
    }),
  );
  if (journal.damage && !repair) {
    out.damaged.push(journal.damage);
  } else if (journal.damage) {
    const copy = await keepDamagedCopy(l, l.catalogJournal, stamp);
    for (const name of allShards) {
      out.shards.get(name)!.data = { entries: (await rebuildShardEntries(l, name)).entries };
      out.dirty.add(name);
    }
    out.rebuilt = true;
    out.notices.push(
      `catalog/journal.jsonl was damaged; the catalog has been rebuilt from the article files (the damaged file is kept at ${copy})`,
    );
  } else {
    // Rows of a shard just rebuilt from the article files are older than those files: the files win.
    for (const row of journal.rows) {
      const name = shardOf(row.id);
      if (rebuiltShards.has(name)) continue;
      out.shards.get(name)!.data.entries[row.id] = row;
      out.dirty.add(name);
    }
  }
  out.rebuilt ||= rebuiltShards.size > 0;
  return out;
}
