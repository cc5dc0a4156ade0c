import type { Emit } from '../../contract';
import { Annotation, AppError, SavedSearch, TagColor, TagName, metaKeys } from '../../contract';
import { reanchorAll } from '../../core/anchoring/anchor';
import type { Resolution } from '../../core/sync/resolve-conflict';
import { takeText } from '../../core/sync/sync-units';
import { textProblem } from './checked-changes';
import { readConflictTexts } from './conflict-texts';
import type { NotebookStore } from '../store/notebook-store';
import type { NotebookLists } from './sync-lists';

/** What a conflict names was removed here since (the article, story or saved search). */
const gone = (what: string) => new AppError('NOT_FOUND', `The ${what} of this conflict is not in the notebook any more`);
const refuse = (why: string) => new AppError('BAD_INPUT', `This conflict cannot be settled: ${why}; the notebook is unchanged`);

function parsed(body: string, what: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    throw refuse(`its ${what} is not JSON`);
  }
}

/**
 * One side of a conflict set here as a new local edit (its time moves on, so the next sync pushes it and
 * every copy agrees). A conflict put back by an undo comes from the caller, so each value is checked as new
 * input is, and what it names is looked up first: a refusal or something gone from the notebook leaves
 * everything as it was. Returns whether anything changed.
 */
export async function applyResolution(store: NotebookStore, lists: NotebookLists, emit: Emit, r: Resolution): Promise<boolean> {
  switch (r.kind) {
    case 'dismiss':
      return false;
    case 'apply': {
      if (!(metaKeys as readonly string[]).includes(r.field) || (r.value !== null && r.value.length > 10_000))
        throw new AppError('BAD_INPUT', `A conflict can only set a metadata field (${metaKeys.join(', ')}), of at most 10000 characters`);
      if (!store.entry(r.articleId)) throw gone(`article ${r.articleId}`);
      await store.updateArticle(r.articleId, (rec) => void ((rec.userMeta as Record<string, string | null>)[r.field] = r.value));
      emit('notebook.changed', { ids: [r.articleId], reason: 'metadata' });
      return true;
    }
    case 'story-name': {
      const name = r.name.trim();
      if (!name || name.length > 300) throw refuse('a story name is 1 to 300 characters');
      if (!(await lists.stories.list()).some((s) => s.id === r.storyId)) throw gone('story');
      await lists.stories.rename(r.storyId, name);
      emit('stories.changed', { ids: [r.storyId] });
      return true;
    }
    case 'tag-colour': {
      const tag = TagName.safeParse(r.tag);
      if (!tag.success || tag.data !== r.tag) throw refuse('it does not name a tag');
      if (r.color !== null && !TagColor.safeParse(r.color).success) throw refuse('a tag colour is written #rrggbb');
      await lists.tags.load();
      await lists.tags.update((d) => {
        if (r.color === null) d.colors.delete(r.tag);
        else d.colors.set(r.tag, r.color.toLowerCase());
      });
      emit('notebook.changed', { ids: [], reason: 'tags' });
      return true;
    }
    case 'saved-search': {
      const body = SavedSearch.pick({ name: true, query: true }).safeParse(parsed(r.body, 'saved search'));
      if (!body.success) throw refuse('it is not a saved search');
      if (!(await lists.searches.list()).some((s) => s.id === r.searchId)) throw gone('saved search');
      await lists.searches.applySync((list) => {
        const s = list.find((x) => x.id === r.searchId);
        if (s) Object.assign(s, { name: body.data.name, query: body.data.query, updatedAt: new Date().toISOString() });
      });
      return true;
    }
    case 'annotation': {
      const a = Annotation.safeParse(parsed(r.body, 'annotation'));
      if (!a.success || a.data.articleId !== r.articleId || a.data.id !== r.annotationId) throw refuse('it is not an annotation of its article');
      if (!store.entry(r.articleId)) throw gone(`article ${r.articleId}`);
      const at = new Date().toISOString();
      await store.updateArticle(r.articleId, (rec) => {
        // Found again in this copy's text: where it sat in the other copy's text says nothing here.
        const [placed] = reanchorAll([{ ...a.data, updatedAt: at }], rec.analysis.body).annotations;
        rec.annotations = [...rec.annotations.filter((x) => x.id !== r.annotationId), placed!];
      });
      emit('notebook.changed', { ids: [r.articleId], reason: 'annotation' });
      return true;
    }
    case 'text': {
      const texts = await readConflictTexts(store, r.conflictId);
      const text = texts?.[r.side];
      if (!text) throw refuse('its texts are not kept in this notebook');
      const current = store.entry(r.articleId);
      if (!current) throw gone(`article ${r.articleId}`);
      // The file is the notebook's own, but checked as a pulled text is: a damaged one changes nothing.
      const problem = textProblem(text, r.articleId, current.updatedAt);
      if (problem) throw refuse(`its kept text is damaged (${problem})`);
      await store.updateArticle(r.articleId, (rec) => takeText(rec, text));
      emit('notebook.changed', { ids: [r.articleId], reason: 'update' });
      return true;
    }
  }
}
