import type { ReplaceTextResult } from '@contract';
import { plural } from '../../lib/format';

/** "Text updated: 3 annotations kept, 1 moved, 0 orphaned." — what the reader says after a save. */
export function describeTextChange(r: Pick<ReplaceTextResult, 'changed' | 'source' | 'annotations'>, file?: string): string {
  const what = r.source === 'reimport' ? `Text replaced from ${file ?? 'the file'}` : 'Text updated';
  if (!r.changed) return r.source === 'reimport' ? `${file ?? 'The file'} holds the same text: nothing changed.` : 'Text unchanged.';
  const { ok, drifted, orphaned } = r.annotations;
  if (ok + drifted + orphaned === 0) return `${what}. Ctrl+Z undoes it.`;
  return `${what}: ${plural(ok, 'annotation')} kept, ${drifted} moved, ${orphaned} orphaned. Ctrl+Z undoes it.`;
}
