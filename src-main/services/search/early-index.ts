import { resolve } from 'node:path';
import type { HostStatus, IndexApi } from './index-host';
import { findWorkerEntry, workerIndex } from './worker-client';
import type { EngineLimits } from './engine-limits';

export type IndexHandle = IndexApi & { terminate?: () => Promise<void>; ref?: () => void; unref?: () => void };

/** An index whose saved state is being loaded while the notebook's catalog loads (see `openIndexEarly`). */
export type EarlyIndex = { index: IndexHandle; opened: Promise<HostStatus>; relay: { onStatus: (s: HostStatus) => void } };

/**
 * An index made by `make` and asked to load the saved index at once. Its status goes to `relay.onStatus`,
 * which the search service points at itself when it takes the index over.
 */
export function loadingIndex(make: (onStatus: (s: HostStatus) => void) => IndexHandle): EarlyIndex {
  const relay = { onStatus: (_s: HostStatus) => undefined as void };
  const index = make((s) => relay.onStatus(s));
  const opened = index.open();
  opened.catch(() => undefined); // awaited (and reported) by SearchService.start
  return { index, opened, relay };
}

/** The index's worker, started on `root` and loading the saved index. */
export const startWorkerIndex = (entry: URL, root: string, limits?: EngineLimits): EarlyIndex =>
  loadingIndex((onStatus) => workerIndex(entry, root, onStatus, limits));

let prestarted: { root: string; early: EarlyIndex } | null = null;

/**
 * Start loading `root`'s saved index before the rest of the program's code has loaded (bin/parallax.mjs
 * calls this through out/main/prestart.js for web mode). At 100k articles the worker's start and the load
 * take ~1.7 s; the CLI's own modules take ~0.45 s to load, which this start no longer waits for.
 *
 * The worker does not keep the process alive until it is taken (`takePrestartedIndex`): a command that
 * fails before it opens the notebook (a bad option, a notebook held by another writer) still exits.
 */
export function prestartIndex(root: string, limits?: EngineLimits): EarlyIndex | null {
  const entry = findWorkerEntry();
  if (!entry || prestarted) return null;
  const early = startWorkerIndex(entry, root, limits);
  early.index.unref?.();
  prestarted = { root: resolve(root), early };
  return early;
}

/** The prestarted index if it is `root`'s (then it keeps the process alive like any worker); any other is stopped. */
export function takePrestartedIndex(root: string): EarlyIndex | null {
  const taken = prestarted;
  prestarted = null;
  if (!taken) return null;
  if (taken.root === resolve(root)) {
    taken.early.index.ref?.();
    return taken.early;
  }
  void taken.early.index.terminate?.();
  return null;
}
