import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';

/** Script payloads in every field a user or a pasted article controls; none may run, all must show as text. */
const payloads = [
  '<script>window.__xss = "script"</script>',
  '<img src=x onerror="window.__xss = \'img\'">',
  '<svg onload="window.__xss = \'svg\'"></svg>',
  '"><iframe src="javascript:window.top.__xss=\'iframe\'"></iframe>',
  '<a href="javascript:window.__xss=\'href\'">click</a>',
];

test('script payloads in article text, title and outlet render as inert text', async ({ page, server }) => {
  const title = `Headline ${payloads[1]}`;
  const body = payloads.map((p, i) => `Paragraph ${i}: ${p} and more words so this reads like prose.`).join('\n\n');
  const r = (await server.api('articles.importFiles', {
    files: [{ name: 'xss<script>.txt', contentBase64: Buffer.from(`${title}\n\n${body}\n`).toString('base64') }],
  })) as {
    value: { imported: Array<{ id: string }> };
  };
  const id = r.value.imported[0]!.id;
  expect((await server.api('articles.update', { id, patch: { outlet: payloads[2], author: payloads[0] } })).ok).toBe(true);

  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const app = new AppPage(page);
  await app.open(server.url);
  await app.row('Headline').click();
  await expect(app.readerBody).toContainText('Paragraph 4');
  await app.boilerplateToggle.click();
  for (const p of payloads) await expect(app.readerBody).toContainText(p);
  await expect(app.field('Outlet')).toHaveValue(payloads[2]!);
  await expect(app.row('Headline')).toContainText(payloads[2]!);
  for (const a of await app.reader.locator('a').all()) expect(await a.getAttribute('href')).not.toMatch(/^javascript:/i);

  expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
  expect(await page.locator('.article-body script, .article-body img, .article-body svg, .article-body iframe').count()).toBe(0);
  expect(dialogs).toEqual([]);
});
