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
  /** The disk holding the notebook is full (or its quota used up): the write changed nothing. */
  'DISK_FULL',
  /** A web address could not be fetched: offline, no such host, refused, redirected forever, an error status. */
  'UNREACHABLE',
  /** A request (its body, in web mode) did not arrive in time. */
  'TIMEOUT',
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

/** The most of any one value (a name, a path, a key, a quote) an error message repeats back. */
export const ECHO_MAX = 200;

/**
 * The one way to put a caller's value into a message: at most `max` characters, with an ellipsis where it
 * was cut, so a hostile 5 MB value never comes back as a 5 MB message. `keep: 'ends'` cuts the middle
 * instead, for paths, whose end (the file's name) says the most. A surrogate pair is never split.
 */
export function clip(text: string, max = ECHO_MAX, keep: 'start' | 'ends' = 'start'): string {
  if (text.length <= max) return text;
  const room = Math.max(0, max - 1);
  const head = keep === 'ends' ? Math.ceil(room / 2) : room;
  let end = head;
  if (isHighSurrogate(text.charCodeAt(end - 1))) end--;
  if (keep === 'start') return `${text.slice(0, end)}…`;
  let tail = text.length - (room - head);
  if (isLowSurrogate(text.charCodeAt(tail))) tail++;
  return `${text.slice(0, end)}…${text.slice(tail)}`;
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** A path as an error message shows it: long ones keep their start and their end (the file's name). */
export const clipPath = (path: string): string => clip(path, 300, 'ends');

/** The longest error message a transport sends: a message built from several echoed values stays readable. */
export const MESSAGE_MAX = 2000;
