/* eslint-disable no-empty-pattern -- Playwright fixtures that need no other fixture take an empty pattern */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';

/**
 * "From web address…": a page served on 127.0.0.1 by the test is fetched by the app (web mode), extracted
 * like a saved page, opened in the reader with its address and its snapshot; an address nothing answers at
 * is refused in the dialog, and the library stays as it was.
 */
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour wall repaired | Coast Post</title>
<meta property="og:site_name" content="Coast Post"><meta property="og:title" content="Harbour wall repaired">
<script>document.title = 'scripted'</script></head><body onload="document.body.innerHTML = 'ran'">
<nav><a href="/">Home</a> <a href="/local">Local</a></nav>
<article><h1>Harbour wall repaired</h1>
<p>The outer harbour wall was repaired on Monday after the October storm, and the ferries returned to their winter timetable.</p>
<p>Engineers said the new stones would hold against a storm of the same strength for at least thirty years.</p>
<script>document.write('<p>written by a script</p>')</script></article></body></html>`;

const serve = test.extend<{ pageServer: { url: string; closedUrl: string } }>({
  pageServer: async ({}, use) => {
    const server: Server = createServer((req, res) => {
      if (req.url === '/local/harbour-wall') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(PAGE);
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((done) => closed.close(done));
    const port = (server.address() as AddressInfo).port;
    await use({ url: `http://127.0.0.1:${port}/local/harbour-wall`, closedUrl: `http://127.0.0.1:${closedPort}/news` });
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  },
});

serve('import a page from a web address, read it with its address and its saved page', async ({ page, server, pageServer }) => {
  const app = new AppPage(page);
  await app.open(server.url);
  await expect(app.rows).toHaveCount(5);
  await page.getByRole('button', { name: 'From web address…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import from a web address' });
  const field = dialog.getByRole('textbox', { name: 'Web address' });
  await expect(field).toBeFocused();
  await field.fill(pageServer.url);
  await field.press('Enter');
  // The first import of a launch loads the page extractor: on a loaded machine that can take a while.
  await expect(dialog).toBeHidden({ timeout: 60_000 });
  await expect(app.rows).toHaveCount(6);
  await expect(app.field('Title')).toHaveValue('Harbour wall repaired');
  await expect(app.readerBody).toContainText('the ferries returned to their winter timetable');
  await expect(app.readerBody).not.toContainText('written by a script');
  const original = page.getByRole('region', { name: 'Original' });
  await expect(original).toContainText('Original saved page');
  await expect(original).toContainText(pageServer.url);
  await original.getByRole('button', { name: 'Show the saved page' }).click();
  const frame = page.frameLocator('iframe[title="The saved page"]');
  await expect(frame.getByText('Engineers said the new stones would hold')).toBeVisible();
  await expect(frame.getByText('ran', { exact: true })).toHaveCount(0);
});

serve('an address nothing answers at is refused in the dialog, and the library is unchanged', async ({ page, server, pageServer }) => {
  const app = new AppPage(page);
  await app.open(server.url);
  await expect(app.rows).toHaveCount(5);
  const before = await server.api('articles.list', {});
  await page.getByRole('button', { name: 'From web address…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import from a web address' });
  const field = dialog.getByRole('textbox', { name: 'Web address' });
  await field.fill(pageServer.closedUrl);
  await field.press('Enter');
  await expect(dialog.getByRole('alert')).toContainText('refused the connection');
  await expect(dialog).toBeVisible();
  // The address stays, to correct it; Escape closes the dialog and nothing was added.
  await expect(field).toHaveValue(pageServer.closedUrl);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(app.rows).toHaveCount(5);
  expect(await server.api('articles.list', {})).toEqual(before);
});
