import type { UserMeta } from '../article/article-record';

/**
 * The merge rules of a team notebook (ADR 007), pure so every case is a unit test.
 *
 * Every copy applies the server's changes in the server's order. Sets (tags) and metadata corrections travel
 * as deltas from what the editing copy had last seen (its shadow), so edits of different tags or different
 * fields on two laptops both stay; a field changed on both keeps the later edit and records the other.
 */

/** A change to a set of names: an article's tags, a story's articles. Deltas commute, so sets merge. */
export type SetDelta = { add: string[]; remove: string[] };

export function setDelta(shadow: readonly string[], local: readonly string[]): SetDelta {
  const s = new Set(shadow);
  const l = new Set(local);
  return { add: [...l].filter((t) => !s.has(t)).sort(), remove: [...s].filter((t) => !l.has(t)).sort() };
}

export const isEmptySetDelta = (d: SetDelta) => d.add.length === 0 && d.remove.length === 0;

/**
 * Another copy's change applied to a set. `keep` names members this copy changed in a change the server
 * ordered after it (so this copy's change is the later one for those members, everywhere).
 */
export function applySetDelta(set: readonly string[], delta: SetDelta, keep: ReadonlySet<string> = new Set()): string[] {
  const out = new Set(set);
  for (const t of delta.add) if (!keep.has(t)) out.add(t);
  for (const t of delta.remove) if (!keep.has(t)) out.delete(t);
  return [...out].sort();
}

/** A correction set (to a value, or to "none": null) or removed (back to what the analyser found). */
export type MetaDelta = { set: Record<string, string | null>; unset: string[] };

const has = (m: UserMeta, f: string) => Object.prototype.hasOwnProperty.call(m, f);
const val = (m: UserMeta, f: string) => (m as Record<string, string | null | undefined>)[f];

export function metaDelta(shadow: UserMeta, local: UserMeta): MetaDelta {
  const set: Record<string, string | null> = {};
  const unset: string[] = [];
  for (const f of Object.keys(local).sort()) if (!has(shadow, f) || val(shadow, f) !== val(local, f)) set[f] = val(local, f) ?? null;
  for (const f of Object.keys(shadow).sort()) if (!has(local, f)) unset.push(f);
  return { set, unset };
}

export const isEmptyMetaDelta = (d: MetaDelta) => Object.keys(d.set).length === 0 && d.unset.length === 0;

export function applyMetaDelta(meta: UserMeta, delta: MetaDelta, skip: ReadonlySet<string> = new Set()): UserMeta {
  const out: Record<string, string | null> = { ...(meta as Record<string, string | null>) };
  for (const [f, v] of Object.entries(delta.set)) if (!skip.has(f)) out[f] = v;
  for (const f of delta.unset) if (!skip.has(f)) delete out[f];
  return out as UserMeta;
}

export type FieldConflict = { field: string; kept: string | null; other: string | null };

/**
 * Fields this copy changed and has not pushed yet, which the other copy's delta also changes: each keeps the
 * later edit. Returns the fields where this copy's value stays (to skip when applying) and the conflicts.
 */
export function clashingFields(
  shadow: UserMeta,
  local: UserMeta,
  delta: MetaDelta,
  localIsLater: boolean,
): { keepLocal: Set<string>; conflicts: FieldConflict[] } {
  const keepLocal = new Set<string>();
  const conflicts: FieldConflict[] = [];
  const theirs = new Map<string, string | null | undefined>([...Object.entries(delta.set), ...delta.unset.map((f) => [f, undefined] as const)]);
  for (const [f, other] of theirs) {
    const pending = has(local, f) !== has(shadow, f) || val(local, f) !== val(shadow, f);
    const mine = has(local, f) ? (val(local, f) ?? null) : undefined;
    if (!pending || mine === other) continue;
    if (localIsLater) keepLocal.add(f);
    conflicts.push({ field: f, kept: (localIsLater ? mine : other) ?? null, other: (localIsLater ? other : mine) ?? null });
  }
  return { keepLocal, conflicts };
}

export type Side<T> = { value: T | null; changed: boolean; editedAt: string };

/**
 * One record both sides may have changed or deleted (`value: null`). A side that did not change it since the
 * shadow takes the other's; an edit beats a deletion (an annotation edited on one laptop and deleted on the
 * other comes back with its edit); two edits keep the later and report the other.
 */
export function pickRecord<T>(local: Side<T>, remote: Side<T>): { value: T | null; conflict: T | null } {
  if (!local.changed) return { value: remote.value, conflict: null };
  if (!remote.changed) return { value: local.value, conflict: null };
  if (local.value === null) return { value: remote.value, conflict: null };
  if (remote.value === null) return { value: local.value, conflict: null };
  const localLater = local.editedAt >= remote.editedAt;
  return localLater ? { value: local.value, conflict: remote.value } : { value: remote.value, conflict: local.value };
}

/**
 * A story's name (its head) against another copy's change of it (`remote: null` for a deletion). A story
 * whose articles this copy changed counts as edited against a deletion, so it stays (an edit beats a
 * deletion); against a rename only the name counts: a story this copy only added articles to takes the new name.
 */
export function pickStory<T>(
  local: { value: T | null; nameChanged: boolean; articlesChanged: boolean; editedAt: string },
  remote: { value: T | null; editedAt: string },
): { value: T | null; conflict: T | null } {
  const changed = local.nameChanged || (remote.value === null && local.articlesChanged);
  return pickRecord({ value: local.value, changed, editedAt: local.editedAt }, { value: remote.value, changed: true, editedAt: remote.editedAt });
}
