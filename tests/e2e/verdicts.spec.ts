import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { AnnotatorPage } from './pages/annotator-page';

const FM = 'Syria FM leads security delegation';
const SENTENCE = 'Senior Syrian officials arrived in Turkey on Sunday for discussions about the security situation in Syria.';

// axe checks of the Verdicts view and the verdict editor, in both themes, are in a11y.spec.ts.
test('mark a passage, give it a verdict with a rationale and a source, filter by it, undo it, and export ClaimReview', async ({ page, server }) => {
  const app = new AnnotatorPage(page);
  await app.openArticle(server.url, FM);
  await app.dragSelect(SENTENCE);
  await app.toolbar.getByRole('button', { name: 'Highlight yellow' }).click();
  const card = app.card(SENTENCE);
  await expect(card).toHaveAttribute('data-color', 'yellow');

  // A bad link is refused with a message and nothing is saved.
  await card.getByRole('button', { name: 'Verdict' }).click();
  const form = card.getByRole('form', { name: 'Verdict' });
  await form.getByLabel('Rating').selectOption({ label: 'Mostly true' });
  await form.getByLabel('Rationale').fill('Two other outlets report the same visit on the same day.');
  await form.getByLabel(/^Sources/).fill('javascript:alert(1)');
  await form.getByRole('button', { name: 'Save verdict' }).click();
  await expect(page.getByRole('alert').or(page.getByRole('status')).filter({ hasText: /http:\/\/ or https:\/\// }).first()).toBeVisible();
  await expect(card.locator('.verdict-badge')).toHaveCount(0);

  await form.getByLabel(/^Sources/).fill('https://example.org/ministry-statement');
  await form.getByRole('button', { name: 'Save verdict' }).click();
  await expect(card.locator('.verdict-badge')).toContainText('Verdict: Mostly true');
  await expect(card.locator('.verdict-badge')).toContainText('Two other outlets report the same visit');
  await expect(card.locator('.verdict-badge')).toContainText('https://example.org/ministry-statement');

  // The Verdicts view, from the sidebar: filter by rating.
  await page.getByRole('navigation', { name: 'Notebook' }).getByRole('link', { name: 'Verdicts' }).click();
  const list = page.getByRole('list', { name: 'Verdicts' });
  await expect(list.locator('.verdict-row')).toHaveCount(1);
  await page.getByLabel('Rating').selectOption({ label: 'False (0)' });
  await expect(list.locator('.verdict-row')).toHaveCount(0);
  await page.getByLabel('Rating').selectOption({ label: 'Mostly true (1)' });
  await expect(list.locator('.verdict-row')).toHaveCount(1);
  await expect(list.locator('.verdict-row').first()).toContainText(SENTENCE);

  // ClaimReview: refused without the page it is published on, then written with it.
  await page.getByRole('button', { name: 'Export ClaimReview JSON-LD' }).click();
  await expect(page.getByText(/needs the address of the page/).first()).toBeVisible();
  await page.getByLabel(/Page the fact-checks are published on/).fill('https://checks.example.org/syria');
  await page.getByLabel('Published by (optional)').fill('Desk');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export ClaimReview JSON-LD' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^parallax-verdicts-\d{4}-\d{2}-\d{2}\.jsonld$/);
  const reviews = JSON.parse(readFileSync(await file.path(), 'utf8')) as Array<Record<string, unknown>>;
  expect(reviews).toHaveLength(1);
  expect(reviews[0]).toMatchObject({
    '@type': 'ClaimReview',
    claimReviewed: SENTENCE,
    reviewRating: { '@type': 'Rating', alternateName: 'Mostly true', ratingValue: 4, bestRating: 5, worstRating: 1 },
    author: { name: 'Desk' },
    itemReviewed: { '@type': 'Claim' },
  });
  expect(reviews[0]!.url).toMatch(/^https:\/\/checks\.example\.org\/syria#verdict-/);

  // Undo takes the verdict away (the highlight stays), and the list says so.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status').filter({ hasText: /Undone: verdict mostly-true/ })).toBeVisible();
  await expect(list.locator('.verdict-row')).toHaveCount(0);
  const annotations = (await server.api('annotations.list', {})) as { value: { items: Array<{ verdict?: unknown }> } };
  expect(annotations.value.items).toHaveLength(1);
  expect(annotations.value.items[0]!.verdict).toBeUndefined();
});

test('a coverage-matrix row gets a verdict from its row, with the keyboard', async ({ page, server }) => {
  const stories = (await server.api('stories.list')) as { value: { stories: Array<{ id: string }> } };
  await page.goto(server.url);
  await page.evaluate((h) => (window.location.hash = h), `#/story/${stories.value.stories[0]!.id}`);
  const matrix = page.getByRole('table', { name: 'Coverage matrix' });
  await expect(matrix).toBeVisible();
  const button = matrix.getByRole('button', { name: /^Verdict on the claim/ }).first();
  await button.focus();
  await page.keyboard.press('Enter');
  const form = matrix.getByRole('form', { name: 'Verdict' });
  await expect(form.getByLabel('Rating')).toBeFocused();
  await form.getByLabel('Rating').selectOption({ label: 'Unverified' });
  await form.getByLabel('Rationale').fill('Only one outlet says so.');
  await form.getByLabel('Rationale').press('Tab');
  await form.getByRole('button', { name: 'Save verdict' }).press('Enter');
  await expect(form).toBeHidden();
  const listed = (await server.api('verdicts.list', {})) as { value: { items: Array<{ verdict: { rating: string; claim: string | null } }> } };
  expect(listed.value.items.map((i) => i.verdict.rating)).toEqual(['unverified']);
  expect(listed.value.items[0]!.verdict.claim).toBeTruthy();
});
