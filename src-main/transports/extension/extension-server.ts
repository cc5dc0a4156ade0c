import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiError, Handlers } from '../../contract';
import { MAX_PAGE_BYTES, clip, fail } from '../../contract';
import type { ExtensionPairing } from '../../services/extension/pairing';
import { EXTENSION_ORIGIN } from '../../services/extension/pairing';
import { dispatch } from '../shared/dispatch';
import { sendJson, statusOf } from '../http/http-server';
import type { BodyLimits, BodyRefusal } from '../http/request-body';
import { declaredTooLarge, readBody } from '../http/request-body';
import { checkLoopbackHost } from '../http/request-guard';

/**
 * Where the browser extension finds the app (ADR 006): the first of these ports that is free, tried in
 * order; the extension asks each in turn (and first the one its settings name). `PARALLAX_EXTENSION_PORT`
 * or `--extension-port` names one port instead, or `off`.
 */
export const EXTENSION_PORTS = [48217, 48218, 48219, 48220, 48221] as const;

/** What the extension speaks; it refuses an app that answers another version. */
export const EXTENSION_PROTOCOL = 1;

/**
 * A page's HTML is at most 20 MB (the handler checks its bytes), but JSON escapes every quote and newline
 * of it, and a selection and a few fields come with it: a body up to twice that and a little is read, and
 * anything larger is refused before a byte of it is read.
 */
const SAVE_LIMITS: BodyLimits = { maxBodyBytes: 2 * MAX_PAGE_BYTES + 2 * 1024 * 1024, bodyIdleMs: 20_000, bodyTotalMs: 2 * 60_000 };
const SMALL_LIMITS: BodyLimits = { maxBodyBytes: 4096, bodyIdleMs: 10_000, bodyTotalMs: 20_000 };

const smallOnly: ApiError = { code: 'TOO_LARGE', message: 'This call takes a few bytes at most' };
const pageTooLarge: ApiError = {
  code: 'TOO_LARGE',
  message: `The page is larger than ${MAX_PAGE_BYTES / 1048576} MB, the most Parallax saves from the browser. Nothing was saved`,
};

export type ExtensionServerOptions = {
  handlers: Handlers;
  pairing: ExtensionPairing;
  /** One port to listen on (0: any free one, for tests); by default the first free of EXTENSION_PORTS. */
  port?: number;
  limits?: { save?: Partial<BodyLimits> };
};

export type ExtensionServer = { port: number; close: () => Promise<void> };

const bearer = (req: IncomingMessage) => /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
const isJson = (req: IncomingMessage) => (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase() === 'application/json';

/**
 * The loopback listener the browser extension talks to. It is not web mode's server: it serves no app and
 * accepts only the extension. Every request must arrive on loopback, name this server in Host (DNS
 * rebinding) and come from an extension's origin (`chrome-extension://…`, `moz-extension://…`): a web page
 * always sends its own origin, so no site can reach it, and there are no CORS headers, so none can read an
 * answer. Saving and listing stories also need a paired token, which works only from the origin that paired.
 *
 *   POST /v1/status   {} -> {app, protocol, paired}: is Parallax here, and does it know this token
 *   POST /v1/pair     {code} -> {token}: once per code shown in the app; wrong codes are rate-limited
 *   POST /v1/save     the page (contract `articles.importPage`) -> {id, title, duplicate, highlight}
 *   POST /v1/stories  {} -> [{id, name}] for the popup's story menu
 *
 * All are POSTs with a JSON body: Chromium sends an extension's Origin only on those.
 */
export function startExtensionServer(opts: ExtensionServerOptions): Promise<ExtensionServer | null> {
  let port = 0;
  const saveLimits = { ...SAVE_LIMITS, ...opts.limits?.save };

  const readJson = async (req: IncomingMessage, res: ServerResponse, limits: BodyLimits, tooLarge: ApiError): Promise<unknown> => {
    if (!isJson(req)) return void sendError(req, res, { code: 'BAD_INPUT', message: 'Send Content-Type: application/json' });
    if (declaredTooLarge(req, limits)) return void sendError(req, res, tooLarge);
    let text: string;
    try {
      text = (await readBody(req, limits)).toString('utf8');
    } catch (e) {
      // A body cut off (the browser closed, the tab went away) is never acted on: nothing half-sent is kept.
      const refusal = e as BodyRefusal;
      if (refusal.error === null) return void res.destroy();
      const error = refusal.status === 413 ? tooLarge : refusal.error;
      return void sendJson(req, res, refusal.status, { ok: false, error });
    }
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return void sendError(req, res, { code: 'BAD_INPUT', message: 'The request body is not valid JSON' });
    }
  };

  const paired = async (req: IncomingMessage, res: ServerResponse, origin: string): Promise<boolean> => {
    if (await opts.pairing.verify(bearer(req), origin)) return true;
    sendError(req, res, {
      code: 'UNAUTHORIZED',
      message: 'This browser is not paired with Parallax: in the app, open Connect browser… and type the code it shows into the extension',
    });
    return false;
  };

  const answer = async (req: IncomingMessage, res: ServerResponse) => {
    const refused = checkLoopbackHost(req, port);
    if (refused) return sendError(req, res, refused);
    const origin = req.headers.origin ?? '';
    if (!EXTENSION_ORIGIN.test(origin))
      return sendError(req, res, {
        code: 'FORBIDDEN',
        message: origin
          ? `Requests from ${clip(origin, 100)} are refused: only the Parallax extension may call here`
          : 'Only the Parallax extension may call here',
      });
    if (req.headers.upgrade !== undefined)
      return sendError(req, res, { code: 'BAD_INPUT', message: 'Parallax does not upgrade connections' });
    const route = `${req.method} ${(req.url ?? '').split('?')[0]}`;
    // Every call is a POST: Chromium sends an extension's Origin on a POST but not on a GET, and the
    // Origin is what keeps web pages out.
    if (req.method !== 'POST') return sendError(req, res, { code: 'BAD_INPUT', message: 'Calls to Parallax are POST requests' });
    if (route === 'POST /v1/status') {
      if ((await readJson(req, res, SMALL_LIMITS, smallOnly)) === undefined) return;
      const known = await opts.pairing.verify(bearer(req), origin);
      return sendJson(req, res, 200, { ok: true, value: { app: 'parallax', protocol: EXTENSION_PROTOCOL, paired: known } });
    }
    if (route === 'POST /v1/pair') {
      const body = await readJson(req, res, SMALL_LIMITS, smallOnly);
      if (body === undefined) return;
      const code = (body as { code?: unknown } | null)?.code;
      if (typeof code !== 'string' || code.length > 40)
        return sendError(req, res, { code: 'BAD_INPUT', message: 'Send {"code": "<the code Parallax shows>"}' });
      const r = await opts.pairing.redeem(code, origin);
      if (r.ok) return sendJson(req, res, 200, { ok: true, value: { token: r.token } });
      return sendJson(req, res, r.reason === 'throttled' ? 429 : 403, fail('FORBIDDEN', r.message));
    }
    if (route === 'POST /v1/save') {
      // The token is checked before the body is read: an unpaired browser's page is never read, let alone kept.
      if (!(await paired(req, res, origin))) return;
      const body = await readJson(req, res, saveLimits, pageTooLarge);
      if (body === undefined) return;
      const result = await dispatch(opts.handlers, 'articles.importPage', body);
      return result.ok ? sendJson(req, res, 200, result) : sendError(req, res, result.error);
    }
    if (route === 'POST /v1/stories') {
      if (!(await paired(req, res, origin))) return;
      if ((await readJson(req, res, SMALL_LIMITS, smallOnly)) === undefined) return;
      const { stories } = await opts.handlers['stories.list']({});
      return sendJson(req, res, 200, { ok: true, value: stories.map((s) => ({ id: s.id, name: s.name })) });
    }
    return sendError(req, res, { code: 'NOT_FOUND', message: `Nothing here answers ${clip(route, 100)}` });
  };

  const server = createServer({ headersTimeout: 20_000, requestTimeout: 3 * 60_000, keepAliveTimeout: 5_000 }, (req, res) => {
    answer(req, res).catch((e: unknown) => {
      // Logged without headers: the token travels in one.
      console.error(`[parallax] the browser extension's request ${req.method} ${clip((req.url ?? '').split('?')[0]!, 120)} failed:`, e);
      sendJson(req, res, 500, fail('INTERNAL', 'Parallax could not answer; the reason is in its log'));
    });
  });
  server.maxConnections = 16;

  const candidates = opts.port !== undefined ? [opts.port] : [...EXTENSION_PORTS];
  return (async () => {
    for (const candidate of candidates) {
      if (await listen(server, candidate)) {
        port = (server.address() as AddressInfo).port;
        opts.pairing.port = port;
        server.on('error', (e: NodeJS.ErrnoException) =>
          console.error(`[parallax] the browser extension's listener: ${e.code ?? e.message}`),
        );
        return {
          port,
          close: () =>
            new Promise<void>((done) => {
              opts.pairing.port = null;
              server.close(() => done());
              server.closeAllConnections();
            }),
        };
      }
    }
    return null;
  })();
}

function sendError(req: IncomingMessage, res: ServerResponse, error: ApiError): void {
  sendJson(req, res, statusOf[error.code], { ok: false, error });
}

/** Listen on 127.0.0.1:`port`; false when it is taken (or not ours to take), so the next one is tried. */
function listen(server: Server, port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (e.code === 'EADDRINUSE' || e.code === 'EACCES') resolve(false);
      else reject(e);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve(true);
    };
    server.once('error', onError).once('listening', onListening);
    server.listen(port, '127.0.0.1');
  });
}

/**
 * `--extension-port` / `PARALLAX_EXTENSION_PORT`: a port (0 for any free one), `off`, or nothing (the default
 * ports). Anything else is refused with a message rather than quietly listening somewhere unexpected.
 */
export function parseExtensionPort(value: string | undefined): { port?: number } | 'off' {
  if (value === undefined || value === '') return {};
  if (value.toLowerCase() === 'off') return 'off';
  if (!/^\d+$/.test(value) || Number(value) > 65535)
    throw new Error(`the browser extension's port must be 0..65535 or "off", got ${JSON.stringify(clip(value, 40))}`);
  return { port: Number(value) };
}

/** Start the listener the way the app and web mode do, saying in one line where it listens, or why not. */
export async function startExtensionListener(
  handlers: Handlers,
  pairing: ExtensionPairing,
  setting: string | undefined,
  say: (line: string) => void,
): Promise<ExtensionServer | null> {
  const wanted = parseExtensionPort(setting);
  if (wanted === 'off') return null;
  const server = await startExtensionServer({ handlers, pairing, port: wanted.port });
  say(
    server
      ? `Browser extension: listening on 127.0.0.1:${server.port} (pair it with Connect browser… in the app).`
      : `Browser extension: not listening, port${wanted.port === undefined ? `s ${EXTENSION_PORTS[0]}–${EXTENSION_PORTS.at(-1)} are` : ` ${wanted.port} is`} in use.`,
  );
  return server;
}
