import type { Emit, MethodName, Result } from '../../contract';
import { AppError, fail } from '../../contract/errors';
import type { Backend } from '../../services/backend';
import { openBackend } from '../../services/backend';
import type { LockInfo } from '../../services/store/notebook-lock';
import { describeHolder, readLock } from '../../services/store/notebook-lock';
import { dispatch } from '../shared/dispatch';
import { READER_NOTICE } from '../../services/store/notebook-store';

export type Access = {
  /** Does the command change the notebook? Writers take the lock; readers open beside a writer. */
  write: boolean;
  create?: boolean;
  /** For the lock file: "parallax import". */
  holder: string;
  /** Progress events of a local run (a forwarded one reports to the app instead). */
  emit?: Emit;
  /** Told what the store had to say at open (a repaired file, a read-only reason). */
  onNotice?: (text: string) => void;
};

/** Send one call to the process that has the notebook open (the app or web mode): the single writer. */
async function forward(api: NonNullable<LockInfo['api']>, method: MethodName, payload: unknown): Promise<Result<unknown>> {
  try {
    const res = await fetch(`${api.url}/api/${method}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${api.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(payload ?? {}),
    });
    return (await res.json()) as Result<unknown>;
  } catch (e) {
    return fail('LOCKED', `The notebook is open in Parallax at ${api.url}, which did not answer (${(e as Error).message})`);
  }
}

/**
 * Run CLI work against a notebook without ever racing another process: if the app or web mode has it open,
 * calls go to that process; if another command is writing, a writer is refused with who holds it and a
 * reader opens beside it; otherwise the command opens the notebook itself (taking the lock to write).
 */
export async function withNotebook<T>(
  dir: string,
  access: Access,
  local: (backend: Backend) => Promise<T>,
  remote: (call: (method: MethodName, payload: unknown) => Promise<Result<unknown>>) => Promise<T>,
): Promise<T> {
  const holder = await readLock(dir);
  if (holder?.api) {
    const api = holder.api;
    return remote((method, payload) => forward(api, method, payload));
  }
  if (holder && access.write) {
    throw new AppError('LOCKED', `The notebook at ${dir} is in use by ${describeHolder(holder)}; try again when it has finished`);
  }
  // A one-shot command answers over the whole search index, however long building it takes.
  const search = { waitForIndexMs: Infinity };
  const backend = await openBackend(
    dir,
    access.write ? { create: access.create, lockAs: access.holder, search } : { readerOnly: true, search },
  );
  if (backend.store.notice && !(access.write === false && backend.store.notice === READER_NOTICE)) access.onNotice?.(backend.store.notice);
  try {
    return await local(backend);
  } finally {
    await backend.close();
  }
}

export const callLocal = (backend: Backend) => (method: MethodName, payload: unknown) => dispatch(backend.handlers, method, payload);
