import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { makePdf, makeScannedPdf, proseLines } from '../helpers/pdf-fixtures';

/** A three-page report made here (pdf-lib), with a running header and page numbers the reader must not show. */
const report = () =>
  makePdf({
    title: 'Harbour floods: the northern shore report',
    created: new Date('2025-10-12T09:00:00Z'),
    pages: [1, 2, 3].map((p) => ({
      header: 'Harbour Authority Annual Report 2025',
      footer: `Page ${p} of 3`,
      lines: [...proseLines(10, p), { text: `Closing words of page ${p}.` }],
    })),
  });

test('import a PDF through the file dialog, read it without its page furniture, and save its original', async ({ page, server }) => {
  const app = new AppPage(page);
  await app.open(server.url);
  const pdf = Buffer.from(await report());
  await app.importFiles([
    { name: 'harbour-report.pdf', mimeType: 'application/pdf', buffer: pdf },
    { name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await makeScannedPdf()) },
  ]);
  const notice = page.getByRole('alert').filter({ hasText: '1 article imported, 1 file refused.' });
  await expect(notice).toBeVisible();
  await notice.getByText('Details').click();
  await expect(notice).toContainText('scan.pdf has no text layer');
  await app.row('Harbour floods: the northern shore report').click();
  await expect(app.field('Date')).toHaveValue('2025-10-12');
  await expect(app.readerBody).toContainText('Closing words of page 3.');
  await expect(app.readerBody).not.toContainText('Page 2 of 3');
  await expect(app.readerBody).not.toContainText('Harbour Authority Annual Report');

  const original = page.getByRole('region', { name: 'Original' });
  await expect(original).toContainText('Original PDF');
  await expect(original).toContainText('harbour-report.pdf');
  const download = page.waitForEvent('download');
  await original.getByRole('button', { name: 'Save the original PDF' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('harbour-report.pdf');
  const saved = await file.createReadStream();
  const chunks: Buffer[] = [];
  for await (const c of saved) chunks.push(c as Buffer);
  expect(Buffer.compare(Buffer.concat(chunks), pdf)).toBe(0);
});

test('drop a PDF onto the window to import it; an article without an original offers none', async ({ page, server }) => {
  const app = new AppPage(page);
  await app.open(server.url);
  await expect(app.rows).toHaveCount(5);
  await app.rows.first().click();
  await expect(app.readerBody).not.toBeEmpty();
  await expect(page.getByRole('region', { name: 'Original' })).toHaveCount(0);
  const b64 = Buffer.from(await report()).toString('base64');
  await page.evaluate((data64) => {
    const data = new DataTransfer();
    const bytes = Uint8Array.from(atob(data64), (c) => c.charCodeAt(0));
    data.items.add(new File([bytes], 'dropped-report.pdf', { type: 'application/pdf' }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, b64);
  await expect(page.getByRole('status').filter({ hasText: '1 article imported' })).toBeVisible();
  await expect(app.rows).toHaveCount(6);
  await expect(app.field('Title')).toHaveValue('Harbour floods: the northern shore report');
  await expect(page.getByRole('region', { name: 'Original' })).toContainText('dropped-report.pdf');
});
