import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiError, ErrorCode, EventName, Handlers, Result } from '../../contract';
import { clip, fail } from '../../contract/errors';
import { dispatch } from '../shared/dispatch';
import type { BodyLimits, BodyRefusal } from './request-body';
import { bodyPending, declaredTooLarge, readBody, tooLarge } from './request-body';
import { checkRequestOrigin, checkToken } from './request-guard';
import { securityHeaders, serveStatic } from './static-files';

/**
 * Limits of web mode, sized for one person's browser on loopback: uploads of a few files at 20 MB each
 * (base64) fit in a body, and arrive in well under a second; a body that stalls for seconds or a client that
 * opens connections by the dozen is not a browser doing its job.
 */
export type HttpLimits = BodyLimits & {
  /** Time to send a request's headers (after connecting, or after the previous request on a kept-alive connection). */
  headersTimeoutMs: number;
  /** How long an idle kept-alive connection stays open. */
  keepAliveTimeoutMs: number;
  /** Open connections at once; more are closed as they arrive (a browser uses about 7: 6 requests and the event stream). */
  maxConnections: number;
  /** Event bytes a stream reader may leave unread before its stream is closed (the page then reconnects). */
  maxEventBacklogBytes: number;
};

export const DEFAULT_LIMITS: HttpLimits = {
  maxBodyBytes: 64 * 1024 * 1024,
  bodyIdleMs: 20_000,
  bodyTotalMs: 5 * 60_000,
  headersTimeoutMs: 20_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 64,
  maxEventBacklogBytes: 8 * 1024 * 1024,
};
/** Kept for callers that quote the upload limit. */
export const MAX_BODY_BYTES = DEFAULT_LIMITS.maxBodyBytes;

/** Every error code has its status; a code added to the contract without one does not compile. */
export const statusOf: Record<ErrorCode, number> = {
  BAD_INPUT: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  UNKNOWN_METHOD: 404,
  TIMEOUT: 408,
  CONFLICT: 409,
  // The caller (or a newer request) cancelled the work: nothing is wrong with the request as such.
  CANCELLED: 409,
  READ_ONLY: 409,
  TOO_LARGE: 413,
  TOO_MANY_FILES: 413,
  EMPTY_FILE: 422,
  BINARY_FILE: 422,
  UNREADABLE: 422,
  UNSUPPORTED: 422,
  LOCKED: 423,
  CORRUPT: 500,
  INTERNAL: 500,
  // The system (file handles, a disk), not the request: worth trying again.
  IO_ERROR: 503,
  DISK_FULL: 507,
  // The page's server, not ours, failed the request.
  UNREACHABLE: 502,
};

export type HttpServerOptions = {
  handlers: Handlers;
  token: string;
  port?: number;
  /** Built renderer (out/renderer); without it only the API is served. */
  staticDir?: string;
  /** Tighter limits (tests); the rest keep their defaults. */
  limits?: Partial<HttpLimits>;
};

export type RunningServer = {
  url: string;
  port: number;
  broadcast: (event: EventName, payload: unknown) => void;
  close: () => Promise<void>;
};

/**
 * Answer with JSON. A body the server has not read (a refusal, a limit) is not read afterwards either: the
 * answer says `Connection: close`, and Node closes the connection once it is sent instead of reading on
 * (so does the answer to a request to upgrade the connection).
 */
export function sendJson(req: IncomingMessage, res: ServerResponse, status: number, body: Result<unknown>): void {
  if (res.headersSent || res.destroyed) {
    res.destroy();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...securityHeaders,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...(bodyPending(req) || req.headers.upgrade !== undefined ? { Connection: 'close' } : {}),
  });
  res.end(text);
}

const sendError = (req: IncomingMessage, res: ServerResponse, error: ApiError) =>
  sendJson(req, res, statusOf[error.code], { ok: false, error });

/** `application/json`, whatever its case and parameters; an HTML form cannot send it, which closes off cross-site form posts. */
function isJson(req: IncomingMessage): boolean {
  return (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase() === 'application/json';
}

/** The method named in `/api/<method>`, or null when its percent-encoding is broken (`%E0%A4%A`). */
function methodOf(url: string): string | null {
  try {
    return decodeURIComponent(url.slice('/api/'.length).split('?')[0]!);
  } catch {
    return null;
  }
}

/**
 * Web mode: the same app and API as the desktop window, over HTTP on loopback. There is no CORS: the page
 * and the API share one origin, and every API call must carry the per-launch token. Nothing a client sends
 * can stop the server: every failure while answering becomes a 500 and a line in the log.
 */
export function startHttpServer(opts: HttpServerOptions): Promise<RunningServer> {
  const limits: HttpLimits = { ...DEFAULT_LIMITS, ...opts.limits };
  const streams = new Set<ServerResponse>();
  let port = opts.port ?? 0;
  const guard = () => ({ port, token: opts.token });

  const openEvents = (req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, {
      ...securityHeaders,
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    streams.add(res);
    req.on('close', () => streams.delete(res));
  };

  const api = async (req: IncomingMessage, res: ServerResponse, url: string) => {
    const denied = checkToken(req, guard());
    if (denied) return sendError(req, res, denied);
    if (url === '/api/events' && req.method === 'GET') return openEvents(req, res);
    if (req.method !== 'POST') return sendError(req, res, { code: 'BAD_INPUT', message: 'API calls are POST requests' });
    if (!isJson(req)) return sendError(req, res, { code: 'BAD_INPUT', message: 'API calls must send Content-Type: application/json' });
    const method = methodOf(url);
    if (method === null)
      return sendError(req, res, { code: 'BAD_INPUT', message: 'The method name in the address is not valid percent-encoding' });
    if (declaredTooLarge(req, limits)) return sendError(req, res, tooLarge(limits));
    let text: string;
    try {
      text = (await readBody(req, limits)).toString('utf8');
    } catch (e) {
      const refusal = e as BodyRefusal;
      if (refusal.error === null) return void res.destroy(); // the client left: nobody to answer
      return sendJson(req, res, refusal.status, { ok: false, error: refusal.error });
    }
    let payload: unknown;
    try {
      payload = text.trim() === '' ? {} : JSON.parse(text);
    } catch {
      return sendError(req, res, { code: 'BAD_INPUT', message: 'The request body is not valid JSON' });
    }
    const result = await dispatch(opts.handlers, method, payload);
    return result.ok ? sendJson(req, res, 200, result) : sendError(req, res, result.error);
  };

  const answer = async (req: IncomingMessage, res: ServerResponse) => {
    // Host, Origin and (for the API) the token are checked before a byte of any body is read.
    const refused = checkRequestOrigin(req, guard());
    if (refused) return sendError(req, res, refused);
    const url = req.url ?? '/';
    // Nothing here speaks another protocol; a request to switch is refused before its body is looked at
    // (Node would hand such a body over unparsed, and it would never end).
    if (req.headers.upgrade !== undefined)
      return sendError(req, res, { code: 'BAD_INPUT', message: 'Parallax does not upgrade connections' });
    if (req.method !== 'POST' && bodyPending(req))
      return sendError(req, res, { code: 'BAD_INPUT', message: 'Only API calls (POST) carry a body' });
    if (url.startsWith('/api/')) return api(req, res, url);
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendError(req, res, { code: 'BAD_INPUT', message: 'Only GET is served here' });
    if (!opts.staticDir) return sendError(req, res, { code: 'NOT_FOUND', message: 'No app is served here' });
    return serveStatic(opts.staticDir, url, res);
  };

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    answer(req, res).catch((e: unknown) => {
      // Logged without headers (the token travels in one) and without the query string.
      const path = clip((req.url ?? '').split('?')[0]!, 120);
      console.error(`[parallax] web mode could not answer ${req.method} ${path}:`, e);
      sendJson(req, res, 500, fail('INTERNAL', 'The server could not answer this request; the reason is in its log'));
    });
  };
  /** Whether `answer` would go on to read this request's body (every check before it passes). */
  const readsBody = (req: IncomingMessage) => {
    const url = req.url ?? '/';
    return (
      url.startsWith('/api/') &&
      req.method === 'POST' &&
      !checkRequestOrigin(req, guard()) &&
      !checkToken(req, guard()) &&
      isJson(req) &&
      methodOf(url) !== null &&
      !declaredTooLarge(req, limits)
    );
  };

  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      // Node's own deadline for a whole request, a backstop behind readBody's (it stops counting once the
      // request has arrived, so a long import is never cut off while it runs).
      requestTimeout: limits.headersTimeoutMs + limits.bodyTotalMs + 1000,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(limits.headersTimeoutMs / 4))),
    },
    onRequest,
  );
  // A client that asks before sending its body (`Expect: 100-continue`, as curl does for large uploads) is
  // invited to send it only when it would be read; a refusal is answered without ever asking for the body.
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    if (readsBody(req)) res.writeContinue();
    onRequest(req, res);
  });
  server.maxConnections = limits.maxConnections;

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      // After start-up an error is a connection that could not be accepted (out of file handles, say):
      // the server keeps listening and answers again once the system recovers.
      server.on('error', (e: NodeJS.ErrnoException) =>
        console.error(`[parallax] web mode could not accept a connection: ${e.code ?? e.message}`),
      );
      port = (server.address() as AddressInfo).port;
      resolve({
        port,
        url: `http://127.0.0.1:${port}/#token=${opts.token}`,
        broadcast(event, payload) {
          const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
          for (const s of streams) {
            // A reader that stopped reading would make the server hold every event for it: drop it instead.
            if (s.writableLength > limits.maxEventBacklogBytes) {
              streams.delete(s);
              s.destroy();
            } else s.write(frame);
          }
        },
        close: () =>
          new Promise<void>((done) => {
            for (const s of streams) s.end();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
