import { createHash, randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import type { Annotation, SyncConflict, SyncInput, SyncReport } from '../../contract';
import { AppError, clip } from '../../contract';
import type { ArticleRecord, UserMeta } from '../../core/article/article-record';
import { reanchorAll } from '../../core/anchoring/anchor';
import type { MetaDelta, SetDelta } from '../../core/sync/merge-rules';
import { applyMetaDelta, applySetDelta, clashingFields, isEmptyMetaDelta, isEmptySetDelta, metaDelta, pickRecord, setDelta } from '../../core/sync/merge-rules';
import type { ArticleText, SyncKind } from '../../core/sync/sync-units';
import type { NotebookKind } from '../../core/sync/sync-units';
import { articleText, isNotebookKind, sharedAnnotation, stableJson, takeText, unitKey } from '../../core/sync/sync-units';
import type { ConflictTexts } from './conflict-texts';
import { writeConflictTexts } from './conflict-texts';
import type { NotebookStore } from '../store/notebook-store';
import { creditArrived, creditOf, tagCreditsOf } from '../../core/tags/tag-credits';
import type { TagDelta } from './checked-changes';
import { badChange, checkedAnnotation, checkedMeta, checkedTags, checkedText, newRecordFrom, parseBody } from './checked-changes';
import { parseRemoteAddress } from './remote-address';
import type { NewChange, RemoteChange } from './remote-db';
import { RemoteDb } from './remote-db';
import type { Pushed, Shadow, SyncState } from './sync-state';
import { SyncStateFile } from './sync-state';
import type { ListEffects, NotebookLists } from './sync-lists';
import { applyListChanges, listIntents, listsOf, ownListChangeSeen } from './sync-lists';

const hashOf = (v: unknown) => createHash('sha256').update(stableJson(v)).digest('hex').slice(0, 32);

export type SyncOptions = {
  /** Changes per pulled or pushed batch. */
  batch?: number;
  /** Called after each batch is recorded (progress; the fault tests cut the connection or kill the process here). */
  onBatch?: (phase: 'pull' | 'push', count: number) => void | Promise<void>;
  /** The stories, tag colours and saved searches the app serves (by default read afresh from the notebook). */
  lists?: NotebookLists;
};

type Counts = SyncReport['pushed'];
const zero = (): Counts => ({ articles: 0, annotations: 0, tags: 0, metadata: 0, stories: 0, tagColours: 0, savedSearches: 0 });
const countField: Record<SyncKind, keyof Counts> = {
  article: 'articles',
  annotation: 'annotations',
  'article-tags': 'tags',
  'article-meta': 'metadata',
  story: 'stories',
  'story-articles': 'stories',
  'tag-colour': 'tagColours',
  'saved-search': 'savedSearches',
};
const count = (c: Counts, kind: SyncKind) => void c[countField[kind]]++;

/** A change of the batch being applied: what it does to the shadow, the pushed list and the conflicts. */
type BatchEffects = {
  shadows: Record<string, Shadow | null>;
  pushed: Record<string, Pushed | null>;
  conflicts: SyncConflict[];
  /** The two texts of each text conflict, by conflict id (written beside the sync state, conflict-texts.ts). */
  texts: Record<string, ConflictTexts>;
  merged: number;
};

/**
 * One sync of a notebook with its team database (ADR 007): pull everyone else's changes in the server's
 * order and merge them in, then push this copy's changes since the last sync. Each batch is recorded in the
 * sync journal before the next, so a sync killed or cut off anywhere is finished by the next one, with
 * nothing lost or applied twice. A failure to connect or a database of another program changes nothing.
 */
export async function syncNotebook(store: NotebookStore, input: SyncInput, options: SyncOptions = {}): Promise<SyncReport> {
  if (store.readOnly) throw new AppError('READ_ONLY', 'The notebook is open read-only; close the other copy of Parallax to sync');
  const batch = options.batch ?? 500;
  const file = await SyncStateFile.open(store.layout.root, store.layout.tmp);
  const st = file.state;
  const remoteText = input.remote ?? st.remote;
  if (!remoteText) throw new AppError('BAD_INPUT', 'Name the team database once: parallax sync --remote postgres://user@host:port/database');
  const address = parseRemoteAddress(remoteText, st.user ?? safeUserName());
  if (st.remote && st.remote !== address.url && st.lastSeq > 0)
    throw new AppError('CONFLICT', `This notebook syncs with ${st.remote}; a notebook meets one team database (sync a copy of it with ${address.url})`);
  const user = input.user ?? st.user ?? address.user;
  const db = await RemoteDb.connect(address, input.password);
  try {
    const { created } = await db.ensureSchema();
    if (st.remote !== address.url || st.user !== user) await file.append({ remote: address.url, user });
    const report: SyncReport = { remote: address.url, user, created, pushed: zero(), pulled: zero(), merged: 0, conflicts: [], lastSeq: st.lastSeq };
    const lists = options.lists ?? listsOf(store);
    await pull(store, lists, db, file, batch, report, options);
    await push(store, lists, db, file, user, batch, report, options);
    await file.compact();
    report.lastSeq = st.lastSeq;
    return report;
  } finally {
    await db.close();
  }
}

function safeUserName(): string {
  try {
    return userInfo().username || 'parallax';
  } catch {
    return 'parallax';
  }
}

async function pull(store: NotebookStore, lists: NotebookLists, db: RemoteDb, file: SyncStateFile, batch: number, report: SyncReport, options: SyncOptions) {
  const st = file.state;
  for (;;) {
    const changes = await db.pull(st.lastSeq, batch);
    if (!changes.length) return;
    const effects: BatchEffects = { shadows: {}, pushed: {}, conflicts: [], texts: {}, merged: 0 };
    const byArticle = new Map<string, RemoteChange[]>();
    const ofNotebook: Array<RemoteChange & { kind: NotebookKind }> = [];
    for (const c of changes) {
      if (isNotebookKind(c.kind)) ofNotebook.push(c as RemoteChange & { kind: NotebookKind });
      else byArticle.set(c.articleId, [...(byArticle.get(c.articleId) ?? []), c]);
    }
    for (const [articleId, group] of byArticle) await applyGroup(store, st, articleId, group, effects, report);
    await applyNotebookGroup(lists, st, ofNotebook, effects, report);
    await writeConflictTexts(store.layout.root, store.layout.tmp, effects.texts);
    await file.append({ lastSeq: changes[changes.length - 1]!.seq, shadows: effects.shadows, pushed: effects.pushed, conflicts: effects.conflicts });
    report.merged += effects.merged;
    report.conflicts.push(...effects.conflicts);
    await options.onBatch?.('pull', changes.length);
  }
}

/** The shadow as this batch has left it so far. */
const shadowOf = (st: SyncState, fx: BatchEffects, k: string): Shadow | undefined => (k in fx.shadows ? (fx.shadows[k] ?? undefined) : st.shadows[k]);
const pushedOf = (st: SyncState, fx: BatchEffects, k: string): Pushed | undefined => (k in fx.pushed ? (fx.pushed[k] ?? undefined) : st.pushed[k]);

async function applyGroup(store: NotebookStore, st: SyncState, articleId: string, group: RemoteChange[], fx: BatchEffects, report: SyncReport) {
  const theirs = group.filter((c) => c.device !== st.device);
  // This copy's own changes coming back: only the shadow learns the server has them.
  for (const c of group.filter((c) => c.device === st.device)) ownChangeSeen(st, fx, c);
  if (!theirs.length) return;
  if (!store.entry(articleId)) {
    const text = [...theirs].reverse().find((c) => c.kind === 'article');
    if (!text) {
      // An annotation or tag of an article this copy does not have and was not sent: nothing to attach it to.
      return;
    }
    const record = newRecordFrom(articleId, text);
    for (const c of theirs) applyChange(st, fx, record, c, report);
    await store.putArticles([record]);
    return;
  }
  await store.updateArticle(articleId, (record) => {
    for (const c of theirs) applyChange(st, fx, record, c, report);
  });
}

/** Stories, tag colours and saved searches: this copy's own coming back, then everyone else's (sync-lists.ts). */
async function applyNotebookGroup(lists: NotebookLists, st: SyncState, group: Array<RemoteChange & { kind: NotebookKind }>, fx: BatchEffects, report: SyncReport) {
  if (!group.length) return;
  const lfx: ListEffects = {
    shadowOf: (k) => shadowOf(st, fx, k),
    pushedOf: (k) => pushedOf(st, fx, k),
    setShadow: (k, s) => void (fx.shadows[k] = s),
    conflict: (c, detail, kept, other, side, whole) => conflict(c, null, detail, kept, other, side, whole),
    conflicts: fx.conflicts,
    hashOf,
    bad: badChange,
    parse: parseBody,
  };
  for (const c of group) if (c.device === st.device) ownListChangeSeen(lfx, c);
  for (const c of group) if (c.device === st.device) clearPushed(st, fx, c);
  const theirs = group.filter((c) => c.device !== st.device);
  if (!theirs.length) return;
  const before = fx.conflicts.length;
  await applyListChanges(lists, lfx, theirs);
  for (const c of theirs) count(report.pulled, c.kind);
  fx.merged += fx.conflicts.length - before;
}

/** This copy's change is back in the server's order: nothing it pushed is ordered after anything pulled any more. */
function clearPushed(st: SyncState, fx: BatchEffects, c: RemoteChange) {
  const k = unitKey(c.kind, c.key);
  const p = pushedOf(st, fx, k);
  if (p && p.seq <= c.seq) fx.pushed[k] = null;
}

function ownChangeSeen(st: SyncState, fx: BatchEffects, c: RemoteChange) {
  const k = unitKey(c.kind, c.key);
  const sh = shadowOf(st, fx, k) ?? {};
  if (c.kind === 'article') fx.shadows[k] = { h: hashOf(parseBody(c)) };
  else if (c.kind === 'article-meta') fx.shadows[k] = { meta: applyMetaDelta(sh.meta ?? {}, parseBody<MetaDelta>(c)) };
  else if (c.kind === 'article-tags') fx.shadows[k] = { tags: applySetDelta(sh.tags ?? [], parseBody<SetDelta>(c)) };
  else fx.shadows[k] = c.deleted ? null : { h: hashOf(sharedAnnotation(parseBody<Annotation>(c), c.author)) };
  clearPushed(st, fx, c);
}

/** `keptSide`: whose value stayed. The id is random: the conflict is journalled with it, so a replay keeps it. */
function conflict(
  c: RemoteChange,
  articleId: string | null,
  detail: string | null,
  kept: string | null,
  other: string | null,
  keptSide: 'mine' | 'theirs',
  whole?: { kept: unknown; other: unknown },
): SyncConflict {
  const id = randomBytes(6).toString('hex');
  const values = whole ? { keptValue: JSON.stringify(whole.kept), otherValue: JSON.stringify(whole.other) } : {};
  return { id, at: new Date().toISOString(), kind: c.kind, articleId, detail, kept, other, otherAuthor: c.author, theirsAt: c.editedAt, keptSide, ...values };
}

/** A text conflict: listed in summary (word counts), its two texts kept whole beside it so either can be kept. */
function textConflict(fx: BatchEffects, c: RemoteChange, articleId: string, texts: ConflictTexts, keptSide: 'mine' | 'theirs') {
  const x = { ...conflict(c, articleId, 'text', wordsOf(texts.kept), wordsOf(texts.other), keptSide), textsKept: true };
  fx.texts[x.id] = texts;
  fx.conflicts.push(x);
}

const shortText = (a: Annotation | null) => (a ? clip(a.note || a.quote.exact, 120) : null);
const wordsOf = (t: ArticleText) => `${t.analysis.wordCount} words`;

/** Another copy's change merged into `record` (in memory; the caller writes it once per article). */
function applyChange(st: SyncState, fx: BatchEffects, record: ArticleRecord, c: RemoteChange, report: SyncReport) {
  const k = unitKey(c.kind, c.key);
  const sh = shadowOf(st, fx, k);
  const p = pushedOf(st, fx, k);
  // This copy pushed a change to the same thing that the server ordered after this one: ours is the later.
  const oursLater = p !== undefined && p.seq > c.seq;
  count(report.pulled, c.kind);
  switch (c.kind) {
    case 'article': {
      const body = checkedText(c, record.id);
      const remoteHash = hashOf(body);
      const localText = articleText(record);
      const localHash = hashOf(localText);
      fx.shadows[k] = { h: remoteHash };
      if (localHash === remoteHash) return;
      const localChanged = localHash !== sh?.h;
      if (oursLater) {
        textConflict(fx, c, record.id, { kept: localText, other: body }, 'mine');
        return;
      }
      const pick = pickRecord({ value: localText, changed: localChanged, editedAt: record.updatedAt }, { value: body, changed: true, editedAt: c.editedAt });
      if (pick.value === body) takeText(record, body);
      if (localChanged) fx.merged++;
      if (pick.conflict) textConflict(fx, c, record.id, { kept: pick.value as ArticleText, other: pick.conflict }, pick.value === body ? 'theirs' : 'mine');
      return;
    }
    case 'article-meta': {
      const delta = checkedMeta(c);
      const base = sh?.meta ?? {};
      let skip: Set<string>;
      if (oursLater) {
        skip = new Set(p.fields ?? []);
      } else {
        const localIsLater = record.updatedAt > c.editedAt;
        const clash = clashingFields(base, record.userMeta, delta, localIsLater);
        skip = clash.keepLocal;
        for (const f of clash.conflicts) fx.conflicts.push(conflict(c, record.id, f.field, f.kept, f.other, localIsLater ? 'mine' : 'theirs'));
        if (clash.conflicts.length) fx.merged++;
      }
      record.userMeta = applyMetaDelta(record.userMeta, delta, skip) as UserMeta;
      fx.shadows[k] = { meta: applyMetaDelta(base, delta) };
      return;
    }
    case 'article-tags': {
      const delta = checkedTags(c);
      const keep = oursLater ? new Set(p.tags ?? []) : new Set<string>();
      if (!isEmptySetDelta(setDelta(sh?.tags ?? [], record.tags))) fx.merged++;
      const before = record.tags;
      record.tags = applySetDelta(record.tags, delta, keep);
      // One sent by a Parallax that did not yet say who put a tag on is its sender's, at the change's time.
      const sent = new Map((delta.credits ?? []).map((x) => [x.tag, x]));
      const creditFor = (tag: string) => sent.get(tag) ?? creditOf(tag, c.author, c.editedAt);
      record.tagCredits = creditArrived(record.tagCredits, before, record.tags, delta.add.filter((t) => !keep.has(t)), creditFor);
      fx.shadows[k] = { tags: applySetDelta(sh?.tags ?? [], delta) };
      return;
    }
    case 'annotation': {
      const remote = checkedAnnotation(c, record.id);
      const id = c.key.slice(record.id.length + 1);
      const local = record.annotations.find((a) => a.id === id) ?? null;
      const localHash = local ? hashOf(sharedAnnotation(local, st.user ?? '')) : null;
      const remoteHash = remote ? hashOf(sharedAnnotation(remote, c.author)) : null;
      fx.shadows[k] = remoteHash ? { h: remoteHash } : null;
      if (localHash === remoteHash) return;
      const localChanged = localHash !== (sh?.h ?? null);
      let value: Annotation | null;
      if (oursLater) {
        value = local;
        if (local && remote) fx.conflicts.push(conflict(c, record.id, id, shortText(local), shortText(remote), 'mine', { kept: local, other: remote }));
      } else {
        const pick = pickRecord({ value: local, changed: localChanged, editedAt: local?.updatedAt ?? record.updatedAt }, { value: remote, changed: true, editedAt: c.editedAt });
        value = pick.value;
        // Both sides whole, so either can be kept afterwards (Keep mine / Keep theirs).
        if (pick.conflict)
          fx.conflicts.push(conflict(c, record.id, id, shortText(pick.value), shortText(pick.conflict), pick.value === local ? 'mine' : 'theirs', { kept: pick.value, other: pick.conflict }));
        if (localChanged) fx.merged++;
      }
      const others = record.annotations.filter((a) => a.id !== id);
      record.annotations = value === local ? record.annotations : value ? [...others, ...reanchorAll([value], record.analysis.body).annotations] : others;
      return;
    }
  }
}

async function push(store: NotebookStore, lists: NotebookLists, db: RemoteDb, file: SyncStateFile, user: string, batch: number, report: SyncReport, options: SyncOptions) {
  const st = file.state;
  const scanFrom = st.lastScanAt;
  const scanStartedAt = new Date().toISOString();
  const ids: string[] = [];
  for (const e of store.entries()) if (scanFrom === null || e.updatedAt >= scanFrom) ids.push(e.id);
  // Annotations whose shadow is here but which are gone from their article: deleted on this copy.
  const annotationShadows = new Map<string, string[]>();
  for (const k of Object.keys(st.shadows)) {
    if (!k.startsWith('annotation:')) continue;
    const key = k.slice('annotation:'.length);
    const articleId = key.slice(0, key.indexOf('/'));
    annotationShadows.set(articleId, [...(annotationShadows.get(articleId) ?? []), key]);
  }
  let pending: Array<{ change: NewChange; k: string; shadow: Shadow | null; pushed: Omit<Pushed, 'seq'> }> = [];
  let bytes = 0;
  const flush = async () => {
    if (!pending.length) return;
    const { seqs, caughtUp } = await db.push(
      pending.map((p) => p.change),
      st.lastSeq,
    );
    const shadows: Record<string, Shadow | null> = {};
    const pushed: Record<string, Pushed | null> = {};
    for (const p of pending) {
      shadows[p.k] = p.shadow;
      const seq = seqs.get(p.change.changeId);
      // Caught up, nothing is ordered after this change but this copy's own: it need not wait to come back.
      if (caughtUp !== null) pushed[p.k] = null;
      else if (seq !== undefined) pushed[p.k] = { seq, ...p.pushed };
      count(report.pushed, p.change.kind);
    }
    // Nobody else pushed since this copy's last pull: its own changes are applied here already (the shadows
    // above say so), so the next sync does not pull them back (at 100k articles that was a minute).
    await file.append({ shadows, pushed, ...(caughtUp !== null ? { lastSeq: caughtUp } : {}) });
    await options.onBatch?.('push', pending.length);
    pending = [];
    bytes = 0;
  };
  const add = (kind: SyncKind, key: string, articleId: string, editedAt: string, body: unknown, shadow: Shadow | null, pushed: Omit<Pushed, 'seq'> = {}) => {
    const k = unitKey(kind, key);
    const text = body === null ? null : JSON.stringify(body);
    const changeId = hashOf([st.device, k, st.shadows[k] ?? null, text]);
    pending.push({ change: { changeId, kind, key, articleId, author: user, device: st.device, editedAt, deleted: body === null, body: text }, k, shadow, pushed });
    bytes += text?.length ?? 0;
  };
  for (const id of ids) {
    let record: ArticleRecord;
    try {
      record = await store.readArticle(id);
    } catch {
      continue; // an article the store cannot read is reported by the store; it goes in a later sync
    }
    const text = articleText(record);
    const textHash = hashOf(text);
    if (textHash !== st.shadows[unitKey('article', id)]?.h) add('article', id, id, record.updatedAt, text, { h: textHash });
    const md = metaDelta(st.shadows[unitKey('article-meta', id)]?.meta ?? {}, record.userMeta);
    if (!isEmptyMetaDelta(md)) add('article-meta', id, id, record.updatedAt, md, { meta: record.userMeta }, { fields: [...Object.keys(md.set), ...md.unset] });
    const td = setDelta(st.shadows[unitKey('article-tags', id)]?.tags ?? [], record.tags);
    if (!isEmptySetDelta(td)) {
      // Who put each added tag on goes with it; one put on before the notebook had a user name is this user's.
      const credits = tagCreditsOf(td.add, record.tagCredits, user).map((x) => ({ tag: x.tag, by: x.by ?? user, at: x.at ?? record.updatedAt }));
      const body: TagDelta = td.add.length ? { ...td, credits } : td;
      add('article-tags', id, id, record.updatedAt, body, { tags: [...record.tags].sort() }, { tags: [...td.add, ...td.remove] });
    }
    const here = new Set<string>();
    for (const a of record.annotations) {
      const key = `${id}/${a.id}`;
      here.add(key);
      const h = hashOf(sharedAnnotation(a, user));
      // Sent with its anchor (each copy finds its own); one made before the notebook had a user name goes as this user's.
      if (h !== st.shadows[unitKey('annotation', key)]?.h) add('annotation', key, id, a.updatedAt, { ...a, author: a.author ?? user }, { h });
    }
    for (const key of annotationShadows.get(id) ?? []) if (!here.has(key)) add('annotation', key, id, record.updatedAt, null, null);
    if (pending.length >= batch || bytes > 16 * 1024 * 1024) await flush();
  }
  await flush();
  // Stories, colours and saved searches are few: compared whole with their shadows every sync.
  for (const i of await listIntents(lists, st, hashOf)) {
    add(i.kind, i.key, '', i.editedAt, i.body, i.shadow, i.pushed);
    if (pending.length >= batch) await flush();
  }
  await flush();
  await file.append({ lastScanAt: scanStartedAt });
}
