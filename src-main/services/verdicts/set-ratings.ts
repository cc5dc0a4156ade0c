import type { Emit, Handlers, SetRatingsResult } from '../../contract';
import type { PlacedVerdict } from '../../core/verdicts/rating-edit';
import { interimRatings, planRatingEdit } from '../../core/verdicts/rating-edit';
import type { AnnotationIndex } from '../annotations/annotation-index';
import type { NotebookStore } from '../store/notebook-store';
import type { RatingFile } from './rating-file';

function* placedVerdicts(index: AnnotationIndex): Generator<PlacedVerdict> {
  for (const [articleId, list] of index.articles()) {
    for (const a of list) if (a.verdict) yield { id: a.id, articleId, rating: a.verdict.rating };
  }
}

/**
 * `verdicts.setRatings`: the new list is checked against every verdict first (a bad move, or a dropped
 * rating still in use, changes nothing). Then, in this order, so that a verdict never names a rating the
 * notebook lacks even if the edit stops half-way: the ratings verdicts move to join the list, the verdicts
 * move (one article write each, keeping when they were decided), and the list is saved as asked.
 */
export function setRatingsHandler(store: NotebookStore, emit: Emit, index: AnnotationIndex, ratingFile: RatingFile): Handlers['verdicts.setRatings'] {
  return ({ ratings, moves, reassign }) =>
    ratingFile.edit(async (current, save) => {
      await index.load();
      const plan = planRatingEdit(ratings, moves, reassign, placedVerdicts(index));
      const interim = interimRatings(current, ratings, plan);
      if (interim) await save(interim);
      const moved: SetRatingsResult['moved'] = [];
      for (const [articleId, changes] of plan) {
        await store.updateArticle(articleId, (r) => {
          for (const a of r.annotations) {
            const to = changes.get(a.id);
            if (!a.verdict || to === undefined || a.verdict.rating === to) continue;
            moved.push({ id: a.id, from: a.verdict.rating, to });
            a.verdict = { ...a.verdict, rating: to };
          }
        });
      }
      if (plan.size) emit('notebook.changed', { ids: [...plan.keys()], reason: 'annotation' });
      // A verdict given meanwhile in another window on a rating being dropped is caught here, before the save.
      planRatingEdit(ratings, [], [], placedVerdicts(index));
      await save(ratings);
      emit('notebook.changed', { ids: [], reason: 'annotation' });
      return { ratings: await ratingFile.list(), moved };
    });
}
