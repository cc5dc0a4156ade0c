import type { SavedSearch, Story, SyncConflict } from '../../contract';
import { TagColor, TagName } from '../../contract';
import type { SetDelta } from '../../core/sync/merge-rules';
import { applySetDelta, isEmptySetDelta, pickRecord, pickStory, setDelta } from '../../core/sync/merge-rules';
import type { NotebookKind } from '../../core/sync/sync-units';
import { unitKey } from '../../core/sync/sync-units';
import { StoryStore } from '../compare/story-store';
import { SavedSearches } from '../search/saved-searches';
import type { NotebookStore } from '../store/notebook-store';
import { TagFile } from '../tags/tag-file';
import type { RemoteChange } from './remote-db';
import type { Pushed, Shadow, SyncState } from './sync-state';

/**
 * What a team notebook shares beyond its articles (ADR 007): stories, tag colours, saved searches. The
 * instances the app serves from, so what a sync brings is what the next list shows.
 */
export type NotebookLists = { stories: StoryStore; tags: TagFile; searches: SavedSearches };

/** Fresh readers of the notebook's files, for a sync run outside the app (the CLI, tests). */
export const listsOf = (store: NotebookStore): NotebookLists => ({ stories: new StoryStore(store), tags: new TagFile(store), searches: new SavedSearches(store) });

type StoryHead = { name: string; createdAt: string };
type ColourBody = { color: string };
type SearchBody = { name: string; query: string; createdAt: string };

/** One change this copy has to push, with the shadow it leaves once the server has it. */
export type ListIntent = { kind: NotebookKind; key: string; editedAt: string; body: unknown; shadow: Shadow | null; pushed?: Omit<Pushed, 'seq'> };

/** What applying a batch does to the sync state, and the helpers it shares with the article changes. */
export type ListEffects = {
  shadowOf: (k: string) => Shadow | undefined;
  pushedOf: (k: string) => Pushed | undefined;
  setShadow: (k: string, s: Shadow | null) => void;
  /** `keptSide`: whose value stayed, this copy's or the other's. */
  /** `whole`: both sides as exchanged, where `kept`/`other` are only part of them (a saved search's query). */
  conflict: (c: RemoteChange, detail: string, kept: string | null, other: string | null, keptSide: 'mine' | 'theirs', whole?: { kept: unknown; other: unknown }) => SyncConflict;
  conflicts: SyncConflict[];
  hashOf: (v: unknown) => string;
  /** A change that is not one Parallax can apply: refused whole. */
  bad: (c: RemoteChange, why: string) => Error;
  parse: <T>(c: RemoteChange) => T;
};

const headOf = (s: Story): StoryHead => ({ name: s.name, createdAt: s.createdAt });
const searchOf = (s: SavedSearch): SearchBody => ({ name: s.name, query: s.query, createdAt: s.createdAt });
const keysOf = (st: SyncState, kind: NotebookKind) =>
  Object.keys(st.shadows)
    .filter((k) => k.startsWith(`${kind}:`))
    .map((k) => k.slice(kind.length + 1));

/** This copy's changes to stories, colours and saved searches since what it last agreed with the server. */
export async function listIntents(lists: NotebookLists, st: SyncState, hashOf: (v: unknown) => string): Promise<ListIntent[]> {
  const out: ListIntent[] = [];
  const now = new Date().toISOString();
  const stories = await lists.stories.list();
  for (const s of stories) {
    const head = headOf(s);
    const h = hashOf(head);
    // The name first, so every copy has the story before its articles arrive.
    if (h !== st.shadows[unitKey('story', s.id)]?.h) out.push({ kind: 'story', key: s.id, editedAt: s.updatedAt, body: head, shadow: { h, story: head } });
    const d = setDelta(st.shadows[unitKey('story-articles', s.id)]?.members ?? [], s.articleIds);
    if (!isEmptySetDelta(d)) out.push({ kind: 'story-articles', key: s.id, editedAt: s.updatedAt, body: d, shadow: { members: [...s.articleIds].sort() }, pushed: { tags: [...d.add, ...d.remove] } });
  }
  const storyIds = new Set(stories.map((s) => s.id));
  for (const id of keysOf(st, 'story')) if (!storyIds.has(id)) out.push({ kind: 'story', key: id, editedAt: now, body: null, shadow: null });

  await lists.tags.load();
  const { colors, colorTimes } = lists.tags.data;
  for (const [tag, color] of colors) {
    const h = hashOf({ color });
    if (h !== st.shadows[unitKey('tag-colour', tag)]?.h) out.push({ kind: 'tag-colour', key: tag, editedAt: colorTimes.get(tag) ?? now, body: { color }, shadow: { h } });
  }
  for (const tag of keysOf(st, 'tag-colour')) if (!colors.has(tag)) out.push({ kind: 'tag-colour', key: tag, editedAt: colorTimes.get(tag) ?? now, body: null, shadow: null });

  const searches = await lists.searches.list();
  for (const s of searches) {
    const h = hashOf(searchOf(s));
    if (h !== st.shadows[unitKey('saved-search', s.id)]?.h) out.push({ kind: 'saved-search', key: s.id, editedAt: s.updatedAt ?? s.createdAt, body: searchOf(s), shadow: { h } });
  }
  const searchIds = new Set(searches.map((s) => s.id));
  for (const id of keysOf(st, 'saved-search')) if (!searchIds.has(id)) out.push({ kind: 'saved-search', key: id, editedAt: now, body: null, shadow: null });
  return out;
}

/** This copy's own change coming back: only the shadow learns the server has it. */
export function ownListChangeSeen(fx: ListEffects, c: RemoteChange & { kind: NotebookKind }): void {
  const k = unitKey(c.kind, c.key);
  if (c.kind === 'story-articles') {
    fx.setShadow(k, { members: applySetDelta(fx.shadowOf(k)?.members ?? [], fx.parse<SetDelta>(c)) });
    return;
  }
  if (c.deleted) return fx.setShadow(k, null);
  const body = fx.parse<unknown>(c);
  fx.setShadow(k, c.kind === 'story' ? { h: fx.hashOf(body), story: body as StoryHead } : { h: fx.hashOf(body) });
}

const checkedString = (v: unknown, max: number) => typeof v === 'string' && v.trim().length > 0 && v.length <= max;

/**
 * Everyone else's changes to stories, colours and saved searches, in the server's order, each file written
 * once.
 */
export async function applyListChanges(lists: NotebookLists, fx: ListEffects, changes: Array<RemoteChange & { kind: NotebookKind }>): Promise<void> {
  // Checked before anything is written, so a change Parallax cannot apply leaves every list as it was.
  for (const c of changes) checkListChange(fx, c);
  const stories = changes.filter((c) => c.kind === 'story' || c.kind === 'story-articles');
  const colours = changes.filter((c) => c.kind === 'tag-colour');
  const searches = changes.filter((c) => c.kind === 'saved-search');
  if (stories.length) await lists.stories.applySync((list) => stories.forEach((c) => applyStoryChange(fx, list, c)));
  if (colours.length) {
    await lists.tags.load();
    await lists.tags.update((d) => colours.forEach((c) => applyColourChange(fx, d, c)));
  }
  if (searches.length) await lists.searches.applySync((list) => searches.forEach((c) => applySearchChange(fx, list, c)));
}

function checkListChange(fx: ListEffects, c: RemoteChange & { kind: NotebookKind }): void {
  if (c.kind === 'story-articles') {
    const d = fx.parse<SetDelta>(c);
    const ok = (l: unknown) => Array.isArray(l) && l.every((id) => typeof id === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(id));
    if (!d || !ok(d.add) || !ok(d.remove)) throw fx.bad(c, "its story's articles are not article ids");
    return;
  }
  if (c.kind === 'tag-colour' && (!TagName.safeParse(c.key).success || TagName.safeParse(c.key).data !== c.key)) throw fx.bad(c, 'its tag is not a tag name');
  if (c.deleted) return;
  const b = fx.parse<Record<string, unknown> | null>(c);
  if (!b || typeof b !== 'object') throw fx.bad(c, 'its content is not an object');
  if (c.kind === 'story' && !(checkedString(b.name, 300) && typeof b.createdAt === 'string')) throw fx.bad(c, 'it is not a story name');
  if (c.kind === 'tag-colour' && !TagColor.safeParse(b.color).success) throw fx.bad(c, 'its colour is not #rrggbb');
  if (c.kind === 'saved-search' && !(checkedString(b.name, 200) && checkedString(b.query, 1000) && typeof b.createdAt === 'string')) throw fx.bad(c, 'it is not a saved search');
}

/** Whether this copy pushed a change to the same thing that the server ordered after `c`: ours is the later. */
const oursLater = (fx: ListEffects, c: RemoteChange) => {
  const p = fx.pushedOf(unitKey(c.kind, c.key));
  return p !== undefined && p.seq > c.seq;
};

function applyStoryChange(fx: ListEffects, list: Story[], c: RemoteChange): void {
  const k = unitKey(c.kind, c.key);
  const i = list.findIndex((s) => s.id === c.key);
  const local = i >= 0 ? list[i]! : null;
  const membersKey = unitKey('story-articles', c.key);
  const members = fx.shadowOf(membersKey)?.members ?? [];
  if (c.kind === 'story-articles') {
    const delta = fx.parse<SetDelta>(c);
    fx.setShadow(k, { members: applySetDelta(members, delta) });
    const keep = oursLater(fx, c) ? new Set(fx.pushedOf(k)?.tags ?? []) : new Set<string>();
    if (local) local.articleIds = applySetDelta(local.articleIds, delta, keep);
    else {
      // Deleted here and not yet pushed, while someone changed its articles: an edit beats a deletion.
      const head = fx.shadowOf(unitKey('story', c.key))?.story;
      if (head) list.push({ id: c.key, ...head, articleIds: applySetDelta(members, delta), updatedAt: c.editedAt });
    }
    return;
  }
  const remote = c.deleted ? null : fx.parse<StoryHead>(c);
  const shadow = fx.shadowOf(k);
  fx.setShadow(k, remote ? { h: fx.hashOf(remote), story: remote } : null);
  const localHead = local ? headOf(local) : null;
  if (fx.hashOf(localHead) === fx.hashOf(remote)) return;
  const nameChanged = (localHead ? fx.hashOf(localHead) : null) !== (shadow?.h ?? null);
  const articlesChanged = local !== null && !isEmptySetDelta(setDelta(members, local.articleIds));
  if (oursLater(fx, c)) {
    if (localHead && remote) fx.conflicts.push(fx.conflict(c, c.key, localHead.name, remote.name, 'mine'));
    return;
  }
  const pick = pickStory({ value: localHead, nameChanged, articlesChanged, editedAt: local?.updatedAt ?? '' }, { value: remote, editedAt: c.editedAt });
  if (pick.conflict) fx.conflicts.push(fx.conflict(c, c.key, pick.value?.name ?? null, pick.conflict.name, pick.value === localHead ? 'mine' : 'theirs'));
  if (pick.value === localHead) return;
  if (pick.value === null) list.splice(i, 1);
  else if (local) local.name = pick.value.name;
  else list.push({ id: c.key, ...pick.value, articleIds: [...members], updatedAt: c.editedAt });
}

function applyColourChange(fx: ListEffects, d: { colors: Map<string, string>; colorTimes: Map<string, string> }, c: RemoteChange): void {
  const k = unitKey(c.kind, c.key);
  const remote = c.deleted ? null : fx.parse<ColourBody>(c).color.toLowerCase();
  const local = d.colors.get(c.key) ?? null;
  const shadow = fx.shadowOf(k);
  fx.setShadow(k, remote ? { h: fx.hashOf({ color: remote }) } : null);
  if (local === remote) return;
  const localChanged = (local ? fx.hashOf({ color: local }) : null) !== (shadow?.h ?? null);
  let value: string | null;
  if (oursLater(fx, c)) {
    value = local;
    fx.conflicts.push(fx.conflict(c, c.key, local, remote, 'mine'));
  } else {
    const pick = pickRecord({ value: local, changed: localChanged, editedAt: d.colorTimes.get(c.key) ?? '' }, { value: remote, changed: true, editedAt: c.editedAt });
    value = pick.value;
    if (pick.conflict) fx.conflicts.push(fx.conflict(c, c.key, pick.value, pick.conflict, pick.value === local ? 'mine' : 'theirs'));
  }
  if (value === local) return;
  if (value === null) d.colors.delete(c.key);
  else d.colors.set(c.key, value);
  d.colorTimes.set(c.key, c.editedAt);
}

function applySearchChange(fx: ListEffects, list: SavedSearch[], c: RemoteChange): void {
  const k = unitKey(c.kind, c.key);
  const i = list.findIndex((s) => s.id === c.key);
  const local = i >= 0 ? searchOf(list[i]!) : null;
  const remote = c.deleted ? null : fx.parse<SearchBody>(c);
  const shadow = fx.shadowOf(k);
  fx.setShadow(k, remote ? { h: fx.hashOf(remote) } : null);
  if (fx.hashOf(local) === fx.hashOf(remote)) return;
  const localChanged = (local ? fx.hashOf(local) : null) !== (shadow?.h ?? null);
  if (oursLater(fx, c)) {
    if (local && remote) fx.conflicts.push(fx.conflict(c, c.key, local.query, remote.query, 'mine', { kept: local, other: remote }));
    return;
  }
  const editedAt = i >= 0 ? (list[i]!.updatedAt ?? list[i]!.createdAt) : '';
  const pick = pickRecord({ value: local, changed: localChanged, editedAt }, { value: remote, changed: true, editedAt: c.editedAt });
  if (pick.conflict)
    fx.conflicts.push(fx.conflict(c, c.key, pick.value?.query ?? null, pick.conflict.query, pick.value === local ? 'mine' : 'theirs', { kept: pick.value, other: pick.conflict }));
  if (pick.value === local) return;
  if (pick.value === null) list.splice(i, 1);
  else if (i >= 0) Object.assign(list[i]!, pick.value, { updatedAt: c.editedAt });
  else list.push({ id: c.key, ...pick.value, updatedAt: c.editedAt });
}
