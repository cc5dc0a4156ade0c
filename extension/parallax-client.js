/**
 * Talking to the Parallax app on this computer (ADR 006 in the Parallax repository). The app listens on
 * 127.0.0.1 only, on the first free port of DEFAULT_PORTS (or the one set in the popup's settings). Nothing
 * is kept here but the pairing token and the port: a page is read from the tab when it is saved and sent at
 * once; if the app is not there, or stops mid-way, nothing is queued or kept.
 */
export const api = globalThis.browser ?? globalThis.chrome;

export const DEFAULT_PORTS = [48217, 48218, 48219, 48220, 48221];
export const PROTOCOL = 1;
/** The app refuses larger pages; saying so here spares sending 20 MB for nothing. */
export const MAX_PAGE_BYTES = 20 * 1024 * 1024;

const NOT_RUNNING = 'Parallax is not running on this computer. Start it (the app, or "parallax serve"), then try again.';

export class ParallaxError extends Error {}

/** What is stored: the token (from pairing), the port it was paired on, and a port the user chose. */
export async function settings() {
  const { token = null, pairedPort = null, port = null } = await api.storage.local.get(['token', 'pairedPort', 'port']);
  return { token, pairedPort, port };
}

const base = (port) => `http://127.0.0.1:${port}`;

/** Every call is a POST with a JSON body: Chromium sends the extension's Origin, which the app requires, only then. */
async function request(port, path, { token, body = {}, timeoutMs = 2000 } = {}) {
  const headers = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const res = await fetch(`${base(port)}${path}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
    credentials: 'omit',
    cache: 'no-store',
  });
  let answer;
  try {
    answer = await res.json();
  } catch {
    throw new ParallaxError(`Port ${port} answered, but not as Parallax does`);
  }
  if (!answer.ok) throw new ParallaxError(answer.error?.message ?? `Parallax refused the request (${res.status})`);
  return answer.value;
}

/**
 * The ports to ask, in order: a port chosen in settings is the only one asked (Parallax was told to listen
 * there); otherwise the one paired on, then the defaults.
 */
function portsToTry({ port, pairedPort }) {
  const valid = (p) => Number.isInteger(p) && p > 0 && p < 65536;
  if (valid(port)) return [port];
  return [...new Set([pairedPort, ...DEFAULT_PORTS].filter(valid))];
}

/**
 * Find the running app: the first port where Parallax knows our token, else the first where it answers at
 * all (to pair with). Null when none answers: the app is not running.
 */
export async function findApp() {
  const s = await settings();
  let first = null;
  for (const port of portsToTry(s)) {
    try {
      const status = await request(port, '/v1/status', { token: s.token, timeoutMs: 1500 });
      if (status?.app !== 'parallax' || status.protocol !== PROTOCOL) continue;
      if (status.paired) return { port, paired: true, token: s.token };
      first ??= { port, paired: false, token: null };
    } catch {
      /* nothing there, or not Parallax: try the next port */
    }
  }
  return first;
}

/** Trade the code the app shows for a token; tries every port where Parallax answers. */
export async function pair(code) {
  const s = await settings();
  let lastError = null;
  let found = false;
  for (const port of portsToTry(s)) {
    try {
      const status = await request(port, '/v1/status', { timeoutMs: 1500 });
      if (status?.app !== 'parallax') continue;
    } catch {
      continue;
    }
    found = true;
    try {
      const { token } = await request(port, '/v1/pair', { body: { code } });
      await api.storage.local.set({ token, pairedPort: port });
      return { port };
    } catch (e) {
      lastError = e;
    }
  }
  if (!found) throw new ParallaxError(NOT_RUNNING);
  throw lastError;
}

export async function forgetPairing() {
  await api.storage.local.remove(['token', 'pairedPort']);
}

export async function setPort(port) {
  if (port === null) await api.storage.local.remove('port');
  else await api.storage.local.set({ port });
}

export async function stories() {
  const app = await findApp();
  if (!app?.paired) return [];
  return request(app.port, '/v1/stories', { token: app.token });
}

/** Runs in the page (an isolated world): the page as the reader sees it, after its scripts ran. Never run here. */
function capturePage() {
  return {
    html: document.documentElement.outerHTML,
    url: location.href,
    selection: String(globalThis.getSelection?.() ?? ''),
    title: document.title,
    language: document.documentElement.lang || '',
  };
}

/** Read the tab and send it to the app, with an optional tag and story. Resolves with the app's answer. */
export async function savePage(tabId, { tag, storyId } = {}) {
  const app = await findApp();
  if (!app) throw new ParallaxError(NOT_RUNNING);
  if (!app.paired)
    throw new ParallaxError(
      'This browser is not paired with Parallax yet: open the popup and type the code the app shows (Connect browser…).',
    );
  let page;
  try {
    const [injected] = await api.scripting.executeScript({ target: { tabId }, func: capturePage });
    page = injected?.result;
  } catch {
    page = null;
  }
  if (!page?.html) throw new ParallaxError('This page cannot be read by extensions (a browser page, the web store or a PDF viewer).');
  if (!/^https?:\/\//i.test(page.url)) throw new ParallaxError('Only web pages (http or https addresses) can be saved to Parallax.');
  const bytes = new Blob([page.html]).size;
  if (bytes > MAX_PAGE_BYTES)
    throw new ParallaxError(`This page is ${(bytes / 1048576).toFixed(1)} MB; Parallax saves pages of up to 20 MB. Nothing was sent.`);
  const body = { html: page.html, url: page.url, title: page.title.slice(0, 1000) || undefined };
  if (page.selection.trim()) body.selection = page.selection.slice(0, 1_000_000);
  if (page.language) body.meta = { language: page.language.slice(0, 40) };
  if (tag) body.tag = tag;
  if (storyId) body.storyId = storyId;
  try {
    return await request(app.port, '/v1/save', { token: app.token, body, timeoutMs: 120_000 });
  } catch (e) {
    if (e instanceof ParallaxError) throw e;
    // The connection broke: the app never got the whole page, and keeps none of it.
    throw new ParallaxError('Parallax stopped answering before the page was saved; nothing was kept. Start it and save again.');
  }
}
