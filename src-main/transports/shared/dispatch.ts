import type { z } from 'zod';
import type { Handlers, MethodName, Result } from '../../contract';
import { fail, isAppError, isMethodName, methods, ok } from '../../contract';

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/**
 * "patch.url: a URL must start with http:// or https://" — the path of the bad field, then what is wrong.
 * Everything echoed from the payload (key names, values) is clipped: a hostile 100 kB key must not come back
 * as a 100 kB error message.
 */
export function describeIssues(error: z.ZodError): string {
  const parts = error.issues.slice(0, 5).map((i) => {
    const path = i.path.map((p) => clip(String(p), 40)).join('.');
    return `${path ? `${path}: ` : ''}${clip(i.message, 200)}`;
  });
  return clip(parts.join('; '), 1000);
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
