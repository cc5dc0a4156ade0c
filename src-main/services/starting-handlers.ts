import type { Handlers, MethodName, SearchStatus } from '../contract';
import { methodNames } from '../contract';
import type { FirstPage } from './library/library-snapshot';
import { answerFromFirstPage } from './library/library-snapshot';

/**
 * The handlers a transport serves while the notebook is still opening. Every call waits for the real
 * handlers and is then answered by them, in the order the calls came (a write sent at launch is made,
 * not refused); if the notebook cannot be opened, each gets that failure. Two answer at once:
 * - `articles.list` for the library's first page, from the page saved at the last close (`firstPage`,
 *   already checked against the catalog files), so the library shows while the catalog is read;
 * - `search.status`, which says "starting" (the renderer shows that the index is loading, and asks again).
 */
export function startingHandlers(ready: Promise<Handlers>, firstPage: FirstPage | null): Handlers {
  let real: Handlers | null = null;
  ready.then(
    (h) => void (real = h),
    () => undefined, // each waiting call reports the failure
  );
  const waiting = Object.fromEntries(
    methodNames.map((name) => [name, async (input: unknown) => ((real ?? (await ready)) as Loose)[name](input)]),
  ) as unknown as Handlers;
  return {
    ...waiting,
    'articles.list': async (q) => {
      const saved = !real && firstPage ? answerFromFirstPage(firstPage, q) : null;
      return saved ?? (real ?? (await ready))['articles.list'](q);
    },
    'search.status': async (input) => (real ? real['search.status'](input) : startingStatus(firstPage)),
  };
}

type Loose = Record<MethodName, (input: unknown) => Promise<unknown>>;

function startingStatus(firstPage: FirstPage | null): SearchStatus {
  return {
    indexedArticles: 0,
    totalArticles: firstPage?.total ?? 0,
    state: 'starting',
    progress: null,
    message: null,
  };
}
