import type { EventName, Result } from '@contract';

/** How the renderer reaches the back end: the preload's bridge on the desktop, HTTP in web mode. */
export type Transport = {
  kind: 'desktop' | 'web';
  invoke: (method: string, payload: unknown) => Promise<Result<unknown>>;
  onEvent: (listener: (event: EventName, payload: unknown) => void) => () => void;
};

declare global {
  interface Window {
    /** Set by the Electron preload; absent in web mode. */
    parallax?: Transport;
  }
}

const TOKEN_KEY = 'parallax.token';

/**
 * The per-launch token arrives in the URL fragment (never sent to a server, never in a Referer); it is
 * moved to session storage and wiped from the address bar so it does not linger in history or screenshots.
 */
export function takeToken(): string | null {
  const m = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (m) {
    sessionStorage.setItem(TOKEN_KEY, m[1]!);
    const rest = window.location.hash.replace(/(?:^#|&)token=[A-Za-z0-9_-]+/, '').replace(/^&/, '#');
    history.replaceState(null, '', window.location.pathname + window.location.search + (rest && rest !== '#' ? rest : ''));
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

function parseEventStream(buffer: string, emit: (event: EventName, payload: unknown) => void): string {
  let rest = buffer;
  let end: number;
  while ((end = rest.indexOf('\n\n')) >= 0) {
    const frame = rest.slice(0, end);
    rest = rest.slice(end + 2);
    const event = /^event: (.+)$/m.exec(frame)?.[1];
    const data = /^data: (.+)$/m.exec(frame)?.[1];
    if (event && data) {
      try {
        emit(event as EventName, JSON.parse(data));
      } catch {
        /* a malformed frame is dropped, never fatal */
      }
    }
  }
  return rest;
}

export function httpTransport(token: string): Transport {
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  return {
    kind: 'web',
    async invoke(method, payload) {
      try {
        const res = await fetch(`/api/${encodeURIComponent(method)}`, { method: 'POST', headers, body: JSON.stringify(payload ?? {}) });
        return (await res.json()) as Result<unknown>;
      } catch (e) {
        return { ok: false, error: { code: 'IO_ERROR', message: `Parallax is not reachable: ${(e as Error).message}` } };
      }
    },
    onEvent(listener) {
      const abort = new AbortController();
      // Server-sent events over fetch, so the token travels in a header rather than in a URL.
      const connect = async (delay: number): Promise<void> => {
        try {
          const res = await fetch('/api/events', { headers, signal: abort.signal });
          const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
          let buffer = '';
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            buffer = parseEventStream(buffer + value, listener);
          }
        } catch {
          if (abort.signal.aborted) return;
        }
        if (!abort.signal.aborted) setTimeout(() => void connect(Math.min(delay * 2, 10_000)), delay);
      };
      void connect(500);
      return () => abort.abort();
    },
  };
}

export function createTransport(): Transport | null {
  if (window.parallax) return window.parallax;
  const token = takeToken();
  return token ? httpTransport(token) : null;
}
