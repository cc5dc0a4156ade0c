import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';

const pages = fileURLToPath(new URL('../fixtures/pages/', import.meta.url));
const fixture = (name: string) => readFileSync(join(pages, name));

/** A W3C annotation on a passage of one of the sample articles, as another tool (or Parallax) would write it. */
async function annotationFile(server: { api: (m: string, p?: unknown) => Promise<{ value?: unknown }> }) {
  const list = (await server.api('articles.list', { filter: 'Damascus' })).value as { items: Array<{ id: string }> };
  const id = list.items[0]!.id;
  const body = ((await server.api('articles.get', { id })).value as { body: string }).body;
  const exact = 'Syrian Minister of Defence Murhaf Abu Qasra';
  const start = [...body.slice(0, body.indexOf(exact))].length;
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: 'https://annotations.example/anno/1',
    type: 'Annotation',
    created: '2025-10-13T09:00:00Z',
    body: [
      { type: 'TextualBody', value: 'Murhaf here; *Ashraf* in The New Arab.', format: 'text/markdown', purpose: 'commenting' },
      { type: 'TextualBody', value: 'claim/discrepancy', purpose: 'tagging' },
    ],
    target: {
      source: `urn:parallax:article:${id}`,
      selector: [
        { type: 'TextQuoteSelector', exact },
        { type: 'TextPositionSelector', start, end: start + exact.length },
      ],
    },
  };
}

test('export Markdown from the app: the downloaded file has front matter, the passage as a block quote, its note, tags and citation', async ({
  page,
  server,
}) => {
  const app = new AppPage(page);
  await app.open(server.url);
  // Annotations arrive through the import of a W3C JSON-LD file (the annotation editor is another feature).
  await app.importFiles({
    name: 'notes.jsonld',
    mimeType: 'application/ld+json',
    buffer: Buffer.from(JSON.stringify(await annotationFile(server))),
  });
  await expect(page.getByRole('status').filter({ hasText: '1 annotation added' })).toBeVisible();

  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByLabel('Format').selectOption('md');
  await dialog.getByLabel('With the tag').check();
  await dialog.getByLabel('Tag name').fill('claim');
  await dialog.getByLabel('References').selectOption('chicago');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^parallax-tag-claim-\d{4}-\d{2}-\d{2}\.md$/);
  const md = readFileSync(await file.path(), 'utf8');
  expect(md).toMatch(/^---\ntitle: "Parallax notes — Tag: claim"\n/);
  expect(md).toContain('## Turkish, Syrian officials meet in Damascus, vow defence collaboration');
  expect(md).toContain(
    '> Syrian Minister of Defence Murhaf Abu Qasra\n>\n> — [[#Turkish, Syrian officials meet in Damascus, vow defence collaboration|TRT World, 11 October 2025]] ^w3c',
  );
  expect(md).toContain('Murhaf here; *Ashraf* in The New Arab.');
  expect(md).toContain('Tags: #claim/discrepancy · Colour: yellow');
  // Chicago through the CSL processor: with no author, the newspaper comes first.
  expect(md).toContain(
    '## References\n\n- *TRT World*. “Turkish, Syrian officials meet in Damascus, vow defence collaboration.” October 11, 2025.',
  );
  expect(md).not.toContain('Shafaq'); // the tag scope left the other articles out
  await expect(page.getByRole('status').filter({ hasText: /Exported parallax-tag-claim.*1 article, 1 annotation/ })).toBeVisible();
});

test('import a saved web page and read only the article: no menus, ads, comments or scripts', async ({ page, server }) => {
  const app = new AppPage(page);
  await app.open(server.url);
  await app.importFiles([
    { name: 'levant-daily-talks.html', mimeType: 'text/html', buffer: fixture('levant-daily-talks.html') },
    { name: 'malicious.html', mimeType: 'text/html', buffer: fixture('malicious.html') },
  ]);
  await expect(page.getByRole('status').filter({ hasText: '2 articles imported' })).toBeVisible();
  await app.row('Ankara talks: Syria and Türkiye agree security steps').click();
  await expect(app.readerBody).toContainText('Foreign, defence and intelligence chiefs of Türkiye and Syria met in Ankara');
  await expect(app.readerBody).toContainText('We discussed joint and concrete steps');
  for (const junk of ['Most read', 'ADVERTISEMENT', 'reader123', 'First! This is a great article', 'All rights reserved', 'Middle East']) {
    await expect(app.readerBody).not.toContainText(junk);
  }
  await expect(app.field('Outlet')).toHaveValue('The Levant Daily');
  await expect(app.field('Date')).toHaveValue('2025-10-12');
  await expect(app.reader).toContainText('from the page’s metadata (JSON-LD');

  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await app.row('Harmless looking headline').click();
  await expect(app.readerBody).toContainText('Officials from both countries met in Ankara on Sunday');
  await expect(app.readerBody.locator('script, iframe, img, svg, [onclick], [onerror], a[href^="javascript"]')).toHaveCount(0);
  expect(dialogs).toEqual([]);
});

test('paste text as a new article, from the button and with Ctrl+V on the library', async ({ page, server }) => {
  const app = new AppPage(page);
  await app.open(server.url);
  await page.getByRole('button', { name: 'Paste as new article…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Paste as new article' });
  await dialog
    .getByLabel('Article text')
    .fill(
      'Border crossings reopen after Ankara talks\n\nANKARA (AP) - Two border crossings between Türkiye and Syria reopened on Tuesday, officials said.',
    );
  await dialog.getByRole('button', { name: 'Add article' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.rows).toHaveCount(6);
  await expect(app.field('Title')).toHaveValue('Border crossings reopen after Ankara talks');
  await expect(app.readerBody).toContainText('Two border crossings between Türkiye and Syria reopened on Tuesday');

  // Ctrl/Cmd+V with nothing focused opens the same dialog with the clipboard's text.
  await page.locator('body').click({ position: { x: 5, y: 850 } });
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', 'Second pasted report\n\nThe ministers will meet again in Damascus next month, a spokesperson said.');
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Article text')).toHaveValue(/^Second pasted report/);
  await dialog.getByLabel('Title (optional; otherwise the first line)').fill('Ministers to meet in Damascus');
  await dialog.getByRole('button', { name: 'Add article' }).click();
  await expect(app.rows).toHaveCount(7);
  await expect(app.field('Title')).toHaveValue('Ministers to meet in Damascus');

  // Empty text cannot be added.
  await page.getByRole('button', { name: 'Paste as new article…' }).click();
  await expect(dialog.getByRole('button', { name: 'Add article' })).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('drop a Markdown file onto the window to import it', async ({ page, server }) => {
  const app = new AppPage(page);
  await app.open(server.url);
  const md = fixture('notes-page.md').toString('base64');
  await page.evaluate((b64) => {
    const data = new DataTransfer();
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    data.items.add(new File([bytes], 'notes-page.md', { type: 'text/markdown' }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, md);
  await expect(page.getByRole('status').filter({ hasText: '1 article imported' })).toBeVisible();
  await expect(app.rows).toHaveCount(6);
  await expect(app.field('Title')).toHaveValue('Field notes: Ankara security talks');
  await expect(app.readerBody).not.toContainText('**');
});
