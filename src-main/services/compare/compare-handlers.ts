import type { CompareResult, Emit, Handlers } from '../../contract';
import { AppError } from '../../contract';
import type { ArticleRecord } from '../../core/article/article-record';
import { summaryOf } from '../../core/article/article-record';
import { compareSteps } from '../../core/compare/compare-articles';
import type { Profile } from '../../core/compare/related';
import { articleProfile, rankRelated } from '../../core/compare/related';
import type { CompareInput } from '../../core/compare/sentences';
import { exportTable } from '../../core/compare/tables';
import type { NotebookStore } from '../store/notebook-store';
import type { StoryStore } from './story-store';

type CompareHandlers = Pick<
  Handlers,
  | 'compare.articles'
  | 'compare.export'
  | 'compare.related'
  | 'stories.list'
  | 'stories.create'
  | 'stories.add'
  | 'stories.remove'
  | 'stories.rename'
  | 'stories.delete'
>;

export function toCompareInput(r: ArticleRecord): CompareInput {
  const { id, title, outlet, publishedAt, language } = summaryOf(r);
  return { id, title, outlet, publishedAt, language, body: r.analysis.body, blocks: r.analysis.blocks };
}

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export function compareHandlers(store: NotebookStore, stories: StoryStore, emit: Emit): CompareHandlers {
  // The last few comparisons, keyed by ids and edit times: switching tabs or exporting never recomputes.
  const recent = new Map<string, CompareResult>();
  const profiles = new Map<string, { updatedAt: string; profile: Profile }>();

  const compare = async (ids: string[]): Promise<CompareResult> => {
    for (const id of ids) if (!store.entry(id)) throw new AppError('NOT_FOUND', `No article with id ${id}`);
    const key = ids.map((id) => `${id}@${store.entry(id)!.updatedAt}`).join(',');
    const hit = recent.get(key);
    if (hit) return hit;
    const inputs: CompareInput[] = [];
    for (const id of ids) inputs.push(toCompareInput(await store.readArticle(id)));
    // The core computes in steps; between them the event loop serves other requests and progress goes out.
    const steps = compareSteps(inputs);
    let result: CompareResult;
    for (;;) {
      const r = steps.next();
      if (r.done) {
        result = r.value;
        break;
      }
      if (ids.length > 2) emit('compare.progress', r.value);
      await yieldToLoop();
    }
    recent.set(key, result);
    if (recent.size > 8) recent.delete(recent.keys().next().value!);
    return result;
  };

  const storyChanged = (id: string) => emit('stories.changed', { ids: [id] });

  return {
    'compare.articles': ({ ids }) => compare(ids),
    'compare.export': async ({ ids, table, format }) => exportTable(await compare(ids), table, format),

    'compare.related': async ({ id, limit }) => {
      if (!store.entry(id)) throw new AppError('NOT_FOUND', `No article with id ${id}`);
      const all: Profile[] = [];
      let n = 0;
      for (const e of [...store.entries()]) {
        const cached = profiles.get(e.id);
        if (cached && cached.updatedAt === e.updatedAt) all.push(cached.profile);
        else {
          const profile = articleProfile(toCompareInput(await store.readArticle(e.id)));
          profiles.set(e.id, { updatedAt: e.updatedAt, profile });
          all.push(profile);
        }
        if (++n % 200 === 0) await yieldToLoop();
      }
      return rankRelated(
        all.find((p) => p.id === id)!,
        all,
        limit,
      );
    },

    'stories.list': async () => ({ stories: await stories.list() }),
    'stories.create': async ({ name, articleIds }) => {
      const s = await stories.create(name, articleIds);
      storyChanged(s.id);
      return s;
    },
    'stories.add': async ({ id, articleIds }) => {
      const s = await stories.add(id, articleIds);
      storyChanged(id);
      return s;
    },
    'stories.remove': async ({ id, articleIds }) => {
      const s = await stories.remove(id, articleIds);
      storyChanged(id);
      return s;
    },
    'stories.rename': async ({ id, name }) => {
      const s = await stories.rename(id, name);
      storyChanged(id);
      return s;
    },
    'stories.delete': async ({ id }) => {
      await stories.delete(id);
      storyChanged(id);
      return { deleted: id };
    },
  };
}
