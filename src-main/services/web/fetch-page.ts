import { AppError, clip } from '../../contract/errors';

/** How far a fetch of a web address may go before Parallax gives up on it, with the reason. */
export type FetchLimits = {
  /** The most bytes a page (after any redirects) may have: the same ceiling as a page saved from the browser. */
  maxBytes: number;
  /** The whole fetch, redirects included, from the first request to the last byte. */
  timeoutMs: number;
  /** Redirects followed before the address is refused as one that redirects forever. */
  maxRedirects: number;
};

export const WEB_FETCH_LIMITS: FetchLimits = { maxBytes: 20 * 1024 * 1024, timeoutMs: 30_000, maxRedirects: 8 };

/** What came back, as bytes: the importer decodes them by the declared charset or by sniffing, as a file's. */
export type FetchedPage = {
  /** The address as the user gave it (normalised by the URL parser). */
  requestedUrl: string;
  /** Where the page was in the end, after redirects: the address an article keeps and a citation uses. */
  url: string;
  redirects: string[];
  status: number;
  /** The media type without parameters, lower-case ("text/html"). */
  mediaType: string;
  /** The charset the server declared, if any. */
  charset?: string;
  kind: 'html' | 'pdf' | 'text';
  body: Buffer;
  /** When the last byte arrived (ISO 8601): the access date of a citation. */
  fetchedAt: string;
  /** Validators for checking the page again later. */
  etag?: string;
  lastModified?: string;
};

export type FetchOptions = Partial<FetchLimits> & {
  signal?: AbortSignal;
  /** For tests: a stand-in for the global fetch. */
  fetchImpl?: typeof fetch;
  /** Conditional request headers when checking a page again. */
  ifNoneMatch?: string;
  ifModifiedSince?: string;
};

const kinds: Record<string, FetchedPage['kind']> = {
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'application/pdf': 'pdf',
  'text/plain': 'text',
};

/**
 * Reads a web address a user typed: only http and https, no credentials inside the address (they would end
 * up in the notebook and in citations). A bare "example.com/a" is read as https.
 */
export function parseWebAddress(address: string): URL {
  const typed = address.trim();
  if (!typed) throw new AppError('BAD_INPUT', 'Type a web address (https://…)');
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(typed) ? typed : `https://${typed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new AppError('BAD_INPUT', `"${clip(typed, 120)}" is not a web address`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new AppError('UNSUPPORTED', `Parallax fetches http and https addresses only, not ${url.protocol.replace(/:$/, '')}:`);
  if (url.username || url.password)
    throw new AppError('BAD_INPUT', 'The address holds a user name or password; remove it (it would be kept in the notebook and its citations)');
  if (!url.hostname) throw new AppError('BAD_INPUT', `"${clip(typed, 120)}" names no host`);
  url.hash = '';
  return url;
}

const networkCodes: Record<string, (host: string) => string> = {
  ENOTFOUND: (h) => `${h} could not be found; check the address, or whether this computer is online`,
  EAI_AGAIN: (h) => `${h} could not be looked up; this computer may be offline`,
  ECONNREFUSED: (h) => `${h} refused the connection`,
  ECONNRESET: (h) => `${h} closed the connection before the page arrived`,
  EHOSTUNREACH: (h) => `${h} cannot be reached from this computer; it may be offline`,
  ENETUNREACH: (h) => `The network is unreachable (fetching from ${h}); this computer may be offline`,
  UND_ERR_SOCKET: (h) => `${h} closed the connection before the page arrived`,
  UND_ERR_CONNECT_TIMEOUT: (h) => `${h} did not answer`,
  CERT_HAS_EXPIRED: (h) => `${h}'s certificate has expired; Parallax did not fetch the page`,
  DEPTH_ZERO_SELF_SIGNED_CERT: (h) => `${h} has a self-signed certificate; Parallax did not fetch the page`,
  ERR_TLS_CERT_ALTNAME_INVALID: (h) => `${h}'s certificate is for another host; Parallax did not fetch the page`,
};

function causeCode(e: unknown): string | undefined {
  for (let cur: unknown = e, depth = 0; cur && depth < 4; depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

const duration = (ms: number) => (ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`);

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;

/**
 * Fetches one page for import or for a check for updates. Redirects are followed by hand, so each hop is
 * checked (http(s) only, counted, no loop); the body is read as a stream and dropped the moment it passes the
 * size limit; one deadline covers the whole fetch. Every failure is an AppError whose message says what to do;
 * nothing is written anywhere, so a failure leaves the notebook as it was.
 */
export async function fetchPage(address: string, options: FetchOptions = {}): Promise<FetchedPage> {
  const limits: FetchLimits = { ...WEB_FETCH_LIMITS, ...stripUndefined(options) };
  const doFetch = options.fetchImpl ?? fetch;
  const start = parseWebAddress(address);
  const timeout = AbortSignal.timeout(limits.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const redirects: string[] = [];
  let url = start;
  const seen = new Set<string>([url.href]);
  try {
    for (;;) {
      const headers: Record<string, string> = {
        accept: 'text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8',
        'user-agent': 'Mozilla/5.0 (compatible; Parallax research notebook)',
      };
      if (options.ifNoneMatch) headers['if-none-match'] = options.ifNoneMatch;
      if (options.ifModifiedSince) headers['if-modified-since'] = options.ifModifiedSince;
      const response = await doFetch(url.href, { redirect: 'manual', signal, headers });
      if (response.status >= 300 && response.status < 400 && response.status !== 304) {
        const location = response.headers.get('location');
        await response.body?.cancel();
        if (!location) throw new AppError('UNREACHABLE', `${url.host} answered ${response.status} (a redirect) without saying where to`);
        const next = new URL(location, url);
        if (next.protocol !== 'http:' && next.protocol !== 'https:')
          throw new AppError('UNSUPPORTED', `${url.host} redirects to a ${next.protocol.replace(/:$/, '')}: address; Parallax follows http and https only`);
        next.hash = '';
        if (seen.has(next.href)) throw new AppError('UNREACHABLE', `${start.host} redirects in a loop (back to ${clip(next.href, 120)}); nothing was imported`);
        if (redirects.length >= limits.maxRedirects)
          throw new AppError('UNREACHABLE', `${start.host} redirected more than ${limits.maxRedirects} times; nothing was imported`);
        redirects.push(next.href);
        seen.add(next.href);
        url = next;
        continue;
      }
      return await readPage(response, start, url, redirects, limits);
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    if (timeout.aborted)
      throw new AppError('TIMEOUT', `${url.host} took longer than ${duration(limits.timeoutMs)}; nothing was imported`);
    if (options.signal?.aborted) throw new AppError('CANCELLED', 'The fetch was cancelled; nothing was imported');
    const code = causeCode(e);
    const say = code ? networkCodes[code] : undefined;
    throw new AppError('UNREACHABLE', say ? say(url.host) : `${url.host} could not be reached (${clip(String((e as Error).message ?? e), 160)})`);
  }
}

async function readPage(response: Response, start: URL, url: URL, redirects: string[], limits: FetchLimits): Promise<FetchedPage> {
  const base = { requestedUrl: start.href, url: url.href, redirects, status: response.status };
  if (response.status === 304) {
    await response.body?.cancel();
    return { ...base, mediaType: '', kind: 'html', body: Buffer.alloc(0), fetchedAt: new Date().toISOString() };
  }
  if (!response.ok) {
    await response.body?.cancel();
    const why = response.statusText ? ` ${response.statusText}` : '';
    throw new AppError(response.status === 404 || response.status === 410 ? 'NOT_FOUND' : 'UNREACHABLE', `${url.host} answered ${response.status}${why} for ${clip(url.pathname, 120)}; nothing was imported`);
  }
  const contentType = response.headers.get('content-type') ?? '';
  const [typePart, ...params] = contentType.split(';');
  const mediaType = (typePart ?? '').trim().toLowerCase();
  const kind = kinds[mediaType] ?? (mediaType === '' ? 'html' : undefined);
  if (!kind) {
    await response.body?.cancel();
    throw new AppError('UNSUPPORTED', `${url.host} sent ${clip(mediaType, 60)}, not a web page, PDF or text; nothing was imported`);
  }
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limits.maxBytes) {
    await response.body?.cancel();
    throw new AppError('TOO_LARGE', `The page is ${mb(declared)}; Parallax fetches pages of up to ${mb(limits.maxBytes)}. Nothing was imported`);
  }
  const body = await readCapped(response, limits.maxBytes);
  const charset = params
    .map((p) => p.trim().match(/^charset\s*=\s*"?([^";]+)"?$/i)?.[1])
    .find((c): c is string => Boolean(c))
    ?.toLowerCase();
  return {
    ...base,
    mediaType,
    ...(charset ? { charset } : {}),
    kind,
    body,
    fetchedAt: new Date().toISOString(),
    ...(response.headers.get('etag') ? { etag: response.headers.get('etag')! } : {}),
    ...(response.headers.get('last-modified') ? { lastModified: response.headers.get('last-modified')! } : {}),
  };
}

async function readCapped(response: Response, maxBytes: number): Promise<Buffer> {
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new AppError('TOO_LARGE', `The page is larger than ${mb(maxBytes)}, the most Parallax fetches; nothing was imported`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

function stripUndefined(o: FetchOptions): Partial<FetchLimits> {
  const out: Partial<FetchLimits> = {};
  if (o.maxBytes !== undefined) out.maxBytes = o.maxBytes;
  if (o.timeoutMs !== undefined) out.timeoutMs = o.timeoutMs;
  if (o.maxRedirects !== undefined) out.maxRedirects = o.maxRedirects;
  return out;
}
