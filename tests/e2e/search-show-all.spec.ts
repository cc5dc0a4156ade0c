import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createNotebook, expect, startServer, test } from './fixtures';
import { SearchPage } from './pages/search-page';

const sampleDir = fileURLToPath(new URL('../../resources/sample', import.meta.url));
const seeds = readdirSync(sampleDir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(join(sampleDir, f), 'utf8'));

// A prefix may expand to one word only, so `def*` (defence, defense) over-expands on the five sample
// articles as a common prefix does on a large notebook: the answer is approximate until "Show all".
test('an approximate answer says "about" and offers "Show all", which finds every article', async ({ page }) => {
  const notebook = mkdtempSync(join(tmpdir(), 'parallax-e2e-show-all-'));
  createNotebook(notebook, false);
  const server = await startServer(notebook, [], { PARALLAX_SEARCH_LIMITS: JSON.stringify({ prefixExpansions: 1 }) });
  try {
    const search = new SearchPage(page);
    await page.goto(server.url);
    await page.keyboard.press('/');
    await search.search('def*');
    const every = seeds.filter((s) => /\bdef/i.test(s)).length;
    const defence = seeds.filter((s) => /\bdefence/i.test(s)).length;
    expect(defence).toBeLessThan(every); // the sample holds both spellings, in different articles

    const count = page.locator('.search-pane__count');
    await expect(count).toHaveText(new RegExp(`^about ${defence} articles`));
    await expect(search.hits).toHaveCount(defence);
    await page.getByRole('button', { name: 'Show all' }).click();

    await expect(count).toHaveText(new RegExp(`^${every} articles`));
    await expect(search.hits).toHaveCount(every);
    await expect(page.getByRole('button', { name: 'Show all' })).toHaveCount(0);
    // Another query is approximate again: "Show all" holds for the query it was pressed for only.
    await search.search('defe*');
    await expect(count).toHaveText(/^about /);
    await expect(page.getByRole('button', { name: 'Show all' })).toBeVisible();
  } finally {
    const exited = new Promise((done) => server.child.once('exit', done));
    server.child.kill('SIGTERM');
    await Promise.race([exited, new Promise((done) => setTimeout(done, 5000))]);
    rmSync(notebook, { recursive: true, force: true, maxRetries: 3 });
  }
});
