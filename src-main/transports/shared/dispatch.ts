import type { z } from 'zod';
import type { Handlers, MethodName, Result } from '../../contract';
import { MESSAGE_MAX, clip, fail, isAppError, ok } from '../../contract/errors';
import { isMethodName, methodSchemas, readOnlyMethods } from '../../contract/methods';

/**
 * "patch.url: a URL must start with http:// or https://" — the path of the bad field, then what is wrong.
 * Everything echoed from the payload (key names, values) is clipped: a hostile 100 kB key must not come back
 * as a 100 kB error message.
 */
export function describeIssues(error: z.ZodError): string {
  const parts = error.issues.slice(0, 5).map((i) => {
    const path = i.path.map((p) => clip(String(p), 40)).join('.');
    return `${path ? `${path}: ` : ''}${clip(i.message)}`;
  });
  return clip(parts.join('; '), 1000);
}

const OUT_OF_HANDLES = new Set(['EMFILE', 'ENFILE']);

/** The errno code of a Node I/O error (`EMFILE`, `ENOSPC`…), or null for anything else. */
function errnoOf(e: unknown): string | null {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : null;
}

/**
 * Running out of file handles is the system's state, not damage and not a bug: say so, and whether anything
 * may have changed. Read-only methods changed nothing; a write may have stopped part way, so it is not
 * called unchanged. Store errors arrive as IO_ERROR carrying Node's message ("EMFILE: too many open files").
 */
function outOfHandles(method: MethodName, code: string | null, message: string): string | null {
  if (!(code && OUT_OF_HANDLES.has(code)) && !/\b(EMFILE|ENFILE)\b/.test(message)) return null;
  const outcome = readOnlyMethods.has(method) ? 'nothing was changed' : 'it may not have been saved';
  return `The system is out of file handles (too many open files), so ${method} could not be carried out and ${outcome}. Close some programs or wait a moment, then try again.`;
}

/** What a handler's failure becomes: its own code, an I/O failure (IO_ERROR), or INTERNAL (logged). */
function failure(method: MethodName, e: unknown): Result<never> {
  const message = String((e as Error)?.message ?? e);
  if (isAppError(e)) {
    const handles = e.code === 'IO_ERROR' ? outOfHandles(method, null, message) : null;
    return fail(e.code, handles ?? clip(message, MESSAGE_MAX));
  }
  const errno = errnoOf(e);
  if (errno)
    return fail(
      'IO_ERROR',
      outOfHandles(method, errno, message) ?? clip(`${method} could not read or write a file: ${message}`, MESSAGE_MAX),
    );
  console.error(`[parallax] ${method} failed:`, e);
  return fail('INTERNAL', clip(`${method} failed unexpectedly: ${message}`, MESSAGE_MAX));
}

/**
 * The one entry point every transport uses: check the method name, validate the payload against the
 * contract, run the handler, and turn whatever happens into a Result. Handlers never see unvalidated input,
 * and no exception crosses a transport.
 */
export async function dispatch(handlers: Handlers, method: unknown, payload: unknown): Promise<Result<unknown>> {
  if (!isMethodName(method)) return fail('UNKNOWN_METHOD', `Unknown method ${clip(JSON.stringify(String(method)), 80)}`);
  const parsed = (await methodSchemas(method)).input.safeParse(payload ?? {});
  if (!parsed.success) return fail('BAD_INPUT', `Invalid input for ${method}: ${describeIssues(parsed.error)}`);
  try {
    const handler = handlers[method] as (input: unknown) => Promise<unknown>;
    return ok(await handler(parsed.data));
  } catch (e) {
    return failure(method, e);
  }
}

export type Dispatcher = <M extends MethodName>(method: M, payload: unknown) => Promise<Result<unknown>>;
