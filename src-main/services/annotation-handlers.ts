import type { Annotation, Emit, Handlers } from '../contract';
import { AppError, canonicalTag, clip } from '../contract';
import { reanchorAnnotation } from '../core/anchoring/anchor';
import { buildAnnotation, describePassage } from '../core/annotations/build-annotation';
import { listAnnotations } from '../core/annotations/list-annotations';
import type { AnnotationIndex } from './annotations/annotation-index';
import { newAnnotationId } from './annotations/new-id';
import type { NotebookStore } from './store/notebook-store';

type AnnotationHandlers = Pick<
  Handlers,
  'annotations.list' | 'annotations.create' | 'annotations.update' | 'annotations.delete' | 'annotations.restore'
>;

/**
 * Annotations live in their article's document: every change is one `store.updateArticle` (a queued
 * read-modify-write of that one file, plus one row appended to the catalog journal), so two windows, or the app and the CLI in one
 * process, saving at once lose nothing.
 */
/** `author`: the notebook's user name in its team, which each new annotation carries (null outside a team). */
export function annotationHandlers(store: NotebookStore, emit: Emit, index: AnnotationIndex, author: () => Promise<string | null> = async () => null): AnnotationHandlers {
  const changed = (articleId: string) => emit('notebook.changed', { ids: [articleId], reason: 'annotation' });

  const locate = async (id: string): Promise<string> => {
    await index.load();
    const articleId = index.articleIdOf(id);
    if (!articleId) throw new AppError('NOT_FOUND', `No annotation with id ${id}`);
    return articleId;
  };
  const find = (list: Annotation[], id: string) => {
    const i = list.findIndex((a) => a.id === id);
    if (i < 0) throw new AppError('NOT_FOUND', `No annotation with id ${id}`);
    return i;
  };

  return {
    'annotations.list': async (q) => {
      await index.load();
      const rows = [];
      for (const [articleId, list] of index.articles()) {
        if (q.articleId && articleId !== q.articleId) continue;
        const entry = store.entry(articleId);
        const article = {
          title: entry?.title ?? 'Missing article',
          outlet: entry?.outlet ?? null,
          publishedAt: entry?.publishedAt ?? null,
        };
        for (const annotation of list) rows.push({ annotation, article });
      }
      return listAnnotations(rows, q);
    },

    'annotations.create': async (input) => {
      const id = newAnnotationId();
      const by = await author();
      let created: Annotation | null = null;
      await store.updateArticle(input.articleId, (r) => {
        created = { ...buildAnnotation(r.analysis.body, input, id, new Date().toISOString()), ...(by ? { author: by } : {}) };
        r.annotations.push(created);
      });
      changed(input.articleId);
      return created!;
    },

    'annotations.update': async ({ id, patch }) => {
      const articleId = await locate(id);
      let updated: Annotation | null = null;
      await store.updateArticle(articleId, (r) => {
        const i = find(r.annotations, id);
        const a = { ...r.annotations[i]! };
        if (patch.color !== undefined) a.color = patch.color;
        if (patch.note !== undefined) a.note = patch.note;
        if (patch.tags !== undefined) a.tags = [...new Set(patch.tags)];
        if (patch.reattach) {
          if (a.anchor.start === null || a.anchor.end === null) {
            throw new AppError(
              'BAD_INPUT',
              'This annotation is orphaned: its passage is no longer in the text, so there is nothing to re-attach it to',
            );
          }
          Object.assign(a, describePassage(r.analysis.body, { start: a.anchor.start, end: a.anchor.end }));
        }
        a.updatedAt = new Date().toISOString();
        r.annotations[i] = a;
        updated = a;
      });
      changed(articleId);
      return updated!;
    },

    'annotations.delete': async ({ id }) => {
      const articleId = await locate(id);
      let removed: Annotation | null = null;
      await store.updateArticle(articleId, (r) => {
        removed = r.annotations.splice(find(r.annotations, id), 1)[0]!;
      });
      changed(articleId);
      return removed!;
    },

    'annotations.restore': async ({ annotation }) => {
      const tags = annotation.tags.map((t) => {
        const c = canonicalTag(t);
        if (!c.ok) throw new AppError('BAD_INPUT', `Invalid tag ${JSON.stringify(clip(t))}: ${c.message}`);
        return c.tag;
      });
      await index.load();
      if (index.articleIdOf(annotation.id)) throw new AppError('CONFLICT', `An annotation with id ${annotation.id} already exists`);
      let restored: Annotation | null = null;
      await store.updateArticle(annotation.articleId, (r) => {
        if (r.annotations.some((a) => a.id === annotation.id))
          throw new AppError('CONFLICT', `An annotation with id ${annotation.id} already exists`);
        // The text may have changed since it was deleted: anchor it against the body as it is now.
        restored = reanchorAnnotation({ ...annotation, tags: [...new Set(tags)] }, r.analysis.body);
        r.annotations.push(restored);
      });
      changed(annotation.articleId);
      return restored!;
    },
  };
}
