import type { CheckUpdatesResult, ShowVersionResult } from '@contract';
import { formatMoment, plural } from '../../lib/format';

const anchors = ({ ok, drifted, orphaned }: CheckUpdatesResult['annotations']) =>
  ok + drifted + orphaned === 0 ? '' : `: ${plural(ok, 'annotation')} kept, ${drifted} moved, ${orphaned} orphaned`;

/** What the reader says after "Check for updates": what changed, how the annotations fared, or since when nothing has. */
export function describeCheck(r: CheckUpdatesResult): string {
  if (!r.changed) return `No change since ${formatMoment(r.since)}.`;
  const headline = r.titleChanged ? ' The headline changed too.' : '';
  return `The outlet changed this article: version ${r.shownVersion} of ${r.versionCount} is shown${anchors(r.annotations)}.${headline} Ctrl+Z goes back to version ${r.previousVersion}.`;
}

/** After "Show this version". */
export function describeShown(r: Pick<ShowVersionResult, 'shownVersion' | 'annotations'>): string {
  return `Version ${r.shownVersion} is shown${anchors(r.annotations)}. Ctrl+Z undoes it.`;
}
