import type { Annotation, Emit, Handlers, Verdict } from '../../contract';
import { AppError } from '../../contract/errors';
import { buildAnnotation } from '../../core/annotations/build-annotation';
import type { ParsedVerdictInput, VerdictChecks } from '../../core/verdicts/build-verdict';
import { buildVerdict } from '../../core/verdicts/build-verdict';
import { listVerdicts } from '../../core/verdicts/list-verdicts';
import type { AnnotationIndex } from '../annotations/annotation-index';
import { newAnnotationId } from '../annotations/new-id';
import type { StoryStore } from '../compare/story-store';
import type { NotebookStore } from '../store/notebook-store';
import { RatingFile } from './rating-file';
import { setRatingsHandler } from './set-ratings';

type VerdictHandlers = Pick<Handlers, 'verdicts.list' | 'verdicts.set' | 'verdicts.create' | 'verdicts.ratings' | 'verdicts.setRatings'>;

/**
 * Verdicts ride on annotations (contract/verdict-model.ts), so each change is one `store.updateArticle` of
 * the passage's article, like any annotation edit, and re-anchoring carries them along. Everything a
 * verdict names (its rating, article sources, story) is checked before the write: a bad verdict leaves
 * the notebook as it was.
 */
export function verdictHandlers(store: NotebookStore, emit: Emit, index: AnnotationIndex, stories: StoryStore): VerdictHandlers {
  const ratingFile = new RatingFile(store);
  const changed = (articleId: string) => emit('notebook.changed', { ids: [articleId], reason: 'annotation' });

  const checks = async (): Promise<VerdictChecks> => {
    const [ratings, storyList] = await Promise.all([ratingFile.list(), stories.list()]);
    const storyIds = new Set(storyList.map((s) => s.id));
    return { ratings, hasArticle: (id) => !!store.entry(id), hasStory: (id) => storyIds.has(id) };
  };

  return {
    'verdicts.list': async (q) => {
      await index.load();
      const ratings = await ratingFile.list();
      const rows = [];
      for (const [articleId, list] of index.articles()) {
        const entry = store.entry(articleId);
        const article = { title: entry?.title ?? 'Missing article', outlet: entry?.outlet ?? null, publishedAt: entry?.publishedAt ?? null };
        for (const annotation of list) if (annotation.verdict) rows.push({ annotation, article });
      }
      return listVerdicts(rows, ratings, q);
    },

    'verdicts.set': async ({ id, verdict }) => {
      await index.load();
      const articleId = index.articleIdOf(id);
      if (!articleId) throw new AppError('NOT_FOUND', `No annotation with id ${id}`);
      const current = index.forArticle(articleId).find((a) => a.id === id);
      const now = new Date().toISOString();
      const next: Verdict | null = verdict ? buildVerdict(verdict, await checks(), now, current?.verdict) : null;
      let previous: Verdict | null = null;
      let updated: Annotation | null = null;
      await store.updateArticle(articleId, (r) => {
        const i = r.annotations.findIndex((a) => a.id === id);
        if (i < 0) throw new AppError('NOT_FOUND', `No annotation with id ${id}`);
        const { verdict: before, ...rest } = r.annotations[i]!;
        previous = before ?? null;
        const a: Annotation = next ? { ...rest, verdict: next, updatedAt: now } : { ...rest, updatedAt: now };
        r.annotations[i] = a;
        updated = a;
      });
      changed(articleId);
      return { annotation: updated!, previous };
    },

    'verdicts.create': async (input) => {
      const now = new Date().toISOString();
      const verdict = buildVerdict(input.verdict as ParsedVerdictInput, await checks(), now);
      const id = newAnnotationId();
      let created: Annotation | null = null;
      await store.updateArticle(input.articleId, (r) => {
        const a = buildAnnotation(r.analysis.body, { ...input, note: '', tags: [] }, id, now);
        created = { ...a, verdict };
        r.annotations.push(created);
      });
      changed(input.articleId);
      return created!;
    },

    'verdicts.ratings': async () => ({ ratings: await ratingFile.list() }),

    'verdicts.setRatings': setRatingsHandler(store, emit, index, ratingFile),
  };
}
