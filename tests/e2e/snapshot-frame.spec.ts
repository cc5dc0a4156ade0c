/* eslint-disable no-empty-pattern -- Playwright fixtures that need no other fixture take an empty pattern */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';

/**
 * A saved page's Original is shown in a frame that runs nothing and fetches nothing, in a real browser:
 * the page served here is full of scripts, handlers and things that would call back to this server (a
 * script's fetch, an image, a stylesheet, a refresh). Importing it and opening its Original makes no request
 * but the app's one fetch of the page, and no script's mark appears. Then the stored page is given scripts
 * again, inside the frame, as if the sanitiser had let them through: the frame's own defences (sandbox="",
 * and the document's CSP) still stop every one.
 */
const beacon = (what: string) => `/beacon/${what}`;
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Lighthouse keeper retires | Coast Post</title>
<meta property="og:site_name" content="Coast Post"><meta http-equiv="refresh" content="0; url=${beacon('refresh')}">
<link rel="stylesheet" href="${beacon('stylesheet')}"><script src="${beacon('script-src')}"></script>
<script>fetch('${beacon('inline-script')}'); document.title = 'script ran'</script></head>
<body onload="fetch('${beacon('onload')}')">
<article><h1>Lighthouse keeper retires</h1>
<p>The last keeper of the North Point lighthouse retired on Friday after thirty-one years, and the light is now run from the harbour office.</p>
<p>She said the worst night was the storm of 1998, when the lamp failed twice and was lit again by hand.</p>
<img src="${beacon('image')}" onerror="fetch('${beacon('onerror')}')"><svg onload="fetch('${beacon('svg')}')"></svg>
<script>document.write('<p>written by a script</p>')</script></article></body></html>`;

const serve = test.extend<{ pageServer: { url: string; requests: string[] } }>({
  pageServer: async ({}, use) => {
    const requests: string[] = [];
    const server: Server = createServer((req, res) => {
      requests.push(req.url ?? '');
      if (req.url === '/news/lighthouse') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(PAGE);
      } else {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('beacon');
      }
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const port = (server.address() as AddressInfo).port;
    await use({ url: `http://127.0.0.1:${port}/news/lighthouse`, requests });
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  },
});

serve('a saved page full of scripts opens as its Original with no script run and nothing fetched', async ({ page, server, pageServer }) => {
  const app = new AppPage(page);
  await app.open(server.url);
  await page.getByRole('button', { name: 'From web address…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import from a web address' });
  await dialog.getByRole('textbox', { name: 'Web address' }).fill(pageServer.url);
  await dialog.getByRole('textbox', { name: 'Web address' }).press('Enter');
  // The first import of a launch loads the page extractor: on a loaded machine that can take a while.
  await expect(dialog).toBeHidden({ timeout: 60_000 });
  await expect(app.field('Title')).toHaveValue('Lighthouse keeper retires');

  const original = page.getByRole('region', { name: 'Original' });
  await original.getByRole('button', { name: 'Show the saved page' }).click();
  const frameElement = page.locator('iframe[title="The saved page"]');
  const frame = page.frameLocator('iframe[title="The saved page"]');
  await expect(frame.getByText('lit again by hand')).toBeVisible();
  // The frame may run nothing (an empty sandbox allows no script, form, pop-up or navigation of the app).
  await expect(frameElement).toHaveAttribute('sandbox', '');
  await expect(frame.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', /default-src 'none'/);
  await expect(frame.getByText('written by a script')).toHaveCount(0);
  await expect(frame.locator('script, img, svg, link[rel="stylesheet"], [onload], [onerror]')).toHaveCount(0);

  // The stored page reaches the frame again with scripts and remote content put back (a sanitiser that
  // missed them): the frame's sandbox and CSP must stop them on their own. The marks show what would have run.
  const hostile =
    `<script>document.body.dataset.ran = 'inline'; fetch('${beacon('frame-script')}')</script>` +
    `<img src="http://127.0.0.1:${new URL(pageServer.url).port}${beacon('frame-image')}" onerror="document.body.dataset.ran = 'handler'">` +
    `<link rel="stylesheet" href="http://127.0.0.1:${new URL(pageServer.url).port}${beacon('frame-stylesheet')}">` +
    `<p id="put-back">Put back after saving.</p>`;
  // Chromium says on the console what it blocked: the refusals are awaited, so the check does not race the frame.
  const refusals: string[] = [];
  page.on('console', (m) => refusals.push(m.text()));
  const blockedScript = page.waitForEvent('console', (m) => /Blocked script execution in 'about:srcdoc'.*sandboxed.*allow-scripts/.test(m.text()));
  // The image is refused by the saved page's own policy (img-src data:), not only by the app's around it.
  const blockedImage = page.waitForEvent('console', (m) =>
    /Loading the image '[^']*frame-image' violates the following Content Security Policy directive: "img-src data:"/.test(m.text()),
  );
  await frameElement.evaluate((el: HTMLIFrameElement, extra) => {
    el.srcdoc = el.srcdoc.replace('</body>', `${extra}</body>`);
  }, hostile);
  await expect(frame.locator('#put-back')).toBeVisible();
  await Promise.all([blockedScript, blockedImage]);
  // A frame that ran a script would mark its body.
  await expect(frame.locator('body')).not.toHaveAttribute('data-ran', /.*/);
  await expect
    .poll(() => refusals.some((t) => /Loading the stylesheet '[^']*frame-stylesheet' violates .*"style-src 'unsafe-inline'"/.test(t)))
    .toBe(true);

  // The server saw the app fetch the page once, and nothing else: no script, image, stylesheet or refresh.
  expect(pageServer.requests).toEqual(['/news/lighthouse']);
});
