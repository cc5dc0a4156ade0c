import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * axe over the views the feature specs do not check yet (the library, reader, search, All annotations and
 * the tag manager are checked in their own specs): a story with its coverage matrix, two articles in
 * aligned reading, a story in columns, the grouped and filtered matrix, the quotes and names tabs, the ratings
 * editor, and the export and paste dialogs, in both themes.
 */
async function expectNoSeriousViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of serious) for (const n of v.nodes) console.log(label, n.target.join(' '), n.failureSummary);
  expect(serious.map((v) => `${label}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

type Api = (method: string, payload?: unknown) => Promise<{ value?: unknown }>;
const sampleIds = async (api: Api) => {
  const stories = ((await api('stories.list')).value as { stories: Array<{ id: string; articleIds: string[] }> }).stories;
  return { story: stories[0]!.id, articles: stories[0]!.articleIds };
};

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.beforeEach(async ({ page }) => {
      await page.addInitScript((t) => localStorage.setItem('parallax.theme', t), theme);
    });

    test('a story: coverage matrix, quotes and names', async ({ page, server }) => {
      const { story } = await sampleIds(server.api);
      await page.goto(server.url);
      await page.evaluate((h) => (window.location.hash = h), `#/story/${story}`);
      await expect(page.getByRole('table', { name: 'Coverage matrix' })).toBeVisible();
      await expectNoSeriousViolations(page, `${theme} coverage matrix`);
      await page.getByRole('tab', { name: /Quotes/ }).click();
      await expect(page.getByRole('tab', { name: /Quotes/ })).toHaveAttribute('aria-selected', 'true');
      await expectNoSeriousViolations(page, `${theme} quotes`);
      await page.getByRole('tab', { name: /Names/ }).click();
      await expect(page.getByRole('tab', { name: /Names/ })).toHaveAttribute('aria-selected', 'true');
      await expectNoSeriousViolations(page, `${theme} names`);
    });

    test('aligned reading of two articles', async ({ page, server }) => {
      const { articles } = await sampleIds(server.api);
      await page.goto(server.url);
      await page.evaluate((h) => (window.location.hash = h), `#/compare/${articles[0]}/${articles[1]}`);
      const aligned = page.getByRole('region', { name: 'Aligned reading' });
      await expect(aligned.locator('.align-sentence').first()).toBeVisible();
      await expectNoSeriousViolations(page, `${theme} aligned reading`);
    });

    test('a story in columns, and its coverage matrix unfolded and filtered', async ({ page, server }) => {
      const { story } = await sampleIds(server.api);
      await page.goto(server.url);
      await page.evaluate((h) => (window.location.hash = h), `#/story/${story}`);
      const matrix = page.getByRole('table', { name: 'Coverage matrix' });
      await matrix.getByRole('button', { name: /Only in TRT World/ }).click();
      await expect(matrix.locator('.matrix__row--unique').first()).toBeVisible();
      await page.getByLabel('Filter by conflict').selectOption('any');
      await expectNoSeriousViolations(page, `${theme} coverage matrix, unfolded and filtered`);
      await page.getByRole('tab', { name: 'Columns' }).click();
      const grid = page.getByRole('grid', { name: /Articles in columns/ });
      await expect(grid.locator('.columns__cell--shared').first()).toBeVisible();
      await expectNoSeriousViolations(page, `${theme} columns`);
      await grid.locator('[data-cell="0:0"]').focus();
      await page.keyboard.press('ArrowDown');
      await expectNoSeriousViolations(page, `${theme} columns, a cell focused`);
    });

    test('the Verdicts view with a verdict, and a verdict being edited on its card', async ({ page, server }) => {
      const { articles } = await sampleIds(server.api);
      const body = ((await server.api('articles.get', { id: articles[0] })).value as { body: string }).body;
      await server.api('verdicts.create', {
        articleId: articles[0],
        target: { start: 0, end: Math.min(40, body.length) },
        verdict: { rating: 'misleading', rationale: 'The date is wrong.', sources: [{ kind: 'link', url: 'https://example.org/a' }] },
      });
      await page.goto(server.url);
      await page.evaluate((h) => (window.location.hash = h), '#/verdicts');
      await expect(page.getByRole('list', { name: 'Verdicts' }).locator('.verdict-row')).toHaveCount(1);
      await expectNoSeriousViolations(page, `${theme} verdicts view`);
      await page.evaluate((h) => (window.location.hash = h), '#/annotations');
      await page.locator('.annotation-card').first().getByRole('button', { name: 'Edit verdict' }).click();
      await expect(page.getByRole('form', { name: 'Verdict' })).toBeVisible();
      await expectNoSeriousViolations(page, `${theme} verdict editor`);
    });

    test('the ratings editor, with a rating in use removed', async ({ page, server }) => {
      test.slow(); // two axe scans of a modal dialog on a shared machine
      const { articles } = await sampleIds(server.api);
      await server.api('verdicts.create', { articleId: articles[0], target: { start: 0, end: 20 }, verdict: { rating: 'false' } });
      await page.goto(server.url);
      await page.evaluate((h) => (window.location.hash = h), '#/verdicts');
      await expect(page.getByRole('list', { name: 'Verdicts' }).locator('.verdict-row')).toHaveCount(1);
      await page.getByRole('button', { name: 'Edit ratings…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Edit ratings' });
      await expect(dialog.getByRole('list', { name: 'Ratings' }).getByRole('listitem')).toHaveCount(6);
      await expectNoSeriousViolations(page, `${theme} ratings editor`);
      await dialog.getByRole('button', { name: 'Remove False' }).click();
      await expect(dialog.getByLabel('Move the 1 verdict rated False to')).toBeFocused();
      await dialog.getByLabel('New rating').fill('Satire');
      await dialog.getByRole('button', { name: 'Add rating' }).click();
      await expectNoSeriousViolations(page, `${theme} ratings editor, a rating removed and one added`);
    });

    test('the export and paste dialogs', async ({ page, server }) => {
      await page.goto(server.url);
      await page.getByRole('button', { name: 'Export…' }).click();
      const exporting = page.getByRole('dialog', { name: 'Export' });
      await expect(exporting).toBeVisible();
      await expectNoSeriousViolations(page, `${theme} export dialog`);
      await exporting.getByLabel('With the tag').check();
      await exporting.getByLabel('Format').selectOption('csv');
      await expectNoSeriousViolations(page, `${theme} export dialog, tag scope, CSV`);
      await exporting.getByRole('button', { name: 'Cancel' }).click();
      await expect(exporting).toBeHidden();
      await page.getByRole('button', { name: 'Paste as new article…' }).click();
      const paste = page.getByRole('dialog', { name: 'Paste as new article' });
      await expect(paste).toBeVisible();
      await paste.getByLabel('Article text').fill('   ');
      await expectNoSeriousViolations(page, `${theme} paste dialog`);
    });
  });
}
