import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createNotebook, expect, startServer, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { SearchPage } from './pages/search-page';

const sampleDir = fileURLToPath(new URL('../../resources/sample', import.meta.url));
const seedNames = readdirSync(sampleDir).filter((f) => f.endsWith('.txt'));

// A server whose imports of three files or more are bulk imports: indexed after the import, not alongside
// (SearchService.indexAfter; 2,000 files by default).
test('a bulk import through the file dialog is searchable once the index has caught up', async ({ page }) => {
  const notebook = mkdtempSync(join(tmpdir(), 'parallax-e2e-bulk-'));
  createNotebook(notebook, true);
  const server = await startServer(notebook, [], { PARALLAX_BULK_IMPORT_FILES: '3' });
  try {
    const app = new AppPage(page);
    await app.open(server.url, { empty: true });
    await app.importFiles(seedNames.map((name) => ({ name, mimeType: 'text/plain', buffer: readFileSync(join(sampleDir, name)) })));
    await expect(page.getByRole('status').filter({ hasText: `${seedNames.length} articles imported` })).toBeVisible();
    await expect(app.rows).toHaveCount(seedNames.length);

    await page.keyboard.press('Control+k');
    const search = new SearchPage(page);
    await page.keyboard.type('guler');
    const expected = seedNames.filter((n) => /g[uü]ler/i.test(readFileSync(join(sampleDir, n), 'utf8').normalize('NFC'))).length;
    expect(expected).toBeGreaterThan(1);
    // The index catches up in the background (import workers, then the index writer): wait for it, do not time it.
    await expect(search.hits).toHaveCount(expected, { timeout: 30_000 });
    // Every article is in the index now, none twice.
    const status = (await server.api('search.status', {})).value as { state: string; indexedArticles: number; totalArticles: number };
    expect(status).toMatchObject({ state: 'ready', indexedArticles: seedNames.length, totalArticles: seedNames.length });
  } finally {
    const exited = new Promise((done) => server.child.once('exit', done));
    server.child.kill('SIGTERM');
    await Promise.race([exited, new Promise((done) => setTimeout(done, 5000))]);
    rmSync(notebook, { recursive: true, force: true, maxRetries: 3 });
  }
});
