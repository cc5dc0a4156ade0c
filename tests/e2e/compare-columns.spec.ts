import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

type Story = { id: string; name: string; articleIds: string[] };

async function openStory(page: Page, server: { url: string; api: (m: string, p?: unknown) => Promise<{ value?: unknown }> }) {
  const stories = (await server.api('stories.list')).value as { stories: Story[] };
  const story = stories.stories[0]!;
  expect(story.articleIds).toHaveLength(5);
  await page.goto(server.url);
  await page.evaluate((h) => (window.location.hash = h), `#/story/${story.id}`);
  return story;
}

/** For every shared row in view: the largest difference (px) between the tops of its filled cells, and how many were in view. */
async function sharedRowGaps(scroller: Locator): Promise<{ largest: number; inView: number; widest: number }> {
  return scroller.evaluate((el) => {
    const view = el.getBoundingClientRect();
    let largest = 0;
    let inView = 0;
    let widest = 0;
    for (const row of el.querySelectorAll<HTMLElement>('.columns__row--shared')) {
      const cells = [...row.querySelectorAll('.columns__cell--shared')].map((c) => c.getBoundingClientRect());
      if (!cells.length || cells[0]!.bottom < view.top || cells[0]!.top > view.bottom) continue;
      inView++;
      widest = Math.max(widest, cells.length);
      const tops = cells.map((c) => c.top);
      largest = Math.max(largest, Math.max(...tops) - Math.min(...tops));
    }
    return { largest, inView, widest };
  });
}

test('the five sample articles read in columns: shared rows level while scrolling, arrows between cells, columns chosen', async ({
  page,
  server,
}) => {
  await page.setViewportSize({ width: 1400, height: 700 });
  await openStory(page, server);
  await page.getByRole('tab', { name: 'Columns' }).click();
  const region = page.getByRole('region', { name: 'Aligned reading in columns' });
  const grid = region.getByRole('grid', { name: /Articles in columns/ });
  await expect(grid.getByRole('columnheader')).toHaveCount(5);
  await expect(grid.getByRole('columnheader').filter({ hasText: 'Shafaq News' })).toHaveCount(1);
  // A claim three or more outlets share is one row; the others' cells say "not in" and stay small.
  await expect(
    grid.locator('.columns__row[data-shared="3"], .columns__row[data-shared="4"], .columns__row[data-shared="5"]').first(),
  ).toBeVisible();
  const wide = grid
    .locator('.columns__row--shared')
    .filter({ has: page.locator('.columns__cell--none') })
    .first();
  const none = (await wide.locator('.columns__cell--none').first().boundingBox())!;
  const filled = (await wide.locator('.columns__cell--shared').first().boundingBox())!;
  expect(none.height).toBeLessThan(filled.height);
  await expect(wide.locator('.columns__cell--none').first()).toContainText('not in');
  await expect(region.locator('mark.mark--diff').first()).toBeVisible();

  const scroller = region.locator('.columns__scroll');
  // Scroll so that the second, a middle and the last shared row sit a little below the top of the area.
  const shared = await grid.locator('.columns__row--shared').count();
  expect(shared).toBeGreaterThan(2);
  for (const k of [1, Math.floor(shared / 2), shared - 1]) {
    const at = await scroller.evaluate((el, i) => {
      const row = el.querySelectorAll<HTMLElement>('.columns__row--shared')[i]!;
      el.scrollTop = row.getBoundingClientRect().top - el.getBoundingClientRect().top + el.scrollTop - 80;
      return el.scrollTop;
    }, k);
    expect(at).toBeGreaterThan(0);
    const gaps = await sharedRowGaps(scroller);
    expect(gaps.inView).toBeGreaterThan(0);
    expect(gaps.largest).toBeLessThan(1);
  }
  // The column headers stay in view over the scrolled rows.
  const head = (await grid.getByRole('columnheader').first().boundingBox())!;
  const area = (await scroller.boundingBox())!;
  expect(Math.abs(head.y - area.y)).toBeLessThan(3);

  // Arrows move between cells: down to the next row, right to the next outlet.
  await scroller.evaluate((el) => (el.scrollTop = 0));
  const first = grid.locator('[data-cell="0:0"]');
  await first.focus();
  await page.keyboard.press('ArrowDown');
  await expect(grid.locator('[data-cell="1:0"]')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(grid.locator('[data-cell="1:1"]')).toBeFocused();
  await page.keyboard.press('End');
  await expect(grid.locator('[data-cell="1:4"]')).toBeFocused();
  await page.keyboard.press('Control+End');
  await expect(grid.locator('.columns__row').last().locator('[role="gridcell"]').last()).toBeFocused();

  // Three columns of the five: the comparison of those three, rows still level.
  const choose = region.getByRole('group', { name: /Columns/ });
  await choose.getByLabel('TRT World').uncheck();
  await choose.getByLabel('Shafaq News').uncheck();
  await expect(grid.getByRole('columnheader')).toHaveCount(3);
  await expect(grid.getByRole('columnheader').filter({ hasText: 'TRT World' })).toHaveCount(0);
  await expect(grid.locator('.columns__row--shared').first()).toBeVisible();
  await scroller.evaluate((el) => (el.scrollTop = 400));
  expect((await sharedRowGaps(scroller)).largest).toBeLessThan(1);
  // Never fewer than two columns.
  const checked = choose.locator('input:checked');
  await checked.first().uncheck();
  await expect(grid.getByRole('columnheader')).toHaveCount(2);
  await expect(choose.locator('input:checked').first()).toBeDisabled();
});

test('the coverage matrix puts shared claims first, folds each outlet’s own claims and filters by a name', async ({ page, server }) => {
  await openStory(page, server);
  const matrix = page.getByRole('table', { name: 'Coverage matrix' });
  await expect(matrix).toBeVisible();
  // Counts per outlet in the headers.
  await expect(matrix.locator('thead th').filter({ hasText: 'TRT World' })).toContainText(/\d+ claims, \d+ shared/);
  // Shared first: every row before the groups is carried by two outlets or more.
  const counts = await matrix.locator('tbody').first().locator('.matrix__count').allTextContents();
  expect(counts.length).toBeGreaterThan(0);
  expect(counts.every((c) => Number(c) >= 2)).toBe(true);
  expect(counts.map(Number)).toEqual([...counts.map(Number)].sort((a, b) => b - a));
  // Folded by default; a group opens and folds again.
  const fold = matrix.getByRole('button', { name: /Only in Shafaq News \((\d+)\)/ });
  await expect(fold).toHaveAttribute('aria-expanded', 'false');
  const group = matrix.locator('tbody.matrix__group').filter({ has: page.getByRole('button', { name: /Only in Shafaq News/ }) });
  await expect(group.locator('.matrix__row--unique')).toHaveCount(0);
  const n = Number(/\((\d+)\)/.exec((await fold.textContent())!)![1]);
  await fold.click();
  await expect(fold).toHaveAttribute('aria-expanded', 'true');
  await expect(group.locator('.matrix__row--unique')).toHaveCount(Math.min(n, 200));
  await fold.click();
  await expect(group.locator('.matrix__row--unique')).toHaveCount(0);

  // Filter by a name: only claims naming Fidan are left, each with a passage that names him.
  const before = await matrix.locator('tbody tr').count();
  const names = page.getByRole('group', { name: 'Filter claims' }).getByLabel('Filter by name');
  const fidan = await names.locator('option', { hasText: 'Fidan' }).first().getAttribute('value');
  await names.selectOption(fidan!);
  await expect(page.getByRole('status').filter({ hasText: /of \d+ claims/ })).toBeVisible();
  const rows = matrix.locator('tbody').first().locator('tr');
  await expect(rows.first()).toBeVisible();
  expect(await matrix.locator('tbody tr').count()).toBeLessThan(before);
  for (const label of await rows.evaluateAll((trs) =>
    trs.map((tr) => tr.textContent + [...tr.querySelectorAll('button')].map((b) => b.getAttribute('aria-label')).join(' ')),
  )) {
    expect(label).toMatch(/Fidan/);
  }
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(matrix.locator('tbody tr')).toHaveCount(before);
});
