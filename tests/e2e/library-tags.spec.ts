import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';

type Listed = { items: { id: string; title: string; body?: string }[] };

test('the library tag filter lists articles whose passages carry the tag, and says so in the row', async ({ page, server }) => {
  const { items } = (await server.api('articles.list', { sort: 'title' })).value as Listed;
  const [byPassage, byArticle] = [items[0]!, items[1]!];
  const { body } = (await server.api('articles.get', { id: byPassage.id })).value as { body: string };
  const exact = body.split(/\s+/).slice(0, 6).join(' ');
  const made = await server.api('annotations.create', { articleId: byPassage.id, target: { quote: { exact } }, tags: ['checked'] });
  expect(made.ok).toBe(true);
  await server.api('articles.tag', { id: byArticle.id, add: ['checked'], remove: [] });

  const app = new AppPage(page);
  await app.open(server.url);
  await page.getByLabel('Tag', { exact: true }).selectOption('checked');
  await expect(app.rows).toHaveCount(2);
  await expect(page.getByText('2 articles match tagged checked')).toBeVisible();
  await expect(app.row(byPassage.title).getByText('tag on 1 passage')).toBeVisible();
  await expect(app.row(byArticle.title).getByText(/tag on/)).toHaveCount(0);
});
