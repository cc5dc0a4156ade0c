import type { Page, Request, Route } from '@playwright/test';
import { scaleNote, scaleTitle } from '../helpers/large-notebook';
import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';

const ARTICLES = 10_000;
const ANNOTATIONS = 2_500;
test.use({ largeNotebook: { articles: ARTICLES, annotations: ANNOTATIONS } });
// One worker builds the notebook once and runs both tests in order.
test.describe.configure({ mode: 'default', timeout: 90_000 });

type ListCall = { method: string; offset: number; limit: number; bytes: number };

/** Every paging call the page makes, with the size of its answer: the list must never ask for everything. */
function recordCalls(page: Page): ListCall[] {
  const calls: ListCall[] = [];
  // Recorded when the request is sent, so a call is in the list before its answer can change the page
  // (recording on the response, after reading its body, raced the page's own update); sizes come later.
  const pending = new Map<Request, ListCall>();
  page.on('request', (req) => {
    const method = new URL(req.url()).pathname.replace('/api/', '');
    if (method !== 'articles.list' && method !== 'annotations.list') return;
    const input = JSON.parse(req.postData() ?? '{}') as { offset?: number; limit?: number; articleId?: string };
    if (input.articleId) return; // the reader's own annotations, one article's worth
    const call = { method, offset: input.offset ?? 0, limit: input.limit ?? Infinity, bytes: 0 };
    calls.push(call);
    pending.set(req, call);
  });
  page.on('response', async (res) => {
    const call = pending.get(res.request());
    if (!call) return;
    pending.delete(res.request());
    call.bytes = (await res.body().catch(() => Buffer.alloc(0))).length;
  });
  return calls;
}

/**
 * The rows the user sees in the list, as [position, title], once every one of them is loaded; null while
 * the list is still catching up with a scroll (read in one go in the page, so the answer is consistent).
 */
const visibleRows = (page: Page) =>
  page.getByRole('listbox', { name: 'Articles' }).evaluate((list) => {
    const box = list.getBoundingClientRect();
    const rows = [...list.querySelectorAll<HTMLElement>('[role="option"]')].filter((r) => {
      const b = r.getBoundingClientRect();
      return b.bottom > box.top && b.top < box.bottom;
    });
    if (rows.length === 0 || rows.some((r) => r.getAttribute('aria-busy') === 'true')) return null;
    return rows.map((r) => [Number(r.getAttribute('aria-posinset')), r.querySelector('.article-row__title')!.textContent] as const);
  });

const summary = (calls: ListCall[]) =>
  `${calls.length} calls, largest ${Math.max(...calls.map((c) => c.limit))} rows / ${Math.max(...calls.map((c) => c.bytes)).toLocaleString()} bytes`;

test('the library pages through 10,000 articles: scroll to the end, End, Home, Enter, and a change refreshes only what is shown', async ({
  page,
  server,
}) => {
  const calls = recordCalls(page);
  const app = new AppPage(page);
  await app.open(server.url);
  await expect(page.locator('.library__count')).toHaveText('10,000 articles');
  // Newest first: article 9999 (dated 2000-01-01 + 9999 days) heads the list.
  await expect(app.rows.first()).toContainText(scaleTitle(ARTICLES - 1));

  // Scroll the list to the end the way a mouse does, checking on the way that each row is the right one.
  const list = app.list;
  const height = await list.evaluate((el) => el.scrollHeight);
  for (let y = 0; y <= height; y += Math.ceil(height / 8)) {
    await list.evaluate((el, top) => (el.scrollTop = top), y);
    await expect.poll(() => visibleRows(page)).not.toBeNull();
    const rows = (await visibleRows(page))!;
    for (const [position, title] of rows) expect(title).toBe(scaleTitle(ARTICLES - position));
  }
  await list.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(list.locator('[aria-posinset="10000"]')).toContainText(scaleTitle(0));
  const inDom = await app.rows.count();
  expect(inDom).toBeLessThan(60);

  // The keyboard reaches rows whose page is not loaded yet: Home, then End, then PageUp, then Enter.
  await list.focus();
  await page.keyboard.press('Home');
  const active = list.locator('[data-active]');
  await expect(active).toHaveAttribute('aria-posinset', '1');
  await expect(active).toContainText(scaleTitle(ARTICLES - 1));
  await page.keyboard.press('End');
  await expect(active).toHaveAttribute('aria-posinset', '10000');
  await expect(active).toContainText(scaleTitle(0));
  await expect(list).toHaveAttribute('aria-activedescendant', /^article-option-[0-9a-f]+$/);
  await page.keyboard.press('PageUp');
  const up = Number(await active.getAttribute('aria-posinset'));
  expect(up).toBeLessThan(10_000);
  await expect(active).toContainText(scaleTitle(ARTICLES - up));
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await expect(app.reader.getByRole('article', { name: scaleTitle(0) })).toBeVisible();
  await expect(list.locator('[aria-selected="true"]')).toContainText(scaleTitle(0));

  // Re-sorting is done by the server; the open article stays selected and is brought into view.
  await page.getByLabel('Sort').selectOption('title');
  await expect(app.rows.first()).toContainText(scaleTitle(0));
  await page.getByRole('button', { name: /Ascending order/ }).click();
  await expect(list.locator('[aria-selected="true"]')).toContainText(scaleTitle(0));
  await expect(list.locator('[aria-selected="true"]')).toHaveAttribute('aria-posinset', '10000');
  await expect(list.locator('[aria-selected="true"]')).toBeInViewport();

  // The open article's place can arrive before the new order's first page (which carries the total):
  // it is brought into view all the same. Slow pages make that order certain.
  const slowPages = async (route: Route) => {
    await new Promise((r) => setTimeout(r, 800));
    await route.continue();
  };
  await page.route('**/api/articles.list', slowPages);
  await page.getByLabel('Sort').selectOption('date');
  await expect(list.locator('[aria-selected="true"]')).toContainText(scaleTitle(0));
  await expect(list.locator('[aria-selected="true"]')).toHaveAttribute('aria-posinset', '10000');
  await expect(list.locator('[aria-selected="true"]')).toBeInViewport();
  await page.unroute('**/api/articles.list', slowPages);

  // A change elsewhere (the CLI, another window) refreshes the rows on screen and the total, not the notebook.
  const before = calls.length;
  const shown = await list.locator('[aria-selected="true"]').getAttribute('data-article-id');
  await server.api('articles.tag', { id: shown, add: ['scale/changed'] });
  await expect(list.locator('[aria-selected="true"]')).toContainText('scale/changed');
  const refresh = calls.slice(before);
  expect(refresh.length).toBeGreaterThan(0);
  for (const c of refresh) expect(c.limit).toBeLessThanOrEqual(600);

  // Filtering is done by the server too, as you type.
  await app.filter.fill('article 0999');
  const matching = ((await server.api('articles.list', { filter: 'article 0999', limit: 1 })) as { value: { total: number } }).value.total;
  expect(matching).toBeGreaterThanOrEqual(10); // articles 09990..09999, and any dated with those digits
  await expect(page.locator('.library__count')).toHaveText(`${matching} articles match “article 0999”`);
  await expect(app.rows).toHaveCount(matching);

  for (const c of calls) expect(c.limit).toBeLessThanOrEqual(600);
  console.log(`library at ${ARTICLES.toLocaleString()} articles: ${inDom} rows in the DOM at the end; ${summary(calls)}`);
});

test('All annotations pages through 2,500 passages: End reaches the last, Home the first', async ({ page, server }) => {
  const calls = recordCalls(page);
  await page.goto(server.url);
  await page.getByRole('link', { name: 'All annotations' }).click();
  const view = page.getByRole('region', { name: 'All annotations' });
  await expect(view.locator('.annotations-view__count')).toHaveText('2,500 passages');
  const list = view.getByRole('list', { name: 'Annotations' });
  await expect(list.locator('.annotation-card').first()).toContainText(scaleNote(0));

  await view.getByRole('region', { name: 'Passages' }).focus();
  await page.keyboard.press('End');
  await expect(list.locator('.annotation-card').last()).toContainText(scaleNote(ANNOTATIONS - 1));
  await expect(list.locator('.annotation-card').last()).toContainText(scaleTitle(ANNOTATIONS - 1));
  const inDom = await list.locator('.annotation-card').count();
  expect(inDom).toBeLessThan(60);
  await page.keyboard.press('Home');
  await expect(list.locator('.annotation-card').first()).toContainText(scaleNote(0));

  // Server-side filter: one passage's note.
  await view.getByRole('search').getByLabel('Text').fill(scaleNote(1234));
  await expect(view.locator('.annotations-view__count')).toHaveText('1 passage');
  await expect(list.locator('.annotation-card')).toHaveCount(1);

  for (const c of calls) expect(c.limit).toBeLessThanOrEqual(600);
  console.log(`all annotations at ${ANNOTATIONS.toLocaleString()}: ${inDom} cards in the DOM at the end; ${summary(calls)}`);
});
