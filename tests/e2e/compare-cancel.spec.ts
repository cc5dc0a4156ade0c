import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repeatedSeeds } from '../helpers/heavy-articles';
import { expect, test } from './fixtures';

type Summary = { id: string; title: string };

/**
 * A comparison long enough to cancel: six articles made of the seeds repeated (a thousand sentences each,
 * every one with near-copies in the five others), which takes the compare worker many seconds.
 */
test('Cancel stops a long comparison and the Compare view is usable again', async ({ page, server }) => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-e2e-heavy-'));
  try {
    for (let i = 0; i < 6; i++) writeFileSync(join(dir, `long-${i}.txt`), repeatedSeeds(`copy ${i}`, 160_000));
    const report = (await server.api('articles.importPaths', { paths: [dir] })).value as { imported: Summary[] };
    expect(report.imported).toHaveLength(6);
    const long = report.imported.map((a) => a.id);

    await page.goto(server.url);
    await page.evaluate((h) => (window.location.hash = h), `#/compare/${long.join('/')}`);
    const status = page.getByRole('status').filter({ hasText: 'Comparing 6 articles' });
    await expect(status).toBeVisible();
    // The worker is at it: it has reported a step.
    await expect(status.getByRole('progressbar', { name: 'Comparison progress' })).toBeVisible();
    await status.getByRole('button', { name: 'Cancel' }).click();

    await expect(page.getByText('The comparison was cancelled.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Compare again' })).toBeVisible();
    // Meanwhile and after, the rest of the app answers: another comparison runs at once.
    await page.getByRole('link', { name: 'Choose other articles' }).click();
    const picker = page.getByRole('group', { name: 'Articles to compare' });
    await picker.getByRole('checkbox', { name: /Syria's security is inseparable/ }).check();
    await picker.getByRole('checkbox', { name: /Syria FM leads/ }).check();
    await page.getByRole('button', { name: 'Compare 2 selected' }).click();
    await expect(page.getByRole('region', { name: 'Aligned reading' })).toBeVisible();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
