import type { Emit, Handlers, TagChange, TagSnapshot } from '../contract';
import { AppError } from '../contract/errors';
import { summaryOf } from '../core/article/article-record';
import { creditOf, creditTags, followTagEdit } from '../core/tags/tag-credits';
import { addTo, isCycle, isUnder, removeFrom, renameIn, renamed, summariseTags } from '../core/tags/tag-tree';
import type { AnnotationIndex } from './annotations/annotation-index';
import type { NotebookStore } from './store/notebook-store';
import type { PendingTagOp, TagFileDraft } from './tags/tag-file';
import { TagFile } from './tags/tag-file';

type TagHandlers = Pick<
  Handlers,
  'articles.tag' | 'tags.list' | 'tags.rename' | 'tags.merge' | 'tags.recolour' | 'tags.delete' | 'tags.restore'
>;

type TagEdit = (tags: string[]) => string[] | null;

/** Colours before a change, in the contract's form (a list of pairs; see TagSnapshot). */
type ColorsBefore = Map<string, string | null>;
const colorList = (before: ColorsBefore): TagSnapshot['colors'] => [...before].map(([tag, color]) => ({ tag, color }));

/**
 * Put colours back (a restore) or change one (a recolour) in the tag file's draft; null removes the colour.
 * Tag names are Map keys, never object keys: `__proto__` or `constructor` is a tag like any other.
 */
function setColors(d: TagFileDraft, colors: Iterable<{ tag: string; color: string | null }>): void {
  for (const { tag, color } of colors) {
    if (color) d.colors.set(tag, color.toLowerCase());
    else d.colors.delete(tag);
  }
}

/**
 * Tags on articles (in the catalog) and on passages (in each article's annotations); colours and the
 * journal of a bulk operation in `tags.json`. A rename, merge or delete walks the affected articles one by
 * one through the store queue: each article is rewritten whole or not at all, and the journal makes an
 * interrupted operation resume on the next start, so a crash leaves some articles renamed and the rest
 * still under the old name only until the next start finishes it, never a lost tag.
 *
 * Bulk operations (rename, merge, delete, recolour, restore) run one at a time, in the order they came,
 * whichever window, browser tab or command sent them (they all reach these handlers in the one process that
 * holds the notebook): the journal has one slot, and two operations in flight at once would overwrite each
 * other's entry, leaving the first half done after a crash. Each one's checks (does the tag exist, would
 * the new name collide) run inside its turn, so two renames onto one name cannot both pass.
 */
/** `author`: the notebook's user name in its team (null outside a team), which each tag put on an article records. */
export function tagHandlers(
  store: NotebookStore,
  emit: Emit,
  index: AnnotationIndex,
  file = new TagFile(store),
  author: () => Promise<string | null> = async () => null,
): TagHandlers {
  let ready: Promise<void> | null = null;
  let bulkTail: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(op: () => Promise<T>): Promise<T> => {
    const next = bulkTail.then(op, op);
    bulkTail = next.catch(() => undefined);
    return next;
  };

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
  ): Promise<{ articles: number; passages: number; snapshot: TagSnapshot['articles'] }> {
    const snapshot: TagSnapshot['articles'] = [];
    let articles = 0;
    let passages = 0;
    const ids = uses(match);
    for (const id of ids) {
      await store.updateArticle(id, (r) => {
        const before: TagSnapshot['articles'][number] = { id, tags: [...r.tags], annotations: [] };
        const next = edit(r.tags);
        if (next) {
          r.tags = next;
          if (r.tagCredits) r.tagCredits = followTagEdit(r.tagCredits, edit);
          articles++;
        }
        r.annotations = r.annotations.map((a) => {
          const tags = edit(a.tags);
          if (!tags) return a;
          before.annotations.push({ id: a.id, tags: [...a.tags] });
          passages++;
          return { ...a, tags };
        });
        snapshot.push(before);
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
    const before: ColorsBefore = new Map();
    await file.update((d) => {
      for (const [name, color] of [...d.colors]) {
        if (!match(name)) continue;
        before.set(name, color);
        d.colors.delete(name);
        if (op.op === 'rename') {
          const target = renamed(name, from.filter((f) => isUnder(name, f)).sort((a, b) => b.length - a.length)[0]!, op.to);
          if (!before.has(target)) before.set(target, d.colors.get(target) ?? null);
          if (!d.colors.has(target)) d.colors.set(target, color); // a merge keeps the target's own colour
        }
      }
      d.pending = null;
    });
    return { articles: change.articles, passages: change.passages, snapshot: { articles: change.snapshot, colors: colorList(before) } };
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

  const exists = (tag: string) => uses((t) => t === tag).length > 0 || file.data.colors.has(tag);
  const existsUnder = (tag: string) => uses((t) => isUnder(t, tag)).length > 0 || [...file.data.colors.keys()].some((c) => isUnder(c, tag));

  /** Put back what a bulk operation changed (its undo). */
  async function restore(snapshot: TagSnapshot): Promise<{ articles: number }> {
    await ensureReady();
    const ids: string[] = [];
    for (const item of snapshot.articles) {
      if (!store.entry(item.id)) continue; // deleted since: nothing to put back
      const passages = new Map(item.annotations.map((a) => [a.id, a.tags]));
      await store.updateArticle(item.id, (r) => {
        r.tags = [...item.tags];
        // Credits follow renames (followTagEdit), so those of the tags put back are still there; others go.
        if (r.tagCredits) r.tagCredits = r.tagCredits.filter((c) => r.tags.includes(c.tag));
        r.annotations = r.annotations.map((a) => (passages.has(a.id) ? { ...a, tags: [...passages.get(a.id)!] } : a));
      });
      ids.push(item.id);
    }
    await file.update((d) => setColors(d, snapshot.colors));
    emit('notebook.changed', { ids, reason: 'tags' });
    return { articles: ids.length };
  }

  return {
    'articles.tag': async ({ id, add, remove }) => {
      await ensureReady(true);
      const by = await author();
      const at = new Date().toISOString();
      const record = await store.updateArticle(id, (r) => {
        const before = r.tags;
        r.tags = addTo(
          r.tags.filter((t) => !remove.includes(t)),
          add.filter((t) => !remove.includes(t)),
        );
        r.tagCredits = creditTags(r.tagCredits, before, r.tags, (t) => creditOf(t, by, at));
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

    'tags.rename': ({ from, to }) =>
      oneAtATime(async () => {
        await ensureReady();
        if (from === to) throw new AppError('BAD_INPUT', 'The new name is the same as the old one');
        if (isCycle(from, to)) throw new AppError('BAD_INPUT', `"${from}" cannot be renamed to its own child "${to}"`);
        if (!existsUnder(from)) throw new AppError('NOT_FOUND', `No tag "${from}"`);
        if (exists(to)) throw new AppError('CONFLICT', `The tag "${to}" already exists; merge "${from}" into it instead`);
        return run({ op: 'rename', from: [from], to, startedAt: new Date().toISOString() });
      }),

    'tags.merge': ({ from, into }) =>
      oneAtATime(async () => {
        await ensureReady();
        const sources = [...new Set(from)].filter((f) => f !== into);
        if (sources.length === 0) throw new AppError('BAD_INPUT', 'Name at least one tag other than the one to merge into');
        for (const f of sources) {
          if (isCycle(f, into)) throw new AppError('BAD_INPUT', `"${f}" cannot be merged into its own child "${into}"`);
          if (!existsUnder(f)) throw new AppError('NOT_FOUND', `No tag "${f}"`);
        }
        return run({ op: 'rename', from: sources, to: into, startedAt: new Date().toISOString() });
      }),

    'tags.recolour': ({ tag, color }) =>
      oneAtATime(async () => {
        await ensureReady(true);
        const snapshot: TagSnapshot = { articles: [], colors: [{ tag, color: file.data.colors.get(tag) ?? null }] };
        await file.update((d) => setColors(d, [{ tag, color: color ?? null }]));
        emit('notebook.changed', { ids: [], reason: 'tags' });
        return { articles: 0, passages: 0, snapshot };
      }),

    'tags.delete': ({ tag }) =>
      oneAtATime(async () => {
        await ensureReady();
        if (!existsUnder(tag)) throw new AppError('NOT_FOUND', `No tag "${tag}"`);
        return run({ op: 'delete', tag, startedAt: new Date().toISOString() });
      }),

    'tags.restore': ({ snapshot }) => oneAtATime(() => restore(snapshot)),
  };
}
