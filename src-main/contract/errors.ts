/**
 * Error codes shared by every transport. A handler throws an AppError; the transport turns it into
 * `{ ok: false, error: { code, message } }` (HTTP also maps it to a status, the CLI to an exit code).
 */
export const errorCodes = [
  'BAD_INPUT',
  'NOT_FOUND',
  'UNKNOWN_METHOD',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'CONFLICT',
  'READ_ONLY',
  'LOCKED',
  'EMPTY_FILE',
  'BINARY_FILE',
  'TOO_LARGE',
  'UNREADABLE',
  'UNSUPPORTED',
  'TOO_MANY_FILES',
  'CORRUPT',
  'IO_ERROR',
  /** A request (its body, in web mode) did not arrive in time. */
  'TIMEOUT',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export type ApiError = { code: ErrorCode; message: string };

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export class AppError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
  }
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string): Result<never> => ({ ok: false, error: { code, message } });

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError || (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'AppError');
}

/** The most of any one value (a name, a path, a key, a quote) an error message repeats back. */
export const ECHO_MAX = 200;

/**
 * The one way to put a caller's value into a message: at most `max` characters, with an ellipsis when cut
 * (never splitting a surrogate pair), so a hostile 5 MB value never comes back as a 5 MB message.
 */
export function clip(text: string, max = ECHO_MAX): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}
