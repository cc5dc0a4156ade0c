import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import type { ApiError } from '../../contract/errors';
import { clip } from '../../contract/errors';
import { tokensMatch } from '../shared/token';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export type Guard = { port: number; token: string };

/** Host names that mean this machine; any other Host header is a DNS-rebinding attempt. */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

/** The request arrived on the loopback interface and names this server in Host (DNS rebinding). */
export function checkLoopbackHost(req: IncomingMessage, port: number): ApiError | null {
  const local = req.socket.localAddress ?? '';
  if (!LOOPBACK.has(local) && !(isIP(local) && local.startsWith('127.'))) {
    return { code: 'FORBIDDEN', message: 'Parallax only answers on the loopback interface' };
  }
  const host = (req.headers.host ?? '').toLowerCase();
  if (!allowedHosts(port).has(host)) return { code: 'FORBIDDEN', message: `Host ${JSON.stringify(clip(host, 100))} is not this server` };
  return null;
}

/**
 * Checks every request must pass before anything else happens: it arrived on the loopback interface,
 * names this server in Host (DNS rebinding), and if it says where it comes from (Origin), that is this
 * server too. Browsers always send Origin on cross-site POSTs, so a web page elsewhere cannot call the API.
 */
export function checkRequestOrigin(req: IncomingMessage, guard: Guard): ApiError | null {
  const refused = checkLoopbackHost(req, guard.port);
  if (refused) return refused;
  const origin = req.headers.origin;
  if (origin !== undefined) {
    const own = [...allowedHosts(guard.port)].map((h) => `http://${h}`);
    if (!own.includes(origin.toLowerCase())) return { code: 'FORBIDDEN', message: `Requests from ${clip(origin, 100)} are refused` };
  }
  return null;
}

/** API calls carry the per-launch token as `Authorization: Bearer <token>`. */
export function checkToken(req: IncomingMessage, guard: Guard): ApiError | null {
  const auth = req.headers.authorization ?? '';
  const given = /^Bearer (.+)$/.exec(auth)?.[1];
  return tokensMatch(given, guard.token)
    ? null
    : { code: 'UNAUTHORIZED', message: 'Missing or wrong token: open the URL that "parallax serve" printed' };
}
