import { createRequire } from 'node:module';

const requireCjs = createRequire(import.meta.url);

/**
 * A CommonJS dependency loaded on first use rather than when the app starts. For heavy libraries only a few
 * features need (jsdom takes ~0.6 s to load, more on a busy machine): every launch of the app, the CLI and
 * web mode used to pay for them before the notebook could open.
 */
export function lazyRequire<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= requireCjs(id) as T);
}
