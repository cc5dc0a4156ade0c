import type { SyncConflict } from '@contract';

/** What a conflict was about, in words. */
export function conflictSubject(c: SyncConflict): string {
  if (c.kind === 'story') return 'The name of a story';
  if (c.kind === 'tag-colour') return `The colour of tag ${c.detail ?? ''}`;
  if (c.kind === 'saved-search') return 'The query of a saved search';
  const what = c.kind === 'article-meta' ? `The ${c.detail ?? 'field'}` : c.kind === 'annotation' ? 'A note' : 'The text';
  return `${what} of article ${c.articleId ?? ''}`;
}

/** This copy's value and the other's, whichever was kept; "none" for a value taken away. */
export function conflictValues(c: SyncConflict): { mine: string; theirs: string } {
  const [mine, theirs] = c.keptSide === 'mine' ? [c.kept, c.other] : [c.other, c.kept];
  return { mine: mine ?? 'none', theirs: theirs ?? 'none' };
}
