import type { CompareResult, Emit, Handlers } from '../../contract';
import { AppError } from '../../contract/errors';
import type { ArticleRecord } from '../../core/article/article-record';
import { summaryOf } from '../../core/article/article-record';
import type { CompareLimits } from '../../core/compare/budget';
import { DEFAULT_LIMITS } from '../../core/compare/budget';
import { PROFILE_MAX_CHARS } from '../../core/compare/related';
import type { CompareInput } from '../../core/compare/sentences';
import { clipInput } from '../../core/compare/sentences';
import { exportTable } from '../../core/compare/tables';
import { storyTimeline } from '../../core/compare/timeline';
import type { NotebookStore } from '../store/notebook-store';
import { RunningComparisons } from './running-comparisons';
import type { ProfileSource } from './compare-jobs';
import { CompareRunner } from './compare-runner';
import type { StoryStore } from './story-store';

type CompareHandlers = Pick<
  Handlers,
  | 'compare.articles'
  | 'compare.cancel'
  | 'compare.export'
  | 'compare.related'
  | 'stories.list'
  | 'stories.create'
  | 'stories.add'
  | 'stories.remove'
  | 'stories.rename'
  | 'stories.delete'
  | 'stories.timeline'
>;

export type CompareServiceOptions = {
  /** Where comparisons run (a worker thread by default); the backend closes it. */
  runner?: CompareRunner;
  limits?: CompareLimits;
  /** Units of work one comparison may spend (core/compare/budget.ts). */
  maxWork?: number;
  /** Time one comparison may take, from when its articles are read. */
  timeLimitMs?: number;
};

/**
 * Work units (candidate sentence pairs scored, mostly): 20 articles of 2,000 words spend under a million,
 * 100 of them ~14 million, two articles of 1,000 sentences under 10 million; two articles that repeat one
 * sentence a thousand times spend over 30 million (and text repeating it more, far more).
 */
export const MAX_WORK = 60_000_000;
/**
 * A comparison at the input limits takes seconds on two quiet cores (tens of seconds when they are busy);
 * this is for what the limits missed. The user can cancel sooner, and the app answers meanwhile.
 */
export const TIME_LIMIT_MS = 60_000;
/** How long past its time limit a comparison's worker is given to stop by itself before it is terminated. */
const GRACE_MS = 5_000;
/** Articles read and profiled per worker job for related coverage: other jobs take their turn between. */
const PROFILE_BATCH = 100;

/** What the comparison needs of an article: its clean text and blocks (block text is never read, so it is left behind). */
export function toCompareInput(r: ArticleRecord): CompareInput {
  const { id, title, outlet, publishedAt, language } = summaryOf(r);
  const blocks = r.analysis.blocks.map((b) => (b.text ? { ...b, text: '' } : b));
  return { id, title, outlet, publishedAt, language, body: r.analysis.body, blocks };
}

export function compareHandlers(store: NotebookStore, stories: StoryStore, emit: Emit, opts: CompareServiceOptions = {}): CompareHandlers {
  const runner = opts.runner ?? new CompareRunner();
  const limits = opts.limits ?? DEFAULT_LIMITS;
  const timeLimitMs = opts.timeLimitMs ?? TIME_LIMIT_MS;
  // The last few comparisons, keyed by ids and edit times: switching tabs or exporting never recomputes.
  const recent = new Map<string, CompareResult>();

  const running = new RunningComparisons<CompareResult>(async (ids, signal, progress) => {
    const inputs: CompareInput[] = [];
    for (const id of ids) {
      // Only what the comparison can take in crosses to the worker.
      inputs.push(clipInput(toCompareInput(await store.readArticle(id)), limits.maxCharsPerArticle));
      if (signal.aborted) throw signal.reason;
    }
    // A worker that does not stop by itself at its deadline (a step that never checks its budget) is terminated.
    const hard = new AbortController();
    const stop = () => hard.abort(signal.reason);
    signal.addEventListener('abort', stop, { once: true });
    const timer = setTimeout(
      () =>
        hard.abort(
          new AppError(
            'TOO_LARGE',
            `The comparison took longer than ${Math.round(timeLimitMs / 1000)} seconds and was stopped. Compare fewer articles, or shorter ones.`,
          ),
        ),
      timeLimitMs + GRACE_MS,
    );
    try {
      return await runner.run(
        'compare',
        { inputs, limits, maxWork: opts.maxWork ?? MAX_WORK, timeLimitMs },
        { signal: hard.signal, onProgress: progress },
      );
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', stop);
    }
  });

  const compare = async (ids: string[], requestId?: string): Promise<CompareResult> => {
    for (const id of ids) if (!store.entry(id)) throw new AppError('NOT_FOUND', `No article with id ${id}`);
    const key = ids.map((id) => `${id}@${store.entry(id)!.updatedAt}`).join(',');
    const hit = recent.get(key);
    if (hit) return hit;
    const result = await running.join(key, ids, {
      requestId,
      progress: (p, id) => {
        // Progress goes to the caller that named its comparison; without a name, only for many articles (as before).
        if (id) emit('compare.progress', { ...p, requestId: id });
        else if (ids.length > 2) emit('compare.progress', p);
      },
    });
    recent.set(key, result);
    if (recent.size > 8) recent.delete(recent.keys().next().value!);
    return result;
  };

  // Related calls take turns: two at once would read and profile the same articles twice.
  let relatedTurn: Promise<unknown> = Promise.resolve();
  const profileMissing = async (missing: string[]) => {
    for (let i = 0; i < missing.length; i += PROFILE_BATCH) {
      const articles: ProfileSource[] = [];
      const unreadable: Array<{ id: string; updatedAt: string }> = [];
      for (const id of missing.slice(i, i + PROFILE_BATCH)) {
        const entry = store.entry(id);
        if (!entry) continue;
        try {
          const r = await store.readArticle(id);
          const { title, publishedAt } = summaryOf(r);
          // The profile reads no more than this; the rest need not cross to the worker.
          articles.push({
            id,
            updatedAt: entry.updatedAt,
            title: title.slice(0, PROFILE_MAX_CHARS),
            body: r.analysis.body.slice(0, PROFILE_MAX_CHARS),
            publishedAt,
          });
        } catch (e) {
          // One article that cannot be read is left out of related coverage, not fatal to it.
          console.error(`[parallax] related coverage leaves out article ${id}:`, (e as Error)?.message ?? e);
          unreadable.push({ id, updatedAt: entry.updatedAt });
        }
      }
      await runner.run('profile', { articles, unreadable });
    }
  };
  const related = async (id: string, limit: number) => {
    // A profile can go missing between two rounds (the worker stopped and lost them): a few rounds settle it.
    for (let round = 0; round < 4; round++) {
      if (!store.entry(id)) throw new AppError('NOT_FOUND', `No article with id ${id}`);
      const entries = [...store.entries()].map((e): [string, string] => [e.id, e.updatedAt]);
      const r = await runner.run('related', { target: id, entries, limit });
      if ('items' in r) return r.items;
      await profileMissing(r.missing);
    }
    throw new AppError(
      'INTERNAL',
      'Related coverage could not be computed: the articles kept changing or the compare worker kept stopping; try again.',
    );
  };

  const storyChanged = (id: string) => emit('stories.changed', { ids: [id] });

  return {
    'compare.articles': ({ ids, requestId }) => compare(ids, requestId),
    'compare.cancel': async ({ requestId }) => ({ cancelled: running.cancel(requestId) }),
    'compare.export': async ({ ids, table, format }) => exportTable(await compare(ids), table, format),

    'compare.related': ({ id, limit }) => {
      const turn = relatedTurn.then(() => related(id, limit));
      relatedTurn = turn.catch(() => undefined);
      return turn;
    },

    'stories.list': async () => ({ stories: await stories.list() }),
    // Publication and update times from the catalog (an update: each later version's Last-Modified, or when
    // a check found the change). Claims come from the story's comparison, shared with the compare tabs' cache.
    'stories.timeline': async ({ id }) => {
      const story = await stories.get(id);
      const entries = story.articleIds.flatMap((a) => store.entry(a) ?? []);
      const claims = entries.length >= 2 ? (await compare(entries.map((e) => e.id))).claims : [];
      const articles = entries.map((e) => ({ id: e.id, outlet: e.outlet, title: e.title, published: e.publishedAt, updates: e.outletUpdates ?? [] }));
      return storyTimeline(articles, claims);
    },
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
