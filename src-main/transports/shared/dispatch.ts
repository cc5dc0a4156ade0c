import type { z } from 'zod';
import type { Handlers, MethodName, Result } from '../../contract';
import { fail, isAppError, isMethodName, methods, ok } from '../../contract';

/** "patch.url: a URL must start with http:// or https://" — the path of the bad field, then what is wrong. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`)
    .join('; ');
}

/**
 * The one entry point every transport uses: check the method name, validate the payload against the
 * contract, run the handler, and turn whatever happens into a Result. Handlers never see unvalidated input,
 * and no exception crosses a transport.
 */
export async function dispatch(handlers: Handlers, method: unknown, payload: unknown): Promise<Result<unknown>> {
  if (!isMethodName(method)) return fail('UNKNOWN_METHOD', `Unknown method ${JSON.stringify(String(method)).slice(0, 80)}`);
  const parsed = methods[method].input.safeParse(payload ?? {});
  if (!parsed.success) return fail('BAD_INPUT', `Invalid input for ${method}: ${describeIssues(parsed.error)}`);
  try {
    const handler = handlers[method] as (input: unknown) => Promise<unknown>;
    return ok(await handler(parsed.data));
  } catch (e) {
    if (isAppError(e)) return fail(e.code, e.message);
    console.error(`[parallax] ${method} failed:`, e);
    return fail('INTERNAL', `${method} failed unexpectedly: ${(e as Error)?.message ?? String(e)}`);
  }
}

export type Dispatcher = <M extends MethodName>(method: M, payload: unknown) => Promise<Result<unknown>>;
