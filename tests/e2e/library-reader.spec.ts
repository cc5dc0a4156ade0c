import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';

test('the app opens with the five sample articles', async ({ page, server }) => {
  const app = new AppPage(page);
  await app.open(server.url);
  await expect(app.rows).toHaveCount(5);
  await expect(page.locator('.library__count')).toHaveText('5 articles');
  await expect(app.row('Turkiye and Syria prioritize security coordination')).toContainText('Shafaq News');
  await expect(app.row('Turkish, Syrian officials meet in Damascus')).toContainText('TRT World');
});

test('the article that starts with "Skip to main content" reads without that line, and boilerplate toggles', async ({ page, server }) => {
  const app = new AppPage(page);
  await app.open(server.url);
  await app.row('Syria FM leads security delegation').click();
  await expect(app.readerBody).toContainText('Senior Syrian officials arrived in Turkey on Sunday');
  await expect(app.readerBody).not.toContainText('Skip to main content');
  await expect(app.readerBody).not.toContainText('2 min read');

  await app.boilerplateToggle.click();
  await expect(app.boilerplateToggle).toHaveAttribute('aria-pressed', 'true');
  const skip = app.readerBody.locator('.removed', { hasText: 'Skip to main content' });
  await expect(skip).toBeVisible();
  await expect(skip).toContainText(/Boilerplate: navigation link/i);
  await expect(app.readerBody.locator('.removed', { hasText: '2 min read' })).toContainText(/reading time/i);

  await app.boilerplateToggle.click();
  await expect(app.boilerplateToggle).toHaveAttribute('aria-pressed', 'false');
  await expect(app.readerBody).not.toContainText('Skip to main content');
});

test('an Arabic embedded post renders right to left as a quoted post', async ({ page, server }) => {
  const app = new AppPage(page);
  await app.open(server.url);
  await app.row('Turkiye and Syria prioritize').click();
  const post = app.readerBody.locator('figure.post').filter({ hasText: '@syrianmofaex' });
  await expect(post).toBeVisible();
  const paragraph = post.locator('blockquote p');
  await expect(paragraph).toHaveAttribute('dir', 'auto');
  expect(await paragraph.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  await expect(post.locator('figcaption')).toContainText('Oct');
  // Body paragraphs in English stay left to right.
  const english = app.readerBody.locator('p', { hasText: 'Turkish and Syrian officials held high-level talks' });
  expect(await english.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
});

test('an edited outlet is saved and shows in the library after a reload', async ({ page, server }) => {
  const app = new AppPage(page);
  await app.open(server.url);
  await app.row('Syria FM leads security delegation').click();
  const outlet = app.field('Outlet');
  await outlet.fill('The New Arab');
  await outlet.press('Enter');
  await expect(app.reader.getByText('Saved')).toBeVisible();
  await page.reload();
  await expect(app.row('Syria FM leads security delegation')).toContainText('The New Arab');
  await expect(app.field('Outlet')).toHaveValue('The New Arab');
});

test('a text file imports through the file dialog', async ({ page, server }) => {
  const app = new AppPage(page);
  await app.open(server.url);
  await app.importFiles({
    name: 'ankara-brief.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(
      'Ankara talks end with joint statement\n\nANKARA (Reuters) - Officials from both countries issued a joint statement on Monday.\n',
    ),
  });
  await expect(page.getByRole('status').filter({ hasText: '1 article imported' })).toBeVisible();
  await expect(app.rows).toHaveCount(6);
  await expect(app.row('Ankara talks end with joint statement')).toContainText('Reuters');
});

test('a refused file is reported by name and changes nothing', async ({ page, server }) => {
  const app = new AppPage(page);
  await app.open(server.url);
  await app.importFiles({ name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.from('') });
  await expect(page.getByRole('alert').filter({ hasText: '1 file refused' })).toBeVisible();
  await page.getByRole('alert').getByText('Details').click();
  await expect(page.getByRole('alert')).toContainText('empty.txt is empty');
  await expect(app.rows).toHaveCount(5);
});

test('the library filter folds as search does: typing kalin finds the article tagged Kalın', async ({ page, server }) => {
  const list = (await server.api('articles.list', {})) as { value: { items: { id: string; title: string }[] } };
  const fm = list.value.items.find((a) => a.title.startsWith('Syria FM leads'))!;
  expect((await server.api('articles.tag', { id: fm.id, add: ['kişi/İbrahim Kalın'] })).ok).toBe(true);
  const app = new AppPage(page);
  await app.open(server.url);
  await app.filter.fill('kalin');
  await expect(app.rows).toHaveCount(1);
  await expect(app.row('Syria FM leads')).toBeVisible();
  await app.filter.fill('IBRAHIM kalin');
  await expect(app.rows).toHaveCount(1);
});

test('keyboard only: from the filter to the list to the reader', async ({ page, server }) => {
  const app = new AppPage(page);
  await app.open(server.url);
  await page.keyboard.press('Control+Shift+F');
  await expect(app.filter).toBeFocused();
  await page.keyboard.type('Damascus');
  await expect(app.rows).toHaveCount(1);
  await page.keyboard.press('ArrowDown');
  await expect(app.list).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(app.reader).toBeFocused();
  await expect(app.field('Title')).toHaveValue(/Turkish, Syrian officials meet in Damascus/);
  await page.keyboard.press('Escape');
  await expect(app.list).toBeFocused();
  await app.filter.focus();
  await app.filter.fill('');
  await expect(app.rows).toHaveCount(5); // the list reloads asynchronously; keys pressed before that go to the old list
  await app.list.focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(app.rows.nth(1)).toHaveAttribute('aria-selected', 'true');
});

test('sorting by outlet and by title', async ({ page, server }) => {
  const app = new AppPage(page);
  await app.open(server.url);
  await page.getByLabel('Sort').selectOption('outlet');
  await expect(app.rows.first()).toContainText('Shafaq News');
  await expect(app.rows.nth(1)).toContainText('TRT World');
  await page.getByLabel('Sort').selectOption('title');
  await expect(app.rows.first()).toContainText('Syria FM leads');
});

test('no serious accessibility violations in the library and the reader, light and dark', async ({ page, server }) => {
  const app = new AppPage(page);
  await app.open(server.url);
  await app.row('Turkiye and Syria prioritize').click();
  await expect(app.readerBody).toBeVisible();
  for (const theme of ['light', 'dark']) {
    await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${theme}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
});
