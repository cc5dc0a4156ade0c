import { readdir } from 'node:fs/promises';
import { Low } from 'lowdb';
import { isAppError } from '../../contract/errors';
import type { CatalogEntry } from '../../core/article/article-record';
import type { JournalRead } from './catalog-journal';
import { readJournal } from './catalog-journal';
import type { Durability } from './durable-json-file';
import { DurableJsonFile } from './durable-json-file';
import type { Layout } from './notebook-layout';
import { shardOf } from './notebook-layout';
import { keepDamagedCopy, rebuildShardEntries, repairStamp } from './repair';
import { shardProblem } from './stored-shapes';

export type Shard = { entries: Record<string, CatalogEntry> };

const HEX = '0123456789abcdef';
export const allShards = [...HEX].flatMap((a) => [...HEX].map((b) => a + b));

export type CatalogFiles = {
  shards: Map<string, Low<Shard>>;
  journal: JournalRead;
  /** Shards whose rows in memory are newer than their file (the journal's rows, or a rebuild). */
  dirty: Set<string>;
  /** Something was rebuilt from the article files: the store compacts at once, and looks for articles left out. */
  rebuilt: boolean;
  /** What was repaired, for the user. */
  notices: string[];
  /** What was found damaged or unreadable and left alone (the notebook opens read-only, saying why). */
  damaged: string[];
};

/**
 * The shards the catalog folder holds, or null when it cannot be listed (then every shard is tried). A
 * notebook of a few articles has a few of the 256: one listing spares the others a failed open each, which
 * was most of the time `parallax list` spent opening the sample. Listed after the journal is read, so a
 * shard a compaction writes later holds only rows the journal read already gave.
 */
async function shardsPresent(l: Layout): Promise<Set<string> | null> {
  try {
    return new Set((await readdir(l.catalogDir)).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -'.json'.length)));
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? new Set() : null;
  }
}

/** An empty shard for one that could not be read: its rows stay unknown, so nothing may be written. */
const emptyShard = (): Shard => ({ entries: {} });

/**
 * The catalog as the files hold it: the 256 shards with the journal's rows read over them (ADR 004).
 * With `repair` (a writer), a shard that does not parse or has the wrong shape is copied aside and rebuilt
 * from the article files, and so is every shard when a journal line is broken (which rows it held cannot
 * be known); a reader only reports what it found. A file that cannot be read (an I/O error: no permission,
 * a disk error) is not damage and is never rebuilt: the notebook opens read-only and says which and why.
 */
export async function readCatalogFiles(l: Layout, durability: Durability, repair: boolean): Promise<CatalogFiles> {
  const out: CatalogFiles = { shards: new Map(), journal: null!, dirty: new Set(), rebuilt: false, notices: [], damaged: [] };
  const stamp = repairStamp();
  // The journal is read before the shards: a reader beside a writer that compacts in between then sees
  // either the old shards and the whole journal, or new shards that already hold every row it read.
  let journal: JournalRead;
  try {
    journal = await readJournal(l.catalogJournal);
  } catch (e) {
    out.damaged.push((e as Error).message);
    journal = { exists: true, rows: [], inFlight: [], goodBytes: 0, tornBytes: 0, damage: null };
  }
  out.journal = journal;
  const rebuiltShards = new Set<string>();
  const present = await shardsPresent(l);
  await Promise.all(
    allShards.map(async (name) => {
      const file = l.catalogShard(name);
      const db = new Low<Shard>(new DurableJsonFile(file, l.tmp, durability), emptyShard());
      if (present && !present.has(name)) {
        out.shards.set(name, db); // no file: no rows yet, as reading a missing shard gives
        return;
      }
      let problem: string | null;
      try {
        await db.read();
        problem = shardProblem(db.data, name);
      } catch (e) {
        if (isAppError(e) && e.code === 'CORRUPT') {
          problem = 'it does not parse as JSON';
        } else {
          out.damaged.push((e as Error).message);
          db.data = emptyShard();
          out.shards.set(name, db);
          return;
        }
      }
      if (problem && !repair) {
        out.damaged.push(`${file} is damaged: ${problem}`);
        db.data = emptyShard();
      } else if (problem) {
        // The catalog is derived from the article files: keep a copy of the broken shard, rebuild it.
        // Without the copy nothing is rewritten (keepDamagedCopy throws, the notebook opens read-only).
        try {
          const copy = await keepDamagedCopy(l, file, stamp, durability);
          db.data = { entries: (await rebuildShardEntries(l, name)).entries };
          await db.write();
          rebuiltShards.add(name);
          out.notices.push(
            `catalog/${name}.json was damaged (${problem}) and has been rebuilt from the article files (${Object.keys(db.data.entries).length} articles; the damaged file is kept at ${copy})`,
          );
        } catch (e) {
          out.damaged.push(`${file} is damaged (${problem}) and could not be rebuilt: ${(e as Error).message}`);
          db.data = emptyShard();
        }
      }
      out.shards.set(name, db);
    }),
  );
  if (journal.damage && !repair) {
    out.damaged.push(journal.damage);
  } else if (journal.damage) {
    try {
      const copy = await keepDamagedCopy(l, l.catalogJournal, stamp, durability);
      for (const name of allShards) {
        out.shards.get(name)!.data = { entries: (await rebuildShardEntries(l, name)).entries };
        out.dirty.add(name);
      }
      out.rebuilt = true;
      out.notices.push(
        `catalog/journal.jsonl was damaged (${journal.damage.replace(`${l.catalogJournal} `, '')}); the catalog has been rebuilt from the article files (the damaged file is kept at ${copy})`,
      );
    } catch (e) {
      out.damaged.push(`${journal.damage}, and the catalog could not be rebuilt: ${(e as Error).message}`);
    }
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
