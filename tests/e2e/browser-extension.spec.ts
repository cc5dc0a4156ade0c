/* eslint-disable no-empty-pattern -- Playwright fixtures that need no other fixture take an empty pattern */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, test as base, expect } from '@playwright/test';
import type { BrowserContext, Page } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../../playwright.config';
import type { ServeProcess } from '../helpers/serve-process';
import { createNotebook, startServer } from './fixtures';
import { AppPage } from './pages/app-page';

/**
 * The Save to Parallax extension end to end: web mode with its extension listener on a free port, and
 * Debian's Chromium with the extension loaded (a persistent context; `--headless=new` loads extensions,
 * the old headless mode does not). The page to save is served on 127.0.0.1 by the test, and changes its
 * own DOM with a script, so what arrives must be the page as rendered, with the script itself gone.
 */
const extensionDir = fileURLToPath(new URL('../../extension', import.meta.url));

const ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour talks resume | Coast Courier</title>
<meta property="og:title" content="Harbour talks resume after a week"><meta property="og:site_name" content="Coast Courier"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>Harbour talks resume after a week</h1>
<p>Negotiators for the dock workers and the harbour authority met again on Thursday, a week after talks broke down over pay.</p>
<p>Both sides said the mediator had proposed a two-year agreement that would raise wages in two steps.</p>
<div id="late"></div></article>
<script>document.getElementById('late').innerHTML = '<p>The mediator expects an answer from the union by Monday morning, officials said.</p>';</script>
</body></html>`;

type Fixture = {
  withExtension: BrowserContext;
  extensionId: string;
  app: ServeProcess;
  notebook: string;
  extensionPort: number;
  pageUrl: string;
};

/** A port nothing listens on now (the test's app is told to listen there). */
async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((done) => s.listen(0, '127.0.0.1', done));
  const port = (s.address() as { port: number }).port;
  await new Promise((done) => s.close(done));
  return port;
}

const test = base.extend<Fixture>({
  pageUrl: async ({}, use) => {
    const server: Server = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(ARTICLE);
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    await use(`http://127.0.0.1:${(server.address() as { port: number }).port}/world/harbour-talks?from=home`);
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  },
  extensionPort: async ({}, use) => use(await freePort()),
  notebook: async ({}, use) => {
    const notebook = mkdtempSync(join(tmpdir(), 'parallax-e2e-ext-'));
    createNotebook(notebook, true);
    await use(notebook);
    rmSync(notebook, { recursive: true, force: true, maxRetries: 3 });
  },
  app: async ({ notebook, extensionPort }, use) => {
    const app = await startServer(notebook, ['--extension-port', String(extensionPort)]);
    await use(app);
    const exited = new Promise((done) => app.child.once('exit', done));
    app.child.kill('SIGTERM');
    await Promise.race([exited, new Promise((done) => setTimeout(done, 5000))]);
  },
  withExtension: async ({}, use) => {
    const profile = mkdtempSync(join(tmpdir(), 'parallax-e2e-profile-'));
    const withExtension = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless: false, // the flag below chooses the new headless mode, which loads extensions
      args: ['--headless=new', ...chromiumArgs, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
      viewport: { width: 1280, height: 800 },
    });
    await use(withExtension);
    await withExtension.close();
    rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  },
  extensionId: async ({ withExtension }, use) => {
    const worker = withExtension.serviceWorkers()[0] ?? (await withExtension.waitForEvent('serviceworker'));
    await use(new URL(worker.url()).host);
  },
});

/** The popup, opened as a page aimed at the tab showing `pageUrl` (a click on the toolbar cannot be scripted). */
async function openPopup(withExtension: BrowserContext, extensionId: string, pageUrl: string): Promise<Page> {
  const popup = await withExtension.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const tabId = await popup.evaluate(async (url) => {
    const api = (globalThis as unknown as { chrome: { tabs: { query: (q: object) => Promise<Array<{ id: number; url: string }>> } } })
      .chrome;
    return (await api.tabs.query({})).find((t) => t.url === url)?.id;
  }, pageUrl);
  expect(tabId).toBeTruthy();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  return popup;
}

async function usePort(popup: Page, port: number): Promise<void> {
  await popup.getByText('Settings').click();
  await popup.getByLabel('Parallax port').fill(String(port));
  await popup.getByRole('button', { name: 'Use this port' }).click();
}

test.describe('Save to Parallax, the browser extension', () => {
  // Each test starts its own Chromium, web mode and notebook: on a loaded 2-core machine that alone took 21 s.
  test.describe.configure({ timeout: 120_000 });

  test('pairs with the code the app shows, saves the rendered page, and the app shows it at once', async ({
    withExtension,
    extensionId,
    app,
    extensionPort,
    pageUrl,
  }) => {
    const article = await withExtension.newPage();
    await article.goto(pageUrl);
    await expect(article.getByText('expects an answer from the union')).toBeVisible();
    // A passage selected in the page becomes a highlight.
    await article.evaluate(() => {
      const p = document.querySelectorAll('article p')[1]!;
      const range = document.createRange();
      range.selectNodeContents(p);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });

    const appPage = await withExtension.newPage();
    const library = new AppPage(appPage);
    await library.open(app.url, { empty: true });
    await appPage.getByRole('button', { name: 'Connect browser…' }).click();
    const code = (await appPage.getByTestId('pairing-code').textContent())!;
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await expect(appPage.getByText(`127.0.0.1:${extensionPort}`)).toBeVisible();

    const popup = await openPopup(withExtension, extensionId, pageUrl);
    await usePort(popup, extensionPort);
    await expect(popup.getByRole('status')).toContainText('not paired with it yet');
    await popup.getByLabel('Pairing code').fill(code.toLowerCase());
    await popup.getByRole('button', { name: 'Pair', exact: true }).click();
    await expect(popup.getByRole('status')).toContainText(`Connected to Parallax (port ${extensionPort})`);
    await expect(appPage.getByRole('dialog').getByRole('status')).toContainText('Paired');
    await appPage.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

    await popup.getByLabel('Tag').fill('harbour/talks');
    await popup.getByRole('button', { name: 'Save to Parallax' }).click();
    await expect(popup.getByRole('alert')).toContainText(
      'Saved to Parallax: “Harbour talks resume after a week”. The selection is highlighted.',
    );

    // The library refreshes on the import event; the article reads as extracted from a saved page.
    await expect(library.row('Harbour talks resume after a week')).toBeVisible();
    await library.row('Harbour talks resume after a week').click();
    await expect(library.readerBody).toContainText('expects an answer from the union by Monday morning');
    await expect(library.readerBody.locator('mark')).toContainText('proposed a two-year agreement');
    const saved = (await app.api('articles.list', {})).value as {
      items: Array<{ id: string; url: string; outlet: string; tags: string[] }>;
    };
    expect(saved.items).toHaveLength(1);
    expect(saved.items[0]).toMatchObject({ url: pageUrl, outlet: 'Coast Courier', tags: ['harbour/talks'] });
    const detail = (await app.api('articles.get', { id: saved.items[0]!.id })).value as { raw: string };
    expect(detail.raw).not.toContain('<script');
    expect(detail.raw).not.toContain('innerHTML');

    // Once the app has stopped, the popup says so and nothing is sent or kept.
    app.child.kill('SIGTERM');
    await new Promise((done) => app.child.once('exit', done));
    await popup.getByRole('button', { name: 'Save to Parallax' }).click();
    await expect(popup.getByRole('alert')).toContainText('Parallax is not running');
    await popup.reload();
    await expect(popup.getByRole('status')).toContainText('Parallax is not running on this computer');
  });

  test('a save from a browser that was never paired is refused, and the notebook is unchanged', async ({
    withExtension,
    extensionId,
    app,
    extensionPort,
    pageUrl,
  }) => {
    const article = await withExtension.newPage();
    await article.goto(pageUrl);
    const popup = await openPopup(withExtension, extensionId, pageUrl);
    await usePort(popup, extensionPort);
    await expect(popup.getByRole('status')).toContainText('not paired with it yet');
    await expect(popup.getByRole('button', { name: 'Save to Parallax' })).toBeHidden();
    // What the extension's own page would send without a token, and with a made-up one: both refused.
    const answers = await popup.evaluate(async (port) => {
      const body = JSON.stringify({ html: '<html><body><p>Unpaired</p></body></html>', url: 'https://example.org/' });
      const out: Array<{ status: number; message: string }> = [];
      for (const auth of [{}, { Authorization: 'Bearer made-up-token-made-up-token' }] as Array<Record<string, string>>) {
        const r = await fetch(`http://127.0.0.1:${port}/v1/save`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...auth },
          body,
        });
        out.push({ status: r.status, message: ((await r.json()) as { error: { message: string } }).error.message });
      }
      return out;
    }, extensionPort);
    for (const a of answers) {
      expect(a.status).toBe(401);
      expect(a.message).toContain('not paired with Parallax');
    }
    // A web page cannot reach the listener at all: its origin is refused (and it could not read the answer).
    const fromPage = await article.evaluate(async (port) => {
      try {
        await fetch(`http://127.0.0.1:${port}/v1/status`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
        return 'read';
      } catch {
        return 'blocked';
      }
    }, extensionPort);
    expect(fromPage).toBe('blocked');
    expect(((await app.api('articles.list', {})).value as { total: number }).total).toBe(0);
  });
});
