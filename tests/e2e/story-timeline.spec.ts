import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';

type Stories = { stories: { id: string; articleIds: string[] }[] };

for (const theme of ['light', 'dark'] as const) {
  test(`the story timeline lists articles by time and opens the reader at a passage (${theme} theme)`, async ({ page, server }) => {
    test.slow(); // the timeline runs the story's comparison
    await page.addInitScript((t) => localStorage.setItem('parallax.theme', t), theme);
    const { stories } = (await server.api('stories.list', {})).value as Stories;
    const app = new AppPage(page);
    await app.open(server.url);
    await page.evaluate((h) => (window.location.hash = h), `#/story/${stories[0]!.id}`);

    // The Stories page's controls carry the app's classes, not the browser's bare look.
    const story = page.getByRole('main', { name: 'Story' });
    await expect(story.getByRole('checkbox').first()).toHaveClass(/\bcheckbox\b/);
    await expect(story.getByRole('button', { name: 'Remove' }).first()).toHaveClass(/\blink-button\b/);
    await expect(story.getByRole('button', { name: 'Read the two chosen side by side' })).toHaveClass(/\bbutton--primary\b/);

    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByRole('button', { name: 'Show the timeline' }).click();
    const articles = timeline.getByRole('list', { name: 'Articles by publication time' });
    await expect(articles.getByRole('listitem').first()).toBeVisible({ timeout: 60_000 });
    const times = await articles.locator('time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime') ?? ''));
    expect(times).toEqual([...times].sort());
    const dated = await articles.getByRole('listitem').count();
    const undated = await timeline.getByRole('list', { name: 'No date' }).getByRole('listitem').count();
    expect(dated + undated).toBe(stories[0]!.articleIds.length);

    const results = await new AxeBuilder({ page }).include('section[aria-label="Timeline"]').analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    const entry = timeline.getByRole('list', { name: 'Claims and figures by first appearance' }).locator('a.timeline__passage').first();
    const href = (await entry.getAttribute('href'))!;
    const [, articleId, start, end] = href.match(/#\/article\/([^?]+)\?passage=(\d+)-(\d+)/)!;
    await entry.click();
    await expect(page).toHaveURL(new RegExp(`#/article/${articleId}`));
    const mark = app.readerBody.locator('.mark--passage').first();
    await expect(mark).toBeVisible();
    await expect(mark).toBeInViewport();
    const { body } = (await server.api('articles.get', { id: articleId! })).value as { body: string };
    const expected = body.slice(Number(start), Number(end)).replace(/\s+/g, ' ').trim().slice(0, 30);
    expect((await app.readerBody.locator('.mark--passage').allTextContents()).join('').replace(/\s+/g, ' ')).toContain(expected);
  });
}
