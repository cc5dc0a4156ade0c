import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { SearchPage } from './pages/search-page';

const sampleDir = fileURLToPath(new URL('../../resources/sample', import.meta.url));
const seeds = readdirSync(sampleDir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(join(sampleDir, f), 'utf8').normalize('NFC'));
/** Open the app, then go to a route inside it (the token must be read from the first address). */
async function openAt(page: Page, url: string, hash: string) {
  await page.goto(url);
  await page.getByRole('navigation', { name: 'Notebook' }).waitFor();
  await page.evaluate((h) => (window.location.hash = h), hash);
}

/** How many seed articles contain a pattern: the expected counts come from the files, not from memory. */
const seedsMatching = (re: RegExp) => seeds.filter((s) => re.test(s.replace(/\s+/g, ' '))).length;

test.describe('search', () => {
  test('Ctrl+K opens search; "guler" finds every seed article naming Güler, hits highlighted', async ({ page, server }) => {
    const app = new AppPage(page);
    await app.open(server.url);
    await page.keyboard.press('Control+k');
    const search = new SearchPage(page);
    await expect(search.box).toBeFocused();
    await page.keyboard.type('guler');
    const expected = seedsMatching(/g[uü]ler/i);
    expect(expected).toBeGreaterThan(1);
    await expect(search.hits).toHaveCount(expected);
    for (const hit of await search.hits.all()) {
      const marks = hit.locator('mark.mark--search-hit');
      await expect(marks.first()).toBeVisible();
      for (const text of await marks.allTextContents()) expect(text).toMatch(/^g[uü]ler$/i);
    }
    // Both spellings are found and marked as written.
    await expect(search.results.locator('mark', { hasText: 'Güler' }).first()).toBeVisible();
    await expect(search.results.locator('mark', { hasText: 'Guler' }).first()).toBeVisible();
  });

  test('an outlet: filter narrows the results to that outlet', async ({ page, server }) => {
    const search = new SearchPage(page);
    await openAt(page, server.url, '#/search?q=guler%20outlet%3Atrt');
    await expect(search.hits).toHaveCount(1);
    await expect(search.hits.first()).toContainText('TRT World');
    await search.search('guler outlet:"shafaq news"');
    await expect(search.hits).toHaveCount(1);
    await expect(search.hits.first()).toContainText('Shafaq News');
  });

  test('a phrase matches the words in that order only', async ({ page, server }) => {
    const search = new SearchPage(page);
    await page.goto(server.url);
    await page.keyboard.press('/');
    await search.search('"defence minister yasar guler"');
    const expected = seedsMatching(/defence minister yasar guler/i);
    expect(expected).toBeGreaterThan(0);
    await expect(search.hits).toHaveCount(expected);
    await expect(search.results.locator('mark').first()).toHaveText(/^Defence Minister Yasar Guler$/i);
    await search.search('"guler yasar"');
    await expect(page.getByText('No article matches.')).toBeVisible();
  });

  test('Enter opens the first result scrolled to the hit; F3 and n move between hits', async ({ page, server }) => {
    const search = new SearchPage(page);
    await page.goto(server.url);
    await page.keyboard.press('Control+k');
    await search.search('kalin');
    await expect(search.hits.first()).toBeVisible();
    await search.box.press('Enter');
    await expect(search.readerMarks.first()).toBeVisible();
    const total = await search.readerMarks.count();
    await expect(search.hitBar).toContainText(`Hit 1 of ${total}`);
    const current = search.reader.locator('mark.mark--search-hit[data-current]');
    await expect(current).toHaveCount(1);
    await expect(current).toBeInViewport();
    await expect(current).toHaveText(/^kal[iı]n$/i);
    if (total > 1) {
      await page.keyboard.press('F3');
      await expect(search.hitBar).toContainText(`Hit 2 of ${total}`);
      await expect(current).toBeInViewport();
      await page.keyboard.press('Shift+F3');
      await expect(search.hitBar).toContainText(`Hit 1 of ${total}`);
      await page.keyboard.press('n');
      await expect(search.hitBar).toContainText(`Hit 2 of ${total}`);
    }
  });

  test('in the search reader, n goes to the next hit, or writes a note when a passage is selected — never both', async ({
    page,
    server,
  }) => {
    const search = new SearchPage(page);
    await page.goto(server.url);
    await page.keyboard.press('Control+k');
    await search.search('syria');
    await expect(search.hits.first()).toBeVisible(); // Enter opens the first result once there is one
    await search.box.press('Enter');
    await expect(search.readerMarks.nth(1)).toBeVisible();
    await expect(search.hitBar).toContainText(/Hit 1 of \d+/);
    await search.reader.focus();
    await page.keyboard.press('n');
    await expect(search.hitBar).toContainText(/Hit 2 of \d+/);
    await page.keyboard.press(']'); // pick the first sentence: n now belongs to the annotator
    await expect(search.reader.locator('mark.mark--cursor')).toHaveCount(1);
    await page.keyboard.press('n');
    await expect(page.getByLabel('Note (Markdown)')).toBeFocused();
    await expect(search.hitBar).toContainText(/Hit 2 of \d+/);
  });

  test('a question with no article holding every word lists articles with most of them, labelled as such', async ({ page, server }) => {
    const search = new SearchPage(page);
    await page.goto(server.url);
    await page.keyboard.press('Control+k');
    // "zanzibar" is in no seed, so no article has every word; the others are in several.
    const question = 'what did guler say about security in zanzibar';
    expect(seedsMatching(/zanzibar/i)).toBe(0);
    await search.search(question);
    const label = page.getByTestId('search-relaxed');
    await expect(label).toHaveText(`No article has all of “${question}”; showing articles with most of them`);
    await expect(search.hits.first()).toBeVisible();
    expect(await search.hits.count()).toBeGreaterThanOrEqual(seedsMatching(/g[uü]ler/i));
    await expect(search.hits.first().locator('mark.mark--search-hit').first()).toHaveText(/^(g[uü]ler|security)$/i);
    // The same words asked for with AND stay strict: nothing, and no label.
    await search.search('guler AND security AND zanzibar');
    await expect(page.getByText('No article matches.')).toBeVisible();
    await expect(label).toHaveCount(0);
  });

  test('clicking a snippet lands on that hit', async ({ page, server }) => {
    const search = new SearchPage(page);
    await openAt(page, server.url, '#/search?q=guler');
    const multi = search.hits.filter({ has: page.locator('.search-hit__snippet').nth(1) }).first();
    await multi.locator('.search-hit__snippet').nth(1).click();
    await expect(search.hitBar).toContainText(/Hit 2 of \d+/);
    await expect(search.reader.locator('mark[data-current]')).toBeInViewport();
  });

  test('an Arabic name is found without its hamza and harakat, and the original is marked', async ({ page, server }) => {
    const search = new SearchPage(page);
    await page.goto(server.url);
    await page.keyboard.press('Control+k');
    // The tweet writes "أسعد حسن الشيباني"; a user types no hamza, no article, and adds a kasra.
    await search.search('اسعد شيبانِي');
    await expect(search.hits).toHaveCount(1);
    const marks = search.results.locator('mark.mark--search-hit');
    await expect(marks.filter({ hasText: 'أسعد' }).first()).toBeVisible();
    await expect(marks.filter({ hasText: 'الشيباني' }).first()).toBeVisible();
    await search.box.press('Enter');
    await expect(search.reader.locator('mark[data-current]')).toHaveText('أسعد');
  });

  test('a malformed query shows an inline hint and still searches what it can', async ({ page, server }) => {
    const search = new SearchPage(page);
    await openAt(page, server.url, '#/search');
    await search.search('"kalin');
    await expect(search.hints).toContainText('not closed');
    await expect(search.hits.first()).toBeVisible();
    await search.search('before:someday guler');
    await expect(search.hints).toContainText('before:');
    await search.search('OR - "');
    await expect(search.hints).toBeVisible();
  });

  test('a saved search appears in the sidebar and runs again from there', async ({ page, server }) => {
    const search = new SearchPage(page);
    await openAt(page, server.url, '#/search?q=kalin');
    await expect(search.hits.first()).toBeVisible();
    const count = await search.hits.count();
    await page.getByRole('button', { name: 'Save search' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Kalın mentions');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const saved = page.getByRole('region', { name: 'Saved searches' }).getByRole('link', { name: 'Kalın mentions' });
    await expect(saved).toBeVisible();
    await search.search('guler');
    await saved.click();
    await expect(search.box).toHaveValue('kalin');
    await expect(search.hits).toHaveCount(count);
    expect(server.cli('search', 'kalin')).toHaveLength(count);
  });

  test('no serious accessibility violations in the search view and the reader with hits, light and dark', async ({ page, server }) => {
    const search = new SearchPage(page);
    await openAt(page, server.url, '#/search?q=guler%20"unclosed');
    await expect(search.hints).toBeVisible();
    await search.search('guler');
    await search.box.press('Enter');
    await expect(search.reader.locator('mark[data-current]')).toBeVisible();
    for (const theme of ['light', 'dark']) {
      await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${theme}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    }
  });
});
