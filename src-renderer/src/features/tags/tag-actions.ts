import type { TagChange, TagSnapshot } from '@contract';
import { call } from '../../api/client';
import { history } from '../annotate/history';

/** Tag changes, each recorded for undo: article tags by their inverse, bulk operations by a snapshot. */
export function tagArticle(id: string, current: string[], change: { add?: string[]; remove?: string[] }) {
  const added = (change.add ?? []).filter((t) => !current.includes(t));
  const removed = (change.remove ?? []).filter((t) => current.includes(t));
  const label = added.length ? `tag article ${added.join(', ')}` : `untag article ${removed.join(', ')}`;
  return history.run(
    label,
    () => call('articles.tag', { id, add: change.add ?? [], remove: change.remove ?? [] }),
    () => ({
      undo: async () => void (await call('articles.tag', { id, add: removed, remove: added })),
      redo: async () => void (await call('articles.tag', { id, add: added, remove: removed })),
    }),
  );
}

/** A bulk operation: undo restores the snapshot it returned, redo runs it again (and keeps the new snapshot). */
function bulk(label: string, op: () => Promise<TagChange>): Promise<TagChange> {
  return history.run(label, op, (first) => {
    let snapshot: TagSnapshot = first.snapshot;
    return {
      undo: async () => void (await call('tags.restore', { snapshot })),
      redo: async () => void (snapshot = (await op()).snapshot),
    };
  });
}

export const renameTag = (from: string, to: string) => bulk(`rename tag ${from} → ${to}`, () => call('tags.rename', { from, to }));
export const mergeTags = (from: string[], into: string) =>
  bulk(`merge ${from.join(', ')} into ${into}`, () => call('tags.merge', { from, into }));
export const recolourTag = (tag: string, color: string | null) => bulk(`recolour tag ${tag}`, () => call('tags.recolour', { tag, color }));
export const deleteTag = (tag: string) => bulk(`delete tag ${tag}`, () => call('tags.delete', { tag }));
