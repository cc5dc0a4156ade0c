import type { ErrorCode, EventName, EventPayload, MethodInput, MethodName, MethodOutput } from '@contract';
import type { Transport } from './transport';
import { createTransport } from './transport';

export class ApiCallError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const transport: Transport | null = createTransport();

export const connection = { kind: transport?.kind ?? null, connected: transport !== null };

/** Call one API method; resolves with its output or rejects with an ApiCallError carrying the error code. */
export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  if (!transport)
    throw new ApiCallError(
      'UNAUTHORIZED',
      'Open Parallax with the address that "npm start" or "parallax serve" printed (it carries the access token).',
    );
  const result = await transport.invoke(method, input);
  if (!result.ok) throw new ApiCallError(result.error.code, result.error.message);
  return result.value as MethodOutput<M>;
}

type Listener = (payload: unknown) => void;
const listeners = new Map<EventName, Set<Listener>>();
transport?.onEvent((event, payload) => listeners.get(event)?.forEach((l) => l(payload)));

export function subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  const set = listeners.get(event) ?? new Set<Listener>();
  set.add(listener as Listener);
  listeners.set(event, set);
  return () => set.delete(listener as Listener);
}
