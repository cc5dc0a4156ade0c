import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';

/** An article whose title wraps to `lines` lines in the library (roughly), dated so it sorts among the seeds. */
const article = (i: number, words: number, day: number) =>
  [
    `${Array.from({ length: words }, (_, w) => `Headline${i}word${w}`).join(' ')}`,
    '',
    `Published: 2024-03-${String(day).padStart(2, '0')}`,
    '',
    `Body of article ${i}. `.repeat(30),
  ].join('\n');

/** Every row's box, top to bottom, and whether its content fits inside it. */
async function rowBoxes(app: AppPage) {
  return app.list.locator('[role="option"]').evaluateAll((rows) =>
    rows
      .map((r) => {
        const box = r.getBoundingClientRect();
        const inner = [...r.children].map((c) => c.getBoundingClientRect());
        const contentBottom = Math.max(...inner.map((c) => c.bottom));
        return {
          title: (r.querySelector('.article-row__title')?.textContent ?? '').slice(0, 40),
          top: box.top,
          bottom: box.bottom,
          clipped: contentBottom > box.bottom + 0.5 || r.scrollHeight > r.clientHeight + 1,
        };
      })
      .sort((a, b) => a.top - b.top),
  );
}

function expectLaidOut(boxes: Awaited<ReturnType<typeof rowBoxes>>) {
  for (const b of boxes) expect(b.clipped, `row "${b.title}" is clipped`).toBe(false);
  for (let i = 1; i < boxes.length; i++) {
    const [above, below] = [boxes[i - 1]!, boxes[i]!];
    // Rows meet: no overlap (a row drawn over the one above) and no gap (a stale, taller size).
    expect(Math.abs(below.top - above.bottom), `"${above.title}" / "${below.title}"`).toBeLessThan(1);
  }
}

test('library rows neither overlap nor clip after imports and pastes, without a reload', async ({ page, server }) => {
  test.slow(); // six imports and two pastes on a shared machine
  const app = new AppPage(page);
  await app.open(server.url);
  await expect(app.rows).toHaveCount(5);
  // Files of short and long titles, dated between the seeds, so they land above and between rows already measured.
  const files = [1, 14, 2, 18, 3, 12].map((words, i) => ({
    name: `rows-${i}.txt`,
    mimeType: 'text/plain',
    buffer: Buffer.from(article(i, words, 28 - i * 4)),
  }));
  await app.importFiles(files);
  await expect(page.getByRole('status').filter({ hasText: '6 articles imported' })).toBeVisible();
  await expect(app.rows).toHaveCount(11);
  await expect.poll(async () => (await rowBoxes(app)).length).toBe(11);

  // Two pastes, one of a long title, one short.
  for (const [i, words] of [
    [20, 16],
    [21, 1],
  ] as const) {
    await page.getByRole('button', { name: 'Paste as new article…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Paste as new article' });
    await dialog.getByLabel('Article text').fill(article(i, words, 30));
    await dialog.getByRole('button', { name: 'Add article' }).click();
    await expect(dialog).toBeHidden();
  }
  await expect(app.rows).toHaveCount(13);
  // Let any ResizeObserver round settle, then look at the geometry as a user would see it.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  expectLaidOut(await rowBoxes(app));
});
