import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import type { ArticlePageServer } from '../helpers/article-page-server';
import { PAGE_V1, PAGE_V2, pageVersion1Html, startArticlePageServer } from '../helpers/article-page-server';
import { AnnotatorPage } from './pages/annotator-page';
import { AppPage } from './pages/app-page';

let outlet: ArticlePageServer;
test.beforeEach(async () => {
  outlet = await startArticlePageServer();
});
test.afterEach(() => outlet.close());

test('Check for updates shows what the outlet changed, word by word, re-anchors the highlights and marks the library row', async ({
  page,
  server,
}) => {
  test.slow(); // two checks, a diff and an accessibility scan on a shared machine
  // The page as saved on the first day; it names its address (og:url), which the article keeps.
  const html = Buffer.from(pageVersion1Html(outlet.url)).toString('base64');
  const imported = await server.api('articles.importFiles', { files: [{ name: 'ferry-lesbos.html', contentBase64: html }] });
  const id = (imported.value as { imported: { id: string }[] }).imported[0]!.id;
  expect((await server.api('annotations.create', { articleId: id, target: { quote: { exact: PAGE_V1.talks } } })).ok).toBe(true);

  const app = new AnnotatorPage(page);
  await app.openArticle(server.url, PAGE_V1.headline);
  const metaHeight = async (title: string) => (await app.row(title).locator('.article-row__meta').boundingBox())!.height;
  const metaBefore = await metaHeight(PAGE_V1.headline);
  const check = app.reader.getByRole('button', { name: 'Check for updates' });
  const status = app.reader.locator('.versions__status');

  await check.click();
  await expect(status).toHaveText(/^No change since /);

  outlet.setVersion(2);
  await check.click();
  await expect(status).toHaveText(
    'The outlet changed this article: version 2 of 2 is shown: 1 annotation kept, 0 moved, 0 orphaned. The headline changed too. Ctrl+Z goes back to version 1.',
  );
  await expect(app.field('Title')).toHaveText(PAGE_V2.headline);
  await expect(app.readerBody).toContainText(PAGE_V2.added);
  // The highlighted paragraph moved below the new one; the highlight went with it.
  await expect(app.highlights).toHaveText([PAGE_V1.talks]);
  await expect(app.card(PAGE_V1.talks)).toHaveAttribute('data-status', 'ok');

  // The diff: headline and text, deletions struck through and insertions underlined, each named for screen readers.
  const diff = app.reader.getByRole('figure', { name: 'Changes from version 1 to version 2' });
  await expect(diff.getByTestId('diff-title').locator('del')).toHaveText(['[deleted: five]']);
  await expect(diff.getByTestId('diff-title').locator('ins')).toHaveText(['[inserted: seven]', '[inserted: as search continues]']);
  await expect(diff.getByTestId('diff-body').locator('del').first()).toHaveText('[deleted: Five]');
  await expect(diff.getByTestId('diff-body').locator('ins').filter({ hasText: 'on Monday' })).toHaveCount(1);
  expect(
    await diff
      .locator('del')
      .first()
      .evaluate((el) => getComputedStyle(el).textDecorationLine),
  ).toBe('line-through');
  expect(
    await diff
      .locator('ins')
      .first()
      .evaluate((el) => getComputedStyle(el).textDecorationLine),
  ).toBe('underline');
  const a11y = await new AxeBuilder({ page }).include('.versions').analyze();
  expect(a11y.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  // The library marks the row; its meta line stays one line high (the new, longer headline may take two).
  const updatedRow = app.row(PAGE_V2.headline);
  await expect(updatedRow.locator('.article-row__updated')).toHaveText(/^Updated \w+/);
  expect(await metaHeight(PAGE_V2.headline)).toBe(metaBefore);

  // Undo goes back to the first version (both stay kept); the list shows which one is shown.
  await app.readerBody.click();
  await page.keyboard.press('Control+z');
  await expect(app.field('Title')).toHaveText(PAGE_V1.headline);
  await expect(app.reader.locator('.versions__item[aria-current]')).toContainText('Version 1');
  await app.reader.getByRole('button', { name: 'Show version 2' }).click();
  await expect(app.field('Title')).toHaveText(PAGE_V2.headline);
  await expect(status).toHaveText('Version 2 is shown: 1 annotation kept, 0 moved, 0 orphaned. Ctrl+Z undoes it.');
});

test('an address that cannot be reached says why and leaves the article as it was', async ({ page, server }) => {
  const html = Buffer.from(pageVersion1Html(outlet.url)).toString('base64');
  await server.api('articles.importFiles', { files: [{ name: 'ferry-lesbos.html', contentBase64: html }] });
  await outlet.close();
  const app = new AnnotatorPage(page);
  await app.openArticle(server.url, PAGE_V1.headline);
  await app.reader.getByRole('button', { name: 'Check for updates' }).click();
  await expect(app.reader.locator('.versions__status')).toHaveText(
    /^Could not check for updates: 127\.0\.0\.1:\d+ refused the connection$/,
  );
  await expect(app.field('Title')).toHaveText(PAGE_V1.headline);
  await expect(app.reader.getByRole('button', { name: /^Versions/ })).toHaveCount(0);
  outlet = await startArticlePageServer(); // for afterEach
});

test("an outlet's update, found by a check, appears beside the article on its story's timeline", async ({ page, server }) => {
  test.slow(); // the timeline runs the story's comparison
  const html = Buffer.from(pageVersion1Html(outlet.url)).toString('base64');
  const imported = await server.api('articles.importFiles', { files: [{ name: 'ferry-lesbos.html', contentBase64: html }] });
  const id = (imported.value as { imported: { id: string }[] }).imported[0]!.id;
  const other = ((await server.api('articles.list', {})).value as { items: { id: string }[] }).items.find((a) => a.id !== id)!.id;
  const story = (await server.api('stories.create', { name: 'Lesbos ferry', articleIds: [id, other] })).value as { id: string };
  outlet.setVersion(2);
  const check = await server.api('articles.checkUpdates', { id });
  expect((check.value as { changed: boolean }).changed).toBe(true);

  await new AppPage(page).open(server.url);
  await page.evaluate((h) => (window.location.hash = h), `#/story/${story.id}`);
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await timeline.getByRole('button', { name: 'Show the timeline' }).click();
  const entry = page
    .getByRole('region', { name: 'Timeline' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: PAGE_V2.headline, exact: true }) });
  await expect(entry).toHaveCount(1, { timeout: 60_000 });
  // When the check found the change (the server's Last-Modified predates the first fetch), to the minute.
  await expect(entry.locator('.timeline__updates')).toHaveText(/^ · updated \d{4}-\d\d-\d\d \d\d:\d\d$/);
});
