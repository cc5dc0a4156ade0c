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
  /** The caller cancelled the work (e.g. `compare.cancel`), or a newer request replaced it. */
  'CANCELLED',
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
