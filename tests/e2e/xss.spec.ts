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

test('script payloads in notes, passage and article tags, story and saved-search names stay inert in every view', async ({
  page,
  server,
}) => {
  const list = (await server.api('articles.list', { sort: 'title' })) as { value: { items: Array<{ id: string; title: string }> } };
  const ids = list.value.items.map((a) => a.id);
  const payloadTag = 'x/<img src=x onerror="window.__xss=\'tag\'">';
  for (const [i, p] of payloads.entries()) {
    const r = await server.api('annotations.create', {
      articleId: ids[i % ids.length],
      target: { start: 0, end: 12 },
      note: `Note ${i}: ${p} [link](javascript:window.__xss='md')`,
      tags: [payloadTag],
    });
    expect(r.ok, JSON.stringify(r.error)).toBe(true);
  }
  expect((await server.api('articles.tag', { id: ids[0], add: [payloadTag] })).ok).toBe(true);
  expect((await server.api('articles.update', { id: ids[1], patch: { outlet: payloads[3] } })).ok).toBe(true);
  expect((await server.api('stories.create', { name: `Story ${payloads[1]}`, articleIds: ids.slice(0, 2) })).ok).toBe(true);
  expect((await server.api('search.saved.save', { name: `Saved ${payloads[2]}`, query: 'ankara' })).ok).toBe(true);

  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(server.url);
  const visit = async (hash: string, text: string) => {
    await page.evaluate((h) => (window.location.hash = h), hash);
    await expect(page.getByText(text, { exact: false }).first()).toBeVisible();
  };
  await visit(`#/article/${ids[0]}`, 'Note 0');
  await visit('#/annotations', 'Note 4');
  await visit('#/tags', 'x/<img');
  await visit('#/search?q=in%3Anotes%20note', 'Note 1:');
  await visit(`#/compare/${ids[0]}/${ids[1]}`, payloads[3]!.slice(0, 10));
  await page
    .getByRole('link', { name: /Story <img/ })
    .first()
    .click();
  await expect(page.getByRole('link', { name: /Saved <svg/ }).first()).toBeVisible();

  expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
  expect(await page.locator('main script, main img, main svg:not([aria-hidden]) , main iframe, nav img, nav iframe').count()).toBe(0);
  for (const a of await page.locator('a[href]').all()) expect(await a.getAttribute('href')).not.toMatch(/^\s*javascript:/i);
  expect(dialogs).toEqual([]);
});
