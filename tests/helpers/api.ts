import type { Handlers, MethodName, MethodOutput, Result } from '../../src-main/contract';
import { dispatch } from '../../src-main/transports/shared/dispatch';

/** Tests call handlers the way every transport does (schema validation included), without importing a transport from services. */
export { dispatch };

/** The one dispatcher, typed by method: what service tests call a handler through. */
export async function callHandler<M extends MethodName>(handlers: Handlers, method: M, payload: unknown): Promise<Result<MethodOutput<M>>> {
  return (await dispatch(handlers, method, payload)) as Result<MethodOutput<M>>;
}
