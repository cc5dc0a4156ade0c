import type { EngineLimits } from './engine-limits';
import type { HostStatus, IndexApi } from './index-host';

/**
 * The index in this thread (tests, or a run without the worker's code), with the index's code (flexsearch,
 * the stemmers) imported when the index starts rather than when the search service is made: a command that
 * never searches never loads it.
 */
export function inlineIndex(root: string, onStatus: (s: HostStatus) => void, limits?: EngineLimits): IndexApi {
  const host = import('./index-host').then(({ IndexHost }) => new IndexHost(root, onStatus, undefined, undefined, undefined, limits));
  return {
    open: async () => (await host).open(),
    allowWrites: async () => (await host).allowWrites(),
    reconcile: async (catalog, reason) => (await host).reconcile(catalog, reason),
    upsert: async (articles) => (await host).upsert(articles),
    remove: async (ids) => (await host).remove(ids),
    query: async (input) => (await host).query(input),
    status: async () => (await host).status(),
    save: async (force) => (await host).save(force),
    close: async () => (await host).close(),
  };
}
