import type { Handlers, MethodName } from '../contract';

/**
 * The handlers of `names`, whose module is imported on the first call of any of them. Why: each group
 * brings its own libraries (the importers, the team database's driver, the comparison's name matching), and
 * a one-shot CLI command such as `parallax list` used to load every group before it could answer.
 *
 * `names` is checked against what `load` resolves to, and the backend's `Handlers` type fails to compile
 * when a method is in no group, so a list and its module cannot drift apart unnoticed.
 */
export function lazyHandlers<K extends MethodName>(names: readonly K[], load: () => Promise<Pick<Handlers, K>>): Pick<Handlers, K> {
  let group: Promise<Pick<Handlers, K>> | null = null;
  const loaded = () => {
    // A failed import is tried again on the next call rather than remembered as failed for the process's life.
    group ??= load().catch((e: unknown) => {
      group = null;
      throw e;
    });
    return group;
  };
  const handlers: Partial<Record<K, (input: never) => Promise<unknown>>> = {};
  for (const name of names) {
    handlers[name] = async (input: never) => {
      const handler = (await loaded())[name] as (input: never) => Promise<unknown>;
      return handler(input);
    };
  }
  return handlers as Pick<Handlers, K>;
}
