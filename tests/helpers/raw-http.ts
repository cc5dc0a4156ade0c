import { connect } from 'node:net';
import type { Socket } from 'node:net';

/** One HTTP answer as it came off the wire; `status` 0 when the server closed without answering. */
export type RawReply = { status: number; headers: Record<string, string>; body: string; closed: boolean };

/** Parse the first response in `data` (and how many bytes it took); null until its headers and whole body (by Content-Length or chunks) are in. */
export function parseReply(data: Buffer, closed: boolean): { reply: RawReply; size: number } | null {
  const end = data.indexOf('\r\n\r\n');
  if (end < 0) return closed ? { reply: { status: 0, headers: {}, body: data.toString('latin1'), closed }, size: data.length } : null;
  const [statusLine, ...lines] = data.subarray(0, end).toString('latin1').split('\r\n');
  const headers: Record<string, string> = {};
  for (const l of lines) {
    const i = l.indexOf(':');
    if (i > 0) headers[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
  }
  const body = data.subarray(end + 4);
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine ?? '')?.[1] ?? 0);
  // An interim answer (100 Continue) comes before the real one: skip it.
  if (status >= 100 && status < 200) {
    const rest = parseReply(data.subarray(end + 4), closed);
    return rest && { reply: rest.reply, size: end + 4 + rest.size };
  }
  if (/chunked/i.test(headers['transfer-encoding'] ?? '')) {
    const chunks: Buffer[] = [];
    let at = 0;
    for (;;) {
      const line = body.indexOf('\r\n', at);
      if (line < 0)
        return closed ? { reply: { status, headers, body: Buffer.concat(chunks).toString('utf8'), closed }, size: data.length } : null;
      const n = parseInt(body.subarray(at, line).toString('latin1'), 16);
      if (n === 0) {
        const size = end + 4 + line + 4;
        return { reply: { status, headers, body: Buffer.concat(chunks).toString('utf8'), closed }, size: Math.min(size, data.length) };
      }
      if (body.length < line + 2 + n + 2)
        return closed ? { reply: { status, headers, body: Buffer.concat(chunks).toString('utf8'), closed }, size: data.length } : null;
      chunks.push(body.subarray(line + 2, line + 2 + n));
      at = line + 2 + n + 2;
    }
  }
  const length = headers['content-length'] === undefined ? null : Number(headers['content-length']);
  if (!closed && (length === null || body.length < length)) return null;
  const taken = Math.min(body.length, length ?? body.length);
  return { reply: { status, headers, body: body.subarray(0, taken).toString('utf8'), closed }, size: end + 4 + taken };
}

/** A raw request line and headers, exactly as given (no Host or length added unless asked). */
export function head(method: string, path: string, headers: Record<string, string | number>): string {
  return `${method} ${path} HTTP/1.1\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n')}\r\n\r\n`;
}

/** An open connection that collects everything the server sends; `reply()` waits for the next whole answer. */
export type RawConnection = {
  socket: Socket;
  write: (data: string | Buffer) => void;
  /** The next answer (or what came before the server closed). */
  reply: () => Promise<RawReply>;
  /** Resolves when the server has closed the connection. */
  closed: Promise<void>;
  /** Bytes written by this side before the connection ended. */
  written: () => number;
  /** Everything received so far, interim answers (100 Continue) included. */
  received: () => Buffer;
};

export function rawConnect(port: number): Promise<RawConnection> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let data = Buffer.alloc(0);
    let consumed = 0; // bytes of answers already returned (several answers on one kept-alive connection)
    let isClosed = false;
    const waiters: Array<() => void> = [];
    const wake = () => waiters.splice(0).forEach((w) => w());
    socket.on('data', (c: Buffer) => {
      data = Buffer.concat([data, c]);
      wake();
    });
    // A reset from the server (it closed with our bytes unread) is a close like any other here.
    socket.on('error', () => undefined);
    const closed = new Promise<void>((done) =>
      socket.on('close', () => {
        isClosed = true;
        wake();
        done();
      }),
    );
    socket.once('connect', () =>
      resolve({
        socket,
        write: (d) => {
          if (!socket.destroyed) socket.write(d);
        },
        reply: () =>
          new Promise<RawReply>((done) => {
            const check = () => {
              const r = parseReply(data.subarray(consumed), isClosed);
              if (!r) return void waiters.push(check);
              consumed = Math.min(data.length, consumed + r.size);
              done(r.reply);
            };
            check();
          }),
        closed,
        written: () => socket.bytesWritten,
        received: () => data,
      }),
    );
    socket.once('error', reject);
  });
}

/** One request on a fresh connection: the bytes are written as given, then the first answer is returned. */
export async function rawRequest(port: number, ...parts: Array<string | Buffer>): Promise<RawReply> {
  const c = await rawConnect(port);
  for (const p of parts) c.write(p);
  const r = await c.reply();
  c.socket.destroy();
  return r;
}

/**
 * Write `head` and then up to `bytes` of body as fast as the server takes it (respecting back-pressure), and
 * read the answer. Returns the answer and how many body bytes the server let through before it closed.
 */
export async function pushBody(port: number, headText: string, bytes: number): Promise<{ reply: RawReply; sent: number }> {
  const c = await rawConnect(port);
  c.write(headText);
  const chunk = Buffer.alloc(256 * 1024, 0x61);
  let sent = 0;
  let gone = false;
  void c.closed.then(() => (gone = true));
  while (sent < bytes && !gone) {
    const ok = c.socket.write(chunk);
    sent += chunk.length;
    if (!ok) await new Promise<void>((r) => (c.socket.once('drain', r), c.socket.once('close', r)));
  }
  const reply = await c.reply();
  c.socket.destroy();
  return { reply, sent };
}
