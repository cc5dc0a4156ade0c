import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../contract/errors';
import type { UserMeta } from '../../core/article/article-record';
import type { SyncConflict } from '../../contract';
import { writeFileAtomic } from '../store/durable-json-file';

/** What this copy last agreed with the server about one unit (ADR 007). */
export type Shadow = {
  /** Hash of a whole-record unit (an article's text, an annotation). */
  h?: string;
  meta?: UserMeta;
  tags?: string[];
  /** A story's articles. */
  members?: string[];
  /** A story's name as last agreed, to bring it back if its articles are changed after this copy deleted it. */
  story?: { name: string; createdAt: string };
};

/** A change this copy pushed and has not yet seen come back in the server's order. */
export type Pushed = { seq: number; fields?: string[]; /** Set members (tags, a story's articles) it changed. */ tags?: string[] };

export type SyncState = {
  version: 1;
  /** The team database, without a password (remote-address.ts). */
  remote: string | null;
  user: string | null;
  /** This copy's id, so its own changes are known when they come back. */
  device: string;
  /** The last server change applied here. */
  lastSeq: number;
  /** Articles changed after this time are looked at by the next push. */
  lastScanAt: string | null;
  shadows: Record<string, Shadow>;
  pushed: Record<string, Pushed>;
  conflicts: SyncConflict[];
  /** The reader shows other members' annotations unless this is false. */
  showOthers: boolean;
};

type JournalLine = {
  showOthers?: boolean;
  lastSeq?: number;
  lastScanAt?: string;
  remote?: string;
  user?: string;
  shadows?: Record<string, Shadow | null>;
  pushed?: Record<string, Pushed | null>;
  conflicts?: SyncConflict[];
  /** Conflicts settled (notebook.resolveConflict), by id. */
  resolved?: string[];
};

const fresh = (): SyncState => ({
  version: 1,
  remote: null,
  user: null,
  device: randomBytes(8).toString('hex'),
  lastSeq: 0,
  lastScanAt: null,
  shadows: {},
  pushed: {},
  conflicts: [],
  showOthers: true,
});

/**
 * The sync state of a notebook: `sync/state.json` (rewritten whole at the end of a sync) and
 * `sync/journal.jsonl` (one line per applied or pushed batch, appended and flushed). A sync killed at any
 * point leaves whole lines; a torn last line is ignored, and the batch it described is done again, which
 * the server's change ids and the merge rules make harmless. Both files are private to the user (0600):
 * they name the team database.
 */
export class SyncStateFile {
  private constructor(
    private readonly dir: string,
    private readonly tmp: string,
    readonly state: SyncState,
  ) {}

  static async open(root: string, tmp: string): Promise<SyncStateFile> {
    const dir = join(root, 'sync');
    let state = fresh();
    const text = await readFile(join(dir, 'state.json'), 'utf8').catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return null;
      throw e;
    });
    if (text !== null) {
      try {
        state = { ...fresh(), ...(JSON.parse(text) as SyncState) };
        state.conflicts = state.conflicts.map(withDefaults);
      } catch {
        throw new AppError('CORRUPT', 'sync/state.json does not parse; move the sync folder aside and sync again (the next sync pulls and pushes everything again, merging)');
      }
    }
    const journal = await readFile(join(dir, 'journal.jsonl'), 'utf8').catch(() => '');
    for (const line of journal.split('\n')) {
      if (!line.trim()) continue;
      let entry: JournalLine;
      try {
        entry = JSON.parse(line) as JournalLine;
      } catch {
        break; // a line torn by a kill: the batch it described is done again
      }
      fold(state, entry);
    }
    return new SyncStateFile(dir, tmp, state);
  }

  /** Records one batch durably before the sync goes on. */
  async append(entry: JournalLine): Promise<void> {
    fold(this.state, entry);
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const handle = await open(join(this.dir, 'journal.jsonl'), 'a', 0o600);
    try {
      await handle.write(`${JSON.stringify(entry)}\n`);
      await handle.datasync();
    } finally {
      await handle.close();
    }
  }

  /** Folds the journal into state.json. */
  async compact(): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    await writeFileAtomic(join(this.dir, 'state.json'), JSON.stringify(this.state), this.tmp, 'fsync', 0o600);
    await rm(join(this.dir, 'journal.jsonl'), { force: true });
  }
}

function fold(state: SyncState, e: JournalLine): void {
  if (e.lastSeq !== undefined) state.lastSeq = Math.max(state.lastSeq, e.lastSeq);
  if (e.lastScanAt !== undefined) state.lastScanAt = e.lastScanAt;
  if (e.remote !== undefined) state.remote = e.remote;
  if (e.user !== undefined) state.user = e.user;
  if (e.showOthers !== undefined) state.showOthers = e.showOthers;
  for (const [k, v] of Object.entries(e.shadows ?? {})) {
    if (v === null) delete state.shadows[k];
    else state.shadows[k] = v;
  }
  for (const [k, v] of Object.entries(e.pushed ?? {})) {
    if (v === null) delete state.pushed[k];
    else state.pushed[k] = v;
  }
  // Settled ones leave before new ones come: a conflict put back (undo) is one line with both.
  if (e.resolved?.length) {
    const gone = new Set(e.resolved);
    state.conflicts = state.conflicts.filter((c) => !gone.has(c.id));
  }
  if (e.conflicts?.length) state.conflicts.push(...e.conflicts.map(withDefaults));
}

/**
 * A conflict recorded before conflicts could be settled has no id, no time of the other edit and no side:
 * it gets an id from its content (the same at every open), its record time, and 'mine' (the older rule kept
 * this copy's value more often; keeping either side still works, at worst as a dismissal).
 */
function withDefaults(c: SyncConflict): SyncConflict {
  const old = c as Partial<SyncConflict> & Omit<SyncConflict, 'id' | 'theirsAt' | 'keptSide'>;
  if (old.id && old.theirsAt && old.keptSide) return c;
  const id = old.id ?? createHash('sha256').update(JSON.stringify([old.at, old.kind, old.articleId, old.detail, old.kept, old.other, old.otherAuthor])).digest('hex').slice(0, 12);
  return { ...old, id, theirsAt: old.theirsAt ?? old.at, keptSide: old.keptSide ?? 'mine' };
}
