import { join } from 'node:path';
import { AppError } from '../../contract/errors';
import { DurableJsonFile } from '../store/durable-json-file';
import type { NotebookStore } from '../store/notebook-store';

/** A bulk tag operation in flight; re-running it is harmless, so an interrupted one is simply run again. */
export type PendingTagOp =
  { op: 'rename'; from: string[]; to: string; startedAt: string } | { op: 'delete'; tag: string; startedAt: string };

/**
 * The tag file in memory. Colours are a Map, never a plain object: a tag may be called `__proto__`,
 * `constructor` or `toString`, and on an object those names reach the prototype (`colors['constructor']`
 * is a function, `'toString' in colors` is true, assigning `colors['__proto__']` changes nothing).
 */
export type TagFileData = { colors: ReadonlyMap<string, string>; pending: PendingTagOp | null; colorTimes: ReadonlyMap<string, string> };
/** What `update` hands its callback: a copy, kept only once it is on disk. */
export type TagFileDraft = { colors: Map<string, string>; pending: PendingTagOp | null; colorTimes: Map<string, string> };

/**
 * tags.json on disk (version 1): `colors` maps a tag to `#rrggbb`; `colorEditedAt` says when each tag's
 * colour was last set or taken off, so a team sync keeps the later of two edits (absent in older files).
 */
type StoredTagFile = { version: 1; colors: Record<string, string>; pending: PendingTagOp | null; colorEditedAt?: Record<string, string> };

const COLOR = /^#[0-9a-f]{6}$/i;

const isPendingOp = (v: unknown): v is PendingTagOp => {
  const p = v as PendingTagOp;
  if (!p || typeof p !== 'object') return false;
  if (p.op === 'rename') return Array.isArray(p.from) && p.from.every((f) => typeof f === 'string') && typeof p.to === 'string';
  return p.op === 'delete' && typeof p.tag === 'string';
};

/**
 * `<notebook>/tags.json`: tag colours and the journal of the bulk rename/merge/delete in progress (bulk
 * operations run one at a time, so there is at most one). Small and global, so it is its own file (never the
 * catalog). Writes are serialised so an older state can never land after a newer one, and a change is kept
 * in memory only once it is on disk: a write that failed (a full disk) is not persisted later by the next.
 */
export class TagFile {
  private readonly adapter: DurableJsonFile<StoredTagFile>;
  private readonly path: string;
  private current: TagFileData = { colors: new Map(), pending: null, colorTimes: new Map() };
  private loaded: Promise<void> | null = null;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly store: NotebookStore) {
    this.path = join(store.layout.root, 'tags.json');
    this.adapter = new DurableJsonFile<StoredTagFile>(this.path, store.layout.tmp, store.durability);
  }

  load(): Promise<void> {
    this.loaded ??= this.adapter
      .read()
      .then((d) => {
        if (d === null) return; // no tags.json yet: no colours, nothing pending
        if (typeof d !== 'object' || Array.isArray(d) || typeof d.colors !== 'object' || d.colors === null || Array.isArray(d.colors)) {
          throw new AppError('CORRUPT', `${this.path} is not a tag file; it was left untouched`);
        }
        // Object.entries lists own keys only, `__proto__` included (JSON.parse makes it an own key).
        const colors = new Map<string, string>();
        for (const [tag, color] of Object.entries(d.colors)) if (typeof color === 'string' && COLOR.test(color)) colors.set(tag, color);
        const colorTimes = new Map<string, string>();
        const times = d.colorEditedAt && typeof d.colorEditedAt === 'object' && !Array.isArray(d.colorEditedAt) ? d.colorEditedAt : {};
        for (const [tag, at] of Object.entries(times)) if (typeof at === 'string') colorTimes.set(tag, at);
        this.current = { colors, pending: isPendingOp(d.pending) ? d.pending : null, colorTimes };
      })
      .catch((e: unknown) => {
        this.loaded = null;
        throw e;
      });
    return this.loaded;
  }

  get data(): TagFileData {
    return this.current;
  }

  /** Change a copy of the data and write it; the copy becomes the data once written. Refused on a read-only notebook. */
  update(mutate: (d: TagFileDraft) => void): Promise<void> {
    if (this.store.readOnly) return Promise.reject(new AppError('READ_ONLY', this.store.notice ?? 'The notebook is read-only'));
    const run = async () => {
      const before = this.current;
      const draft: TagFileDraft = { colors: new Map(before.colors), pending: before.pending, colorTimes: new Map(before.colorTimes) };
      mutate(draft);
      // A colour changed without a time given (every edit but a sync's, which brings the other copy's) is stamped now.
      const now = new Date().toISOString();
      for (const tag of new Set([...before.colors.keys(), ...draft.colors.keys()]))
        if (before.colors.get(tag) !== draft.colors.get(tag) && draft.colorTimes.get(tag) === before.colorTimes.get(tag)) draft.colorTimes.set(tag, now);
      // Object.fromEntries defines own properties, so a tag named `__proto__` is written like any other.
      await this.adapter.write({ version: 1, colors: Object.fromEntries(draft.colors), pending: draft.pending, colorEditedAt: Object.fromEntries(draft.colorTimes) });
      this.current = { colors: draft.colors, pending: draft.pending, colorTimes: draft.colorTimes };
    };
    const next = this.tail.then(run, run);
    this.tail = next.catch(() => undefined);
    return next;
  }
}
