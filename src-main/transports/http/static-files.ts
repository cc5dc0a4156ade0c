import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export const securityHeaders = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Serve the built renderer. Paths are resolved inside `root` only; anything else is a 404. */
export async function serveStatic(root: string, urlPath: string, res: ServerResponse): Promise<void> {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath.split('?')[0]!);
  } catch {
    rel = '/';
  }
  if (rel === '/' || !extname(rel)) rel = '/index.html';
  const full = normalize(join(root, rel));
  if (!full.startsWith(normalize(root) + sep)) {
    res.writeHead(404, securityHeaders).end('Not found');
    return;
  }
  try {
    const body = await readFile(full);
    res.writeHead(200, {
      ...securityHeaders,
      'Content-Type': types[extname(full)] ?? 'application/octet-stream',
      'Cache-Control': rel.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    res.end(body);
  } catch (e) {
    // Out of file handles is the system's state, not a missing file: the page may be fetched again later.
    if (['EMFILE', 'ENFILE'].includes((e as NodeJS.ErrnoException).code ?? '')) {
      res.writeHead(503, { ...securityHeaders, 'Retry-After': '5' }).end('The system is out of file handles; try again in a moment');
    } else res.writeHead(404, securityHeaders).end('Not found');
  }
}
