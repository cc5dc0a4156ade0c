import { createHash } from 'node:crypto';
import type { Analysis } from '../../core/article/analyse-article';
import { fingerprintKey } from '../../../src-shared/fold';

/**
 * The duplicate check: the headline the text gives plus the clean body, with case, accents, punctuation
 * and spacing ignored. Boilerplate is left out, so the same story pasted with or without page furniture
 * matches; the headline is kept in, so a re-headlined version of a story is a new article, not a duplicate.
 */
export function fingerprintOf(analysis: Analysis, raw: string): string {
  const title = analysis.meta.title.source === 'text' ? (analysis.meta.title.value ?? '') : '';
  return createHash('sha256')
    .update(fingerprintKey(`${title}\n${analysis.body || raw}`))
    .digest('hex')
    .slice(0, 32);
}
