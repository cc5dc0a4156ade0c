import { scaleTitle } from '../helpers/large-notebook';
import { readFirstPage } from '../../src-main/services/library/library-snapshot';
import { layout } from '../../src-main/services/store/notebook-layout';
import { expect, startServer, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { SearchPage } from './pages/search-page';

const ARTICLES = 1_000;
test.use({ largeNotebook: { articles: ARTICLES, annotations: 0 } });
test.describe.configure({ timeout: 90_000 });

test('a restart shows the library from the saved first page, says the search index is loading, then searches', async ({
  page,
  largeFolder,
}) => {
  const notebook = largeFolder!;
  // A first run of web mode saves the library's first page for the next start.
  const first = await startServer(notebook);
  await expect.poll(async () => (await readFirstPage(layout(notebook))).page?.total, { timeout: 30_000 }).toBe(ARTICLES);
  await new Promise((done) => {
    first.child.once('exit', done);
    first.child.kill('SIGTERM');
  });

  const server = await startServer(notebook);
  try {
    // The index answers "starting" for its first few asks, as it does while a large notebook opens: the
    // page must say so, show the library meanwhile, and stop saying so once the index moves on by itself.
    let starting = 3;
    await page.route('**/api/search.status', async (route) => {
      if (starting-- <= 0) return route.continue();
      await route.fulfill({
        json: { ok: true, value: { indexedArticles: 0, totalArticles: ARTICLES, state: 'starting', progress: null, message: null } },
      });
    });
    const app = new AppPage(page);
    await app.open(server.url);
    await expect(app.rows.first()).toContainText(scaleTitle(ARTICLES - 1));
    await expect(page.locator('.library__count')).toHaveText('1,000 articles');
    const loading = page.getByRole('status').filter({ hasText: 'Loading the search index…' });
    await expect(loading).toBeVisible();
    await expect(loading).toBeHidden({ timeout: 15_000 });

    await page.getByRole('link', { name: 'Search' }).click();
    await new SearchPage(page).search('defence delegation');
    await expect(page.locator('.search-pane__count')).toContainText(`${ARTICLES.toLocaleString('en')} articles`);
  } finally {
    const exited = new Promise((done) => server.child.once('exit', done));
    server.child.kill('SIGTERM');
    await exited;
  }
});
