import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiError, ErrorCode, EventName, Handlers, Result } from '../../contract';
import { dispatch } from '../shared/dispatch';
import { checkRequestOrigin, checkToken } from './request-guard';
import { securityHeaders, serveStatic } from './static-files';

/** Uploads of a few files at 20 MB each, base64-encoded, fit; anything bigger is refused before parsing. */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

const statusOf: Partial<Record<ErrorCode, number>> = {
  BAD_INPUT: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  UNKNOWN_METHOD: 404,
  CONFLICT: 409,
  READ_ONLY: 409,
  LOCKED: 423,
  TOO_LARGE: 413,
  INTERNAL: 500,
  IO_ERROR: 500,
  CORRUPT: 500,
  DISK_FULL: 507,
};

export type HttpServerOptions = {
  handlers: Handlers;
  token: string;
  port?: number;
  /** Built renderer (out/renderer); without it only the API is served. */
  staticDir?: string;
};

export type RunningServer = {
  url: string;
  port: number;
  broadcast: (event: EventName, payload: unknown) => void;
  close: () => Promise<void>;
};

function sendJson(res: ServerResponse, status: number, body: Result<unknown>): void {
  res.writeHead(status, { ...securityHeaders, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

const sendError = (res: ServerResponse, error: ApiError) => sendJson(res, statusOf[error.code] ?? 400, { ok: false, error });

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(Object.assign(new Error('too large'), { tooLarge: true }));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Web mode: the same app and API as the desktop window, over HTTP on loopback. There is no CORS: the page
 * and the API share one origin, and every API call must carry the per-launch token.
 */
export function startHttpServer(opts: HttpServerOptions): Promise<RunningServer> {
  const streams = new Set<ServerResponse>();
  let port = opts.port ?? 0;
  const guard = () => ({ port, token: opts.token });

  const server = createServer(async (req, res) => {
    const refused = checkRequestOrigin(req, guard());
    if (refused) return sendError(res, refused);
    const url = req.url ?? '/';

    if (url.startsWith('/api/')) {
      const denied = checkToken(req, guard());
      if (denied) return sendError(res, denied);
      if (url === '/api/events' && req.method === 'GET') {
        res.writeHead(200, {
          ...securityHeaders,
          'Content-Type': 'text/event-stream',
          'Cache-Control': 'no-store',
          Connection: 'keep-alive',
        });
        res.write(': connected\n\n');
        streams.add(res);
        req.on('close', () => streams.delete(res));
        return;
      }
      if (req.method !== 'POST') return sendError(res, { code: 'BAD_INPUT', message: 'API calls are POST requests' });
      // A JSON content type cannot be sent by a plain HTML form, which closes off cross-site form posts.
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return sendError(res, { code: 'BAD_INPUT', message: 'API calls must send Content-Type: application/json' });
      }
      let payload: unknown;
      try {
        const text = await readBody(req);
        payload = text.trim() === '' ? {} : JSON.parse(text);
      } catch (e) {
        const tooLarge = (e as { tooLarge?: boolean }).tooLarge;
        return sendError(
          res,
          tooLarge
            ? { code: 'TOO_LARGE', message: `Request bodies are limited to ${MAX_BODY_BYTES / 1048576} MB` }
            : { code: 'BAD_INPUT', message: 'The request body is not valid JSON' },
        );
      }
      const method = decodeURIComponent(url.slice('/api/'.length).split('?')[0]!);
      const result = await dispatch(opts.handlers, method, payload);
      return result.ok ? sendJson(res, 200, result) : sendError(res, result.error);
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, { code: 'BAD_INPUT', message: 'Only GET is served here' });
    if (!opts.staticDir) return sendError(res, { code: 'NOT_FOUND', message: 'No app is served here' });
    return serveStatic(opts.staticDir, url, res);
  });
  server.requestTimeout = 0; // long imports must not be cut off; loopback only, so slow-loris is not a concern
  server.headersTimeout = 30_000;

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        port,
        url: `http://127.0.0.1:${port}/#token=${opts.token}`,
        broadcast(event, payload) {
          const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
          for (const s of streams) s.write(frame);
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
