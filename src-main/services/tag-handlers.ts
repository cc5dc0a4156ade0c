import type { Emit, Handlers, TagChange, TagSnapshot } from '../contract';
import { AppError } from '../contract';
import { summaryOf } from '../core/article/article-record';
import { addTo, isCycle, isUnder, removeFrom, renameIn, renamed, summariseTags } from '../core/tags/tag-tree';
import type { AnnotationIndex } from './annotations/annotation-index';
import type { NotebookStore } from './store/notebook-store';
import type { PendingTagOp } from './tags/tag-file';
import { TagFile } from './tags/tag-file';

type TagHandlers = Pick<
  Handlers,
  'articles.tag' | 'tags.list' | 'tags.rename' | 'tags.merge' | 'tags.recolour' | 'tags.delete' | 'tags.restore'
>;

type TagEdit = (tags: string[]) => string[] | null;

/**
 * Tags on articles (in the catalog) and on passages (in each article's annotations); colours and the
 * journal of a bulk operation in `tags.json`. A rename, merge or delete walks the affected articles one by
 * one through the store queue: each article is rewritten whole or not at all, and the journal makes an
 * interrupted operation resume on the next start, so a crash leaves some articles renamed and the rest
 * still under the old name, never a lost tag.
 */
export function tagHandlers(store: NotebookStore, emit: Emit, index: AnnotationIndex, file = new TagFile(store)): TagHandlers {
  let ready: Promise<void> | null = null;

  const uses = (match: (t: string) => boolean): string[] => {
    const ids = new Set<string>();
    for (const e of store.entries()) if (e.tags.some(match)) ids.add(e.id);
    for (const [articleId, list] of index.articles()) if (list.some((a) => a.tags.some(match))) ids.add(articleId);
    return [...ids];
  };

  /** Apply `edit` to the tags of every article and passage it changes, recording what they were. */
  async function editEverywhere(
    match: (t: string) => boolean,
    edit: TagEdit,
  ): Promise<Omit<TagChange, 'snapshot'> & { snapshot: TagSnapshot }> {
    const snapshot: TagSnapshot = { articles: [], colors: {} };
    let articles = 0;
    let passages = 0;
    const ids = uses(match);
    for (const id of ids) {
      await store.updateArticle(id, (r) => {
        const before: TagSnapshot['articles'][number] = { id, tags: [...r.tags], annotations: [] };
        const next = edit(r.tags);
        if (next) {
          r.tags = next;
          articles++;
        }
        r.annotations = r.annotations.map((a) => {
          const tags = edit(a.tags);
          if (!tags) return a;
          before.annotations.push({ id: a.id, tags: [...a.tags] });
          passages++;
          return { ...a, tags };
        });
        snapshot.articles.push(before);
      });
    }
    if (ids.length) emit('notebook.changed', { ids, reason: 'tags' });
    return { articles, passages, snapshot };
  }

  async function run(op: PendingTagOp): Promise<TagChange> {
    await file.update((d) => void (d.pending = op));
    const from = op.op === 'rename' ? op.from : [op.tag];
    const match = (t: string) => from.some((f) => isUnder(t, f));
    const change =
      op.op === 'rename'
        ? await editEverywhere(match, (tags) => renameIn(tags, op.from, op.to))
        : await editEverywhere(match, (tags) => removeFrom(tags, op.tag));
    await file.update((d) => {
      for (const [name, color] of Object.entries(d.colors)) {
        if (!match(name)) continue;
        change.snapshot.colors[name] = color;
        delete d.colors[name];
        if (op.op === 'rename') {
          const target = renamed(name, from.filter((f) => isUnder(name, f)).sort((a, b) => b.length - a.length)[0]!, op.to);
          if (!(target in change.snapshot.colors)) change.snapshot.colors[target] = d.colors[target] ?? null;
          d.colors[target] ??= color; // a merge keeps the target's own colour
        }
      }
      d.pending = null;
    });
    return change;
  }

  /**
   * The tag file loaded, and a rename or delete that a crash interrupted finished (re-running is harmless).
   * The annotation index is loaded too unless `articleTagsOnly`: at 100k articles it reads every annotated
   * article file (~2.5 s for 20k), which tagging an article never needs.
   */
  const ensureReady = async (articleTagsOnly = false) => {
    ready ??= (async () => {
      await file.load();
      if (file.data.pending && !store.readOnly) {
        await index.load();
        await run(file.data.pending);
      }
    })().catch((e: unknown) => {
      ready = null;
      throw e;
    });
    await ready;
    if (!articleTagsOnly) await index.load();
  };

  const exists = (tag: string) => uses((t) => t === tag).length > 0 || tag in file.data.colors;
  const existsUnder = (tag: string) =>
    uses((t) => isUnder(t, tag)).length > 0 || Object.keys(file.data.colors).some((c) => isUnder(c, tag));

  return {
    'articles.tag': async ({ id, add, remove }) => {
      await ensureReady(true);
      const record = await store.updateArticle(id, (r) => {
        r.tags = addTo(
          r.tags.filter((t) => !remove.includes(t)),
          add.filter((t) => !remove.includes(t)),
        );
      });
      emit('notebook.changed', { ids: [id], reason: 'tags' });
      return summaryOf(record);
    },

    'tags.list': async () => {
      await ensureReady();
      const articleTags = (function* () {
        for (const e of store.entries()) yield e.tags;
      })();
      const passageTags = (function* () {
        for (const a of index.all()) yield a.tags;
      })();
      return { tags: summariseTags(articleTags, passageTags, file.data.colors) };
    },

    'tags.rename': async ({ from, to }) => {
      await ensureReady();
      if (from === to) throw new AppError('BAD_INPUT', 'The new name is the same as the old one');
      if (isCycle(from, to)) throw new AppError('BAD_INPUT', `"${from}" cannot be renamed to its own child "${to}"`);
      if (!existsUnder(from)) throw new AppError('NOT_FOUND', `No tag "${from}"`);
      if (exists(to)) throw new AppError('CONFLICT', `The tag "${to}" already exists; merge "${from}" into it instead`);
      return run({ op: 'rename', from: [from], to, startedAt: new Date().toISOString() });
    },

    'tags.merge': async ({ from, into }) => {
      await ensureReady();
      const sources = [...new Set(from)].filter((f) => f !== into);
      if (sources.length === 0) throw new AppError('BAD_INPUT', 'Name at least one tag other than the one to merge into');
      for (const f of sources) {
        if (isCycle(f, into)) throw new AppError('BAD_INPUT', `"${f}" cannot be merged into its own child "${into}"`);
        if (!existsUnder(f)) throw new AppError('NOT_FOUND', `No tag "${f}"`);
      }
      return run({ op: 'rename', from: sources, to: into, startedAt: new Date().toISOString() });
    },

    'tags.recolour': async ({ tag, color }) => {
      await ensureReady(true);
      const snapshot: TagSnapshot = { articles: [], colors: { [tag]: file.data.colors[tag] ?? null } };
      await file.update((d) => {
        if (color) d.colors[tag] = color.toLowerCase();
        else delete d.colors[tag];
      });
      emit('notebook.changed', { ids: [], reason: 'tags' });
      return { articles: 0, passages: 0, snapshot };
    },

    'tags.delete': async ({ tag }) => {
      await ensureReady();
      if (!existsUnder(tag)) throw new AppError('NOT_FOUND', `No tag "${tag}"`);
      return run({ op: 'delete', tag, startedAt: new Date().toISOString() });
    },

    'tags.restore': async ({ snapshot }) => {
      await ensureReady();
      const ids: string[] = [];
      for (const item of snapshot.articles) {
        if (!store.entry(item.id)) continue; // deleted since: nothing to put back
        const passages = new Map(item.annotations.map((a) => [a.id, a.tags]));
        await store.updateArticle(item.id, (r) => {
          r.tags = [...item.tags];
          r.annotations = r.annotations.map((a) => (passages.has(a.id) ? { ...a, tags: [...passages.get(a.id)!] } : a));
        });
        ids.push(item.id);
      }
      await file.update((d) => {
        for (const [name, color] of Object.entries(snapshot.colors)) {
          if (color) d.colors[name] = color;
          else delete d.colors[name];
        }
      });
      emit('notebook.changed', { ids, reason: 'tags' });
      return { articles: ids.length };
    },
  };
}
