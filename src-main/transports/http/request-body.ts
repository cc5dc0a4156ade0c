import type { IncomingMessage } from 'node:http';
import type { ApiError } from '../../contract/errors';

export type BodyLimits = {
  maxBodyBytes: number;
  /** Longest silence while a body arrives. */
  bodyIdleMs: number;
  /** Longest a whole body may take to arrive. */
  bodyTotalMs: number;
};

/** Why a body was not read to the end: the answer to send (status and error), or nothing when the client left. */
export type BodyRefusal = { status: number; error: ApiError } | { status: 0; error: null };

const mb = (bytes: number) => `${Math.round(bytes / 1048576)} MB`;

export const tooLarge = (limits: BodyLimits): ApiError => ({
  code: 'TOO_LARGE',
  message: `Request bodies are limited to ${mb(limits.maxBodyBytes)}`,
});

/** True while the request still has body bytes the server has not read (a refusal must then close the connection). */
export function bodyPending(req: IncomingMessage): boolean {
  const declares = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
  return declares && !req.readableEnded;
}

/** The declared Content-Length when it is above the limit: such a body is refused before a byte of it is read. */
export function declaredTooLarge(req: IncomingMessage, limits: BodyLimits): boolean {
  const declared = Number(req.headers['content-length'] ?? 0);
  return Number.isFinite(declared) && declared > limits.maxBodyBytes;
}

/**
 * Read a request body under the limits: at most `maxBodyBytes`, no silence longer than `bodyIdleMs`, all of
 * it within `bodyTotalMs`. On a refusal, reading stops at once (the socket is paused, so the client is held
 * back by TCP rather than read to the end), and the caller answers and closes the connection.
 */
export function readBody(req: IncomingMessage, limits: BodyLimits): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let idle: NodeJS.Timeout | undefined;
    const stop = (refusal: BodyRefusal | null, body?: Buffer) => {
      clearTimeout(idle);
      clearTimeout(total);
      req.off('data', onData).off('end', onEnd).off('error', onGone).off('close', onGone);
      if (refusal) {
        req.pause();
        reject(refusal);
      } else resolve(body!);
    };
    const silent = (): BodyRefusal => ({
      status: 408,
      error: { code: 'TIMEOUT', message: 'The request body stopped arriving; send it again' },
    });
    const armIdle = () => {
      clearTimeout(idle);
      idle = setTimeout(() => stop(silent()), limits.bodyIdleMs);
    };
    const total = setTimeout(
      () =>
        stop({
          status: 408,
          error: { code: 'TIMEOUT', message: `The request body took longer than ${Math.round(limits.bodyTotalMs / 1000)} s to arrive` },
        }),
      limits.bodyTotalMs,
    );
    const onData = (c: Buffer) => {
      size += c.length;
      if (size > limits.maxBodyBytes) return stop({ status: 413, error: tooLarge(limits) });
      chunks.push(c);
      armIdle();
    };
    const onEnd = () => stop(null, Buffer.concat(chunks));
    // The client went away (or broke the chunked framing) before the end: there is nobody to answer.
    const onGone = () => stop({ status: 0, error: null });
    req.on('data', onData).on('end', onEnd).on('error', onGone).on('close', onGone);
    armIdle();
  });
}
