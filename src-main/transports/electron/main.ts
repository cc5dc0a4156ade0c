/**
 * The desktop app's main process: opens the notebook, serves the renderer from a private scheme with the
 * strict CSP, and answers the preload's calls through the same dispatcher as web mode and the CLI.
 */
import { dirname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import { BrowserWindow, app, ipcMain, protocol, session, shell } from 'electron';
import type { Session, WebContents } from 'electron';
import type { Emit } from '../../contract';
import { startBackend, withSampleIfEmpty } from '../../services/start-backend';
import { appDataDir, resolveNotebookDir } from '../../services/app-paths';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import { startHttpServer } from '../http/http-server';
import { startExtensionListener } from '../extension/extension-server';
import { dispatch } from '../shared/dispatch';
import { newToken } from '../shared/token';
import { externalLink, isTrustedSender, mayNavigate } from './app-origin';
import { electronPdfRenderer } from './print-to-pdf';
import { APP_ORIGIN, APP_SCHEME, IPC_EVENT, IPC_INVOKE, mainWindowOptions } from './window-options';

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
app.setPath('userData', appDataDir());

const here = dirname(fileURLToPath(import.meta.url));
const rendererDir = join(here, '../renderer');
const mime: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

function serveApp(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const rel = url.pathname === '/' ? '/index.html' : decodeURIComponent(url.pathname);
    const file = normalize(join(rendererDir, rel));
    if (url.host !== 'app' || !file.startsWith(rendererDir + sep)) return new Response('Not found', { status: 404 });
    try {
      const ext = file.slice(file.lastIndexOf('.'));
      return new Response(await readFile(file), {
        headers: { 'Content-Type': mime[ext] ?? 'application/octet-stream', 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}

/**
 * Nothing the page asks for is granted, whether it asks outright (request) or only checks (check), and no
 * device, screen or window capture is offered. The spellchecker is off and has no dictionary server to
 * fetch from (its default is Google's): an offline app makes no network calls of its own.
 */
function lockDown(ses: Session): void {
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.setDisplayMediaRequestHandler((_request, callback) => callback({})); // no streams: refused
  ses.setSpellCheckerEnabled(false);
  ses.setSpellCheckerDictionaryDownloadURL(`${APP_ORIGIN}/no-dictionaries/`); // served by no one: a 404 from serveApp
}

/** Every web contents (the window, and any the page might make): no new windows, no navigation away, no webviews. */
function guard(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    const link = externalLink(url);
    if (link) void shell.openExternal(link); // links open in the user's browser, never in the app
    return { action: 'deny' };
  });
  const stayInApp = (e: { preventDefault: () => void }, url: string) => {
    if (!mayNavigate(url)) e.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (e) => e.preventDefault());
}

async function start(): Promise<void> {
  const dir = resolveNotebookDir(undefined);
  let win: BrowserWindow | null = null;
  const emit: Emit = (event, payload) => win?.webContents.send(IPC_EVENT, event, payload);
  // The window opens while the notebook does (start-backend.ts): the library shows from the saved first
  // page, and calls that need the catalog wait for it.
  const starting = await startBackend(dir, {
    create: true,
    emit,
    lockAs: 'the desktop app',
    search: { eager: true },
    pdf: electronPdfRenderer,
    dailyBackup: true,
    open: process.env.PARALLAX_NO_SAMPLE ? undefined : withSampleIfEmpty,
  });
  app.on('before-quit', () => void starting.ready.then((b) => b.close(), () => undefined));

  // A loopback API for the CLI only (no app files served), so `parallax import` while the window is open goes
  // through this process: one writer per notebook.
  const token = newToken();
  const api = await startHttpServer({ handlers: starting.handlers, token, port: 0 });
  await starting.lock?.publishApi({ url: `http://127.0.0.1:${api.port}`, token });
  app.on('before-quit', () => void api.close());

  serveApp();
  lockDown(session.defaultSession);
  ipcMain.handle(IPC_INVOKE, (event, method: unknown, payload: unknown) => {
    // Only our own page may call the API, never a frame or a page navigated elsewhere.
    if (!isTrustedSender(event.senderFrame)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Calls are only accepted from the Parallax window' } };
    }
    return dispatch(starting.handlers, method, payload);
  });

  win = new BrowserWindow(mainWindowOptions(join(here, '../preload/preload.cjs')));
  win.once('ready-to-show', () => win?.show());
  await win.loadURL(`${APP_ORIGIN}/index.html`);

  const backend = await starting.ready;
  // The browser extension's listener (ADR 006): loopback, extension origins and paired tokens only.
  const extension = await startExtensionListener(backend.handlers, backend.pairing, process.env.PARALLAX_EXTENSION_PORT, (line) =>
    console.error(line),
  ).catch((e: unknown) => (console.error('Browser extension: not listening:', (e as Error).message), null));
  app.on('before-quit', () => void extension?.close());
}

app.on('web-contents-created', (_e, contents) => guard(contents));
app.on('window-all-closed', () => app.quit());
if (!app.requestSingleInstanceLock()) app.quit(); // a second launch focuses nothing new: the notebook is already open
app.whenReady().then(start, (e: unknown) => {
  console.error('Parallax could not start:', e);
  app.exit(1);
});
