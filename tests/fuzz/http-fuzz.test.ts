/**
 * Web mode fuzzed over real sockets: fast-check builds whole requests (the API payloads of api-fuzz, and
 * broken JSON, huge numbers, deep nesting, invalid UTF-8, wrong or missing content types, broken
 * percent-encoding, foreign Host and Origin, odd headers, chunked bodies with bad framing, pipelined
 * requests, clients that hang up half way) and writes them byte for byte to a real `startHttpServer`.
 *
 * Held to: the process never crashes; every complete request gets an answer (or a close, for what HTTP
 * itself refuses); no answer is a 5xx or INTERNAL; every API answer is a Result whose status is its code's;
 * the server keeps answering; the notebook reopens with every article readable and Object.prototype is never
 * polluted.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../src-main/contract';
import { errorCodes, methodNames } from '../../src-main/contract';
import { openBackend } from '../../src-main/services/backend';
import { NotebookStore } from '../../src-main/services/store/notebook-store';
import { startHttpServer, statusOf } from '../../src-main/transports/http/http-server';
import type { RawReply } from '../helpers/raw-http';
import { rawConnect } from '../helpers/raw-http';
import { useTempDirs } from '../helpers/temp-dir';
import { payload } from './payloads';

const tempDir = useTempDirs();
/** Requests per run: as many as api-fuzz sends each method (FUZZ_RUNS, 1,500 by default). */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1500);
const TOKEN = 'http-fuzz-token-0123456789abcdef';
/** A request that is complete gets its answer well within this; waiting longer means the server hangs. */
const ANSWER_WITHIN_MS = 15_000;

/** Mostly `usual`, sometimes one of `odd`: most requests are broken in one or two ways, not in all of them. */
const mostly = <T>(usual: T, ...odd: T[]) =>
  fc.oneof({ weight: 10, arbitrary: fc.constant(usual) }, { weight: 2, arbitrary: fc.constantFrom(...odd) });

/** A payload as its JSON text; one nested too deeply for JSON.stringify is written out by hand. */
function toJson(p: unknown): string {
  try {
    return JSON.stringify(p) ?? '';
  } catch {
    return `${'{"a":['.repeat(5_000)}1${']}'.repeat(5_000)}`;
  }
}

const rawBody = fc.oneof(
  { weight: 5, arbitrary: payload.map(toJson) },
  // Valid for the methods that take no input or only optional fields, and for search and paste.
  { weight: 3, arbitrary: fc.constant('{}') },
  { weight: 1, arbitrary: fc.record({ query: fc.string({ maxLength: 60 }) }).map(toJson) },
  { weight: 1, arbitrary: fc.record({ text: fc.string({ minLength: 1, maxLength: 300 }) }).map(toJson) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '',
      '   ',
      '{',
      '{"id":',
      '[',
      'null',
      'true',
      '"text"',
      '1e999',
      '-1e999',
      '123456789012345678901234567890',
      '{"limit":1e308,"offset":-0}',
      '{"offset":9007199254740993}',
      '{"query":"\\ud800"}',
      '{"text":"\\udfff\\ud800 lone halves"}',
      '{"id":"\\u0000"}',
      '\uFEFF{}',
      '{}{}',
      '{} trailing',
      '{"a":1,"a":2}',
      '{"__proto__":{"polluted":true}}',
      '{"constructor":{"prototype":{"polluted":true}}}',
      `${'['.repeat(200_000)}${']'.repeat(200_000)}`,
      `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`,
      `{"text":"${'x'.repeat(1_000_000)}"}`,
    ),
  },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b)) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
);

const path = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...methodNames).map((m) => `/api/${m}`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(...methodNames).map((m) => `/api/${[...m].map((c) => `%${c.charCodeAt(0).toString(16)}`).join('')}`),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '/api/%E0%A4%A',
      '/api/%',
      '/api/%zz',
      '/api/%00',
      '/api/%C0%AE%C0%AE',
      '/api/..%2f..%2fetc%2fpasswd',
      '/api/',
      '/api',
      '/api/events',
      '/api/notebook.info?x=%E0',
      '/api/notebook.info#frag',
      '//api/notebook.info',
      '/api/__proto__',
      '/api/constructor',
      '/',
      '/index.html',
      '/assets/%E0%A4%A.js',
      '/../../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '*',
      'http://127.0.0.1/api/notebook.info',
      `/api/${'a'.repeat(20_000)}`,
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 80 }).map((s) => `/api/${s}`) },
);

const request = fc.record({
  verb: mostly('POST', 'GET', 'HEAD', 'PUT', 'OPTIONS', 'DELETE', 'post', 'BREW'),
  path,
  host: mostly('self', 'localhost', 'foreign', 'missing', 'twice', 'long'),
  auth: mostly('right', 'wrong', 'missing', 'no-bearer', 'twice'),
  origin: mostly<string | null>(null, 'self', 'foreign', 'null'),
  contentType: mostly<string | null>(
    'application/json',
    'application/json; charset=utf-8',
    'APPLICATION/JSON',
    'application/jsonp',
    'application/json, text/plain',
    'text/plain',
    'multipart/form-data; boundary=x',
    null,
  ),
  odd: fc.oneof(
    { weight: 5, arbitrary: fc.constant([] as string[]) },
    {
      weight: 1,
      arbitrary: fc.array(
        fc.constantFrom(
          'Expect: 100-continue',
          'Connection: upgrade\r\nUpgrade: websocket',
          'Transfer-Encoding: gzip',
          'Content-Encoding: gzip',
          'X-Forwarded-For: 10.0.0.1',
          `X-Long: ${'v'.repeat(8_000)}`,
          'X-Latin: \u00ff\u00fe',
          'Cookie: token=x',
          ' Leading-Space: x',
          'No-Colon',
        ),
        { minLength: 1, maxLength: 2 },
      ),
    },
  ),
  body: rawBody,
  framing: mostly('length', 'chunked', 'chunked', 'chunked-bad', 'length-invalid', 'length-and-chunked', 'declared-huge', 'none'),
  ending: mostly('complete', 'hang-up-after-headers', 'hang-up-mid-body', 'pipelined'),
});
type Request = typeof request extends fc.Arbitrary<infer T> ? T : never;

/** One line of text as titles and names must be: no control characters. */
// eslint-disable-next-line no-control-regex
const plain = (t: string) => !/[\u0000-\u001f\u007f-\u009f]/.test(t);
/** Calls the contract accepts, with random content: these run the handlers, through HTTP. */
const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 300 }).filter((t) => t.trim() !== '');
const validCall: fc.Arbitrary<[string, unknown]> = fc.oneof(
  fc
    .constantFrom('notebook.info', 'articles.outlets', 'tags.list', 'stories.list', 'search.status', 'backup.list', 'search.saved.list')
    .map((m): [string, unknown] => [m, {}]),
  fc
    .record({ query: fc.string({ maxLength: 200 }), limit: fc.integer({ min: 1, max: 500 }) })
    .map((p): [string, unknown] => ['search.query', p]),
  fc
    .record({
      filter: fc.string({ maxLength: 50 }),
      sort: fc.constantFrom('date', 'outlet', 'title', 'imported'),
      limit: fc.integer({ min: 1, max: 50 }),
    })
    .map((p): [string, unknown] => ['articles.list', p]),
  fc.record({ text: fc.string({ maxLength: 40 }) }, { requiredKeys: [] }).map((p): [string, unknown] => ['annotations.list', p]),
  fc
    .record({
      text,
      title: fc.option(fc.string({ maxLength: 40 }).filter(plain), { nil: undefined }),
    })
    .map(({ text: t, title }): [string, unknown] => ['articles.importText', title === undefined ? { text: t } : { text: t, title }]),
  // Scoped to the sample's articles: a whole-notebook export grows with every article the run pastes in.
  fc
    .constantFrom('md', 'html', 'csv', 'w3c', 'csl', 'bibtex', 'ris')
    .map((format): [string, unknown] => ['export.run', { format, scope: { query: 'Syria Türkiye' } }]),
  text.filter((t) => t.length <= 300 && plain(t)).map((name): [string, unknown] => ['stories.create', { name }]),
);
/** A request as sent: half of them a valid call (whose headers may still be broken), half anything. */
const anyRequest = fc.oneof(
  request,
  fc.tuple(request, validCall).map(([r, [method, input]]): Request => ({ ...r, path: `/api/${method}`, body: JSON.stringify(input) })),
);

function encode(r: Request, port: number): { head: string; body: Buffer } {
  const lines = [`${r.verb} ${r.path} HTTP/1.1`];
  const host: Record<string, string> = {
    self: `127.0.0.1:${port}`,
    localhost: `localhost:${port}`,
    foreign: `evil.example:${port}`,
    long: 'h'.repeat(10_000),
  };
  if (r.host === 'twice') lines.push(`Host: 127.0.0.1:${port}`, `Host: evil.example:${port}`);
  else if (r.host !== 'missing') lines.push(`Host: ${host[r.host]}`);
  if (r.auth === 'right' || r.auth === 'twice') lines.push(`Authorization: Bearer ${TOKEN}`);
  if (r.auth === 'twice') lines.push('Authorization: Bearer wrong-token-0123456789');
  if (r.auth === 'wrong') lines.push('Authorization: Bearer wrong-token-0123456789');
  if (r.auth === 'no-bearer') lines.push(`Authorization: ${TOKEN}`);
  if (r.origin)
    lines.push(`Origin: ${r.origin === 'self' ? `http://127.0.0.1:${port}` : r.origin === 'foreign' ? 'https://evil.example' : 'null'}`);
  if (r.contentType) lines.push(`Content-Type: ${r.contentType}`);
  lines.push(...r.odd);
  const raw = Buffer.isBuffer(r.body) ? r.body : Buffer.from(r.body, 'utf8');
  let body = raw;
  if (r.framing === 'length') lines.push(`Content-Length: ${raw.length}`);
  if (r.framing === 'length-invalid') lines.push('Content-Length: -1, 12abc');
  if (r.framing === 'declared-huge') lines.push(`Content-Length: ${100 * 1024 * 1024}`);
  if (r.framing === 'chunked' || r.framing === 'length-and-chunked' || r.framing === 'chunked-bad')
    lines.push('Transfer-Encoding: chunked');
  if (r.framing === 'length-and-chunked') lines.push(`Content-Length: ${raw.length}`);
  if (r.framing === 'chunked' || r.framing === 'length-and-chunked') {
    const pieces: Buffer[] = [];
    for (let i = 0; i < raw.length; i += 64 * 1024) {
      const piece = raw.subarray(i, i + 64 * 1024);
      pieces.push(Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n'));
    }
    body = Buffer.concat([...pieces, Buffer.from('0\r\n\r\n')]);
  }
  if (r.framing === 'chunked-bad') body = Buffer.concat([Buffer.from('zz\r\n'), raw, Buffer.from('\r\n')]);
  if (r.ending !== 'pipelined') lines.push('Connection: close');
  return { head: `${lines.join('\r\n')}\r\n\r\n`, body };
}

const withDeadline = <T>(p: Promise<T>, what: string) =>
  Promise.race([
    p,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`no answer within ${ANSWER_WITHIN_MS} ms: ${what}`)), ANSWER_WITHIN_MS),
    ),
  ]);

describe('web mode fuzzing over HTTP', () => {
  it(
    `${RUNS} random and broken requests never crash the server, never answer 5xx or INTERNAL, and never corrupt the notebook`,
    async () => {
      const nb = join(tempDir(), 'nb');
      const backend = await openBackend(nb, { create: true, durability: 'none' });
      await backend.handlers['notebook.importSample']({});
      // Short body limits, so a request that stops sending costs the run a moment, not 20 s.
      const server = await startHttpServer({
        handlers: backend.handlers,
        token: TOKEN,
        port: 0,
        limits: { bodyIdleMs: 500, bodyTotalMs: 5_000 },
      });
      const port = server.port;
      const statuses = new Map<number, number>();
      const codes = new Map<string, number>();
      let runs = 0;

      const check = (r: Request, reply: RawReply) => {
        const what = `${r.verb} ${r.path.slice(0, 80)} (${r.framing}, ${r.ending})`;
        statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
        expect(reply.status, `${what}: ${reply.body.slice(0, 300)}`).toBeLessThan(500);
        if (reply.status === 0) return; // HTTP itself refused it (Node closes without a word on some)
        // The server answered without reading the body: it must not then read it, so it closes.
        if (r.framing === 'declared-huge') expect(reply.headers.connection, what).toBe('close');
        const json = (reply.headers['content-type'] ?? '').startsWith('application/json');
        // Node's own 400/408/413/431, a static file, the event stream, an answer to HEAD (headers only)
        if (!json || r.verb === 'HEAD') return;
        const result = JSON.parse(reply.body) as { ok: boolean; error?: { code: ErrorCode; message: string } };
        expect(typeof result.ok, what).toBe('boolean');
        if (!result.ok) {
          const code = result.error!.code;
          codes.set(code, (codes.get(code) ?? 0) + 1);
          expect(errorCodes, what).toContain(code);
          expect(code, `${what}: ${result.error!.message}`).not.toBe('INTERNAL');
          expect(reply.status, what).toBe(statusOf[code]);
          expect(result.error!.message.length, what).toBeLessThanOrEqual(2_000);
        }
      };

      await fc.assert(
        fc.asyncProperty(anyRequest, async (r) => {
          runs++;
          const { head, body } = encode(r, port);
          const c = await rawConnect(port);
          try {
            if (r.ending === 'hang-up-after-headers') {
              c.write(head);
              c.socket.destroy();
              return;
            }
            if (r.ending === 'hang-up-mid-body') {
              c.write(head);
              c.write(body.subarray(0, Math.floor(body.length / 2)));
              c.socket.destroy();
              return;
            }
            c.write(head);
            // A declared 100 MB body is never sent: the server must answer (refuse) without waiting for it.
            if (r.framing !== 'declared-huge') c.write(body);
            if (r.ending === 'pipelined') c.write(head.replace(/^[A-Z]+ \S+/i, 'POST /api/notebook.info') + '{}');
            const reply = await withDeadline(c.reply(), `${r.verb} ${r.path.slice(0, 80)}`);
            check(r, reply);
          } finally {
            c.socket.destroy();
          }
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
          if (runs % 100 === 0) await stillAnswers(port);
        }),
        { numRuns: RUNS, seed: 20261201 },
      );
      await stillAnswers(port);
      console.log(
        `http-fuzz: ${runs} requests; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}; error codes ${JSON.stringify(Object.fromEntries(codes))}`,
      );
      await server.close();
      await backend.close();
      const reopened = await NotebookStore.open(nb);
      expect(reopened.readOnly).toBe(false);
      for (const e of reopened.entries()) expect((await reopened.readArticle(e.id)).id).toBe(e.id);
    },
    Math.max(300_000, RUNS * 200),
  );
});

async function stillAnswers(port: number) {
  const c = await rawConnect(port);
  c.write(
    `POST /api/notebook.info HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`,
  );
  const r = await withDeadline(c.reply(), 'the health check');
  c.socket.destroy();
  expect(r.status).toBe(200);
}
