import type { Handlers, MethodName, MethodOutput, Result } from '../../contract';
import { isAppError, methods } from '../../contract';

/**
 * For service tests: validate a payload against the contract and call the handler, as the transports'
 * dispatcher does (services may not import transports), returning a Result.
 */
export async function callHandler<M extends MethodName>(handlers: Handlers, method: M, payload: unknown): Promise<Result<MethodOutput<M>>> {
  const parsed = methods[method].input.safeParse(payload ?? {});
  if (!parsed.success) return { ok: false, error: { code: 'BAD_INPUT', message: parsed.error.issues.map((i) => i.message).join('; ') } };
  try {
    const value = await (handlers[method] as (input: unknown) => Promise<MethodOutput<M>>)(parsed.data);
    return { ok: true, value };
  } catch (e) {
    if (isAppError(e)) return { ok: false, error: { code: e.code, message: e.message } };
    throw e;
  }
}
