import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type { ParallaxServer } from './fixtures';
import { SearchPage } from './pages/search-page';

type Rating = { id: string; label: string; value: number | null };
type Listed = { items: Array<{ id: string; verdict: { rating: string } }> };

const ratingsOf = async (server: ParallaxServer) => ((await server.api('verdicts.ratings', {})).value as { ratings: Rating[] }).ratings;
const verdictsOf = async (server: ParallaxServer) => ((await server.api('verdicts.list', {})).value as Listed).items;

/** Two verdicts on the first sample article: one False, one Mostly true. */
async function twoVerdicts(server: ParallaxServer): Promise<{ articleId: string; falseId: string }> {
  const stories = (await server.api('stories.list')).value as { stories: Array<{ articleIds: string[] }> };
  const articleId = stories.stories[0]!.articleIds[0]!;
  const made = await server.api('verdicts.create', {
    articleId,
    target: { start: 0, end: 30 },
    verdict: { rating: 'false', rationale: 'The ministry denied it.' },
  });
  await server.api('verdicts.create', { articleId, target: { start: 40, end: 70 }, verdict: { rating: 'mostly-true' } });
  return { articleId, falseId: (made.value as { id: string }).id };
}

async function openRatingsEditor(page: Page, server: ParallaxServer) {
  await page.goto(server.url);
  await page.getByRole('navigation', { name: 'Notebook' }).getByRole('link', { name: 'Verdicts' }).click();
  await expect(page.getByRole('list', { name: 'Verdicts' }).locator('.verdict-row')).toHaveCount(2);
  await page.getByRole('button', { name: 'Edit ratings…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit ratings' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('edit the ratings: add, rename, reorder with buttons and keys, remove one in use with a move, then undo and redo', async ({ page, server }) => {
  test.slow(); // many steps, each waiting for the notebook's answer, on a shared machine
  const before = await ratingsOf(server);
  const { falseId } = await twoVerdicts(server);
  const dialog = await openRatingsEditor(page, server);
  const list = dialog.getByRole('list', { name: 'Ratings' });
  await expect(list.getByRole('listitem')).toHaveCount(6);

  // Add "Satire" (Enter in the field adds, it does not save), rename Mixed, give Unverified no change.
  await dialog.getByLabel('New rating').fill('Satire');
  await dialog.getByLabel('New rating').press('Enter');
  await expect(dialog.getByLabel('Label of rating 7')).toHaveValue('Satire');
  await dialog.getByLabel('Label of rating 3').fill('Half true');

  // Reorder: Satire up one place with the button, then up again with Alt+Up from its label.
  await dialog.getByRole('button', { name: 'Move Satire up' }).click();
  await expect(dialog.getByLabel('Label of rating 6')).toHaveValue('Satire');
  await dialog.getByLabel('Label of rating 6').press('Alt+ArrowUp');
  await expect(dialog.getByLabel('Label of rating 5')).toHaveValue('Satire');
  await expect(dialog.getByLabel('Label of rating 5')).toBeFocused();
  await expect(dialog.getByRole('status').filter({ hasText: 'Satire moved to place 5 of 7' })).toBeAttached();

  // Remove False, which a verdict uses: the dialog asks where its verdict goes, and saving needs an answer.
  await dialog.getByRole('button', { name: 'Remove False' }).click();
  const moveTo = dialog.getByLabel('Move the 1 verdict rated False to');
  await expect(moveTo).toBeFocused();
  await dialog.getByRole('button', { name: 'Save ratings' }).click();
  await expect(dialog).toBeVisible(); // the choice is required
  expect((await ratingsOf(server)).map((r) => r.id)).toEqual(before.map((r) => r.id));
  await moveTo.selectOption({ label: 'Misleading' });
  await dialog.getByRole('button', { name: 'Save ratings' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Ratings saved' })).toBeVisible();

  const saved = await ratingsOf(server);
  expect(saved.map((r) => r.label)).toEqual(['True', 'Mostly true', 'Half true', 'Misleading', 'Satire', 'Unverified']);
  expect(saved.find((r) => r.label === 'Satire')).toEqual({ id: 'satire', label: 'Satire', value: null });
  expect((await verdictsOf(server)).find((v) => v.id === falseId)!.verdict.rating).toBe('misleading');
  await expect(page.getByLabel('Rating', { exact: true }).locator('option')).toHaveText([
    'All ratings (2)',
    'True (0)',
    'Mostly true (1)',
    'Half true (0)',
    'Misleading (1)',
    'Satire (0)',
    'Unverified (0)',
  ]);

  // Ctrl+Z puts the list back and the verdict back on False; Ctrl+Shift+Z makes the edit again.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status').filter({ hasText: 'Undone: edit ratings' })).toBeVisible();
  await expect.poll(async () => (await ratingsOf(server)).map((r) => r.label)).toEqual(before.map((r) => r.label));
  expect((await verdictsOf(server)).find((v) => v.id === falseId)!.verdict.rating).toBe('false');
  await expect(page.getByLabel('Rating', { exact: true }).locator('option', { hasText: 'False (1)' })).toHaveCount(1);
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByRole('status').filter({ hasText: 'Redone: edit ratings' })).toBeVisible();
  await expect.poll(async () => (await verdictsOf(server)).find((v) => v.id === falseId)!.verdict.rating).toBe('misleading');
});

test('a list the notebook refuses is shown in the dialog and changes nothing', async ({ page, server }) => {
  const before = await ratingsOf(server);
  await twoVerdicts(server);
  const dialog = await openRatingsEditor(page, server);
  // Two ratings with one label: the back end says why, the dialog stays open, and nothing is saved.
  await dialog.getByLabel('Label of rating 2').fill('True');
  await dialog.getByRole('button', { name: 'Save ratings' }).click();
  await expect(dialog.getByRole('alert')).toContainText('appears twice');
  await expect(dialog).toBeVisible();
  expect(await ratingsOf(server)).toEqual(before);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
});

test('search with verdict:false lists the passage rated False and opens its article', async ({ page, server }) => {
  const { articleId } = await twoVerdicts(server);
  await page.goto(server.url);
  await page.keyboard.press('Control+k');
  const search = new SearchPage(page);
  await expect(search.box).toBeFocused();
  await search.search('verdict:false');
  await expect(search.hits).toHaveCount(1);
  const note = search.hits.first().locator('.search-hit__note');
  await expect(note).toHaveCount(1);
  await expect(note).toContainText('Verdict: False');
  await search.search('verdict:any');
  await expect(search.hits).toHaveCount(1);
  await expect(search.hits.first().locator('.search-hit__note')).toHaveCount(2);
  await search.search('verdict:misleading');
  await expect(page.getByText('No article matches.')).toBeVisible();

  await search.search('verdict:false');
  await search.hits.first().click();
  await expect(page).toHaveURL(new RegExp(`#/search/${articleId}`));
  await expect(search.reader).toBeVisible();
});
