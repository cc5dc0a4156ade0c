import type { Annotation, NewVerdict, Rating, SetRatingsInput, Verdict, VerdictInput, VerdictSource } from '@contract';
import { call } from '../../api/client';
import { history } from '../annotate/history';

const asInput = (v: Verdict): VerdictInput => ({ rating: v.rating, rationale: v.rationale, sources: v.sources, claim: v.claim, story: v.story });

/** Give an annotation a verdict, change it or clear it (null); undo puts back the verdict it had. */
export async function setVerdict(annotationId: string, verdict: VerdictInput | null): Promise<Annotation> {
  const result = await history.run(
    verdict ? `verdict ${verdict.rating}` : 'clear verdict',
    () => call('verdicts.set', { id: annotationId, verdict }),
    ({ previous }) => ({
      undo: async () => void (await call('verdicts.set', { id: annotationId, verdict: previous ? asInput(previous) : null })),
      redo: async () => void (await call('verdicts.set', { id: annotationId, verdict })),
    }),
  );
  return result.annotation;
}

/** Mark a passage with a verdict in one edit (a coverage-matrix row); undo removes the passage's annotation. */
export function createVerdict(input: NewVerdict): Promise<Annotation> {
  return history.run(
    `verdict ${input.verdict.rating}`,
    () => call('verdicts.create', input),
    (created) => {
      let latest = created;
      return {
        undo: async () => void (latest = await call('annotations.delete', { id: created.id })),
        redo: async () => void (await call('annotations.restore', { annotation: latest })),
      };
    },
  );
}

/** Sources as typed, one a line: an article id of this notebook, or an outside address (checked by the back end). */
export function parseSources(text: string): VerdictSource[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => (/^[a-z0-9]{8,32}$/.test(l) ? { kind: 'article', articleId: l } : { kind: 'link', url: l }));
}

export const sourcesText = (sources: readonly VerdictSource[]) =>
  sources.map((s) => (s.kind === 'article' ? s.articleId : s.url)).join('\n');

/**
 * Save an edit of the list of ratings; undo puts the list back as it was and the verdicts it moved back on
 * the ratings they had, redo makes the edit again.
 */
export function saveRatings(previous: Rating[], edit: Pick<SetRatingsInput, 'ratings' | 'moves'>): Promise<Rating[]> {
  return history
    .run(
      'edit ratings',
      () => call('verdicts.setRatings', edit),
      ({ moved }) => ({
        undo: async () => void (await call('verdicts.setRatings', { ratings: previous, reassign: moved.map((m) => ({ id: m.id, rating: m.from })) })),
        redo: async () => void (await call('verdicts.setRatings', edit)),
      }),
    )
    .then((r) => r.ratings);
}
