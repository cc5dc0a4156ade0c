import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { PgCluster } from '../helpers/pg-cluster';
import { startPgCluster } from '../helpers/pg-cluster';
import { createNotebook, expect, startServer, test } from './fixtures';
import { AppPage } from './pages/app-page';

let cluster: PgCluster;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  cluster = await startPgCluster();
  await cluster.createDatabase('newsdesk');
});
test.afterAll(async () => {
  await cluster?.stop();
});

type Reply = { ok: boolean; value?: unknown; error?: { message: string } };

/** The value of a call that must succeed, or its error's message thrown. */
async function ok<T = unknown>(reply: Promise<Reply>): Promise<T> {
  const r = await reply;
  if (!r.ok) throw new Error(r.error?.message);
  return r.value as T;
}

/** Runs `use` with Ben's own notebook served beside Ada's (the fixture's), then stops it and removes its folder. */
async function withBen(use: (ben: Awaited<ReturnType<typeof startServer>>) => Promise<void>): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'parallax-e2e-ben-'));
  createNotebook(folder, true);
  const ben = await startServer(folder);
  try {
    await use(ben);
  } finally {
    ben.child.kill('SIGTERM');
    await new Promise((done) => setTimeout(done, 1000));
    rmSync(folder, { recursive: true, force: true, maxRetries: 3 });
  }
}

/** The sample article both people work on in these tests, as the library row shows it. */
const title = 'Turkiye and Syria prioritize security coordination';

/** A fresh team database, Ada's first sync into it, and the id of the sample article both work on. */
async function adaJoins(ada: Pick<Awaited<ReturnType<typeof startServer>>, 'api'>, database: string): Promise<{ remote: string; id: string }> {
  await cluster.createDatabase(database);
  const remote = cluster.url(database);
  await ok(ada.api('notebook.sync', { remote, user: 'Ada' }));
  const list = await ok<{ items: Array<{ id: string; title: string }> }>(ada.api('articles.list', {}));
  return { remote, id: list.items.find((a) => a.title.includes('security coordination'))!.id };
}

/** Two people, two notebooks, two app windows: what one collected appears in the other's library after a sync. */
test('two notebooks meet in the team database through the Sync dialog', async ({ page, server, browser }) => {
  test.setTimeout(120_000);
  const remote = cluster.url('newsdesk');
  const ada = new AppPage(page);
  await ada.open(server.url);
  await page.getByRole('button', { name: 'Sync…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Team notebook' });
  await dialog.getByLabel('Team database').fill(remote);
  await dialog.getByLabel('Your name in the team').fill('Ada');
  const axe = await new AxeBuilder({ page }).include('dialog[open]').analyze();
  expect(axe.violations).toEqual([]);
  await dialog.getByRole('button', { name: 'Sync now' }).click();
  await expect(dialog.getByTestId('sync-report')).toContainText('Set up the team database and synced. Pushed 5 articles');

  const folder = mkdtempSync(join(tmpdir(), 'parallax-e2e-ben-'));
  createNotebook(folder, true);
  const benServer = await startServer(folder);
  const benPage = await browser.newPage();
  try {
    const ben = new AppPage(benPage);
    await ben.open(benServer.url, { empty: true });
    await expect(ben.rows).toHaveCount(0);
    await benPage.getByRole('button', { name: 'Sync…' }).click();
    const benDialog = benPage.getByRole('dialog', { name: 'Team notebook' });
    await benDialog.getByLabel('Team database').fill(remote);
    await benDialog.getByLabel('Your name in the team').fill('Ben');
    await benDialog.getByLabel('Team database').press('Enter');
    await expect(benDialog.getByTestId('sync-report')).toContainText('pulled 5 articles');
    await benDialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(ben.rows).toHaveCount(5);
    await expect(ben.row('Turkiye and Syria prioritize security coordination')).toContainText('Shafaq News');
  } finally {
    await benPage.close();
    benServer.child.kill('SIGTERM');
    await new Promise((done) => setTimeout(done, 1000));
    rmSync(folder, { recursive: true, force: true, maxRetries: 3 });
  }
});

test('the Sync dialog says why a sync could not happen, and the library is unchanged', async ({ page, server }) => {
  const app = new AppPage(page);
  await app.open(server.url);
  await page.getByRole('button', { name: 'Sync…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Team notebook' });
  await dialog.getByLabel('Team database').fill('postgres://ada@127.0.0.1:1/newsdesk');
  await dialog.getByRole('button', { name: 'Sync now' }).click();
  await expect(dialog.getByRole('alert')).toContainText('cannot be reached (ECONNREFUSED); the notebook is unchanged');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(app.rows).toHaveCount(5);
});

/** Ben reads an article Ada annotated: her note says it is hers, and he can hide it; his notebook keeps the choice. */
test("the reader shows who made each annotation and hides others' annotations on request", async ({ page, server }) => {
  test.setTimeout(120_000);
  const { remote, id: articleId } = await adaJoins(server, 'desk2');
  await ok(server.api('annotations.create', { articleId, target: { start: 0, end: 20 }, note: 'Ada checked this' }));
  await ok(server.api('notebook.sync', {}));

  await withBen(async (ben) => {
    await ok(ben.api('notebook.sync', { remote, user: 'Ben' }));
    await ok(ben.api('annotations.create', { articleId, target: { start: 30, end: 50 }, note: 'Ben’s own note' }));
    const app = new AppPage(page);
    await app.open(ben.url);
    await app.row(title).click();
    const panel = page.getByRole('complementary', { name: 'Annotations' });
    const cards = panel.locator('.annotation-card');
    await expect(cards).toHaveCount(2);
    await expect(cards.filter({ hasText: 'Ada checked this' })).toContainText('By Ada');
    await expect(cards.filter({ hasText: 'Ben’s own note' })).toContainText('By Ben');
    const toggle = panel.getByLabel('Show others’ annotations');
    await expect(toggle).toBeChecked();
    await toggle.uncheck();
    await expect(cards).toHaveCount(1);
    await expect(cards).toContainText('Ben’s own note');
    await expect(app.readerBody.locator('mark.mark--annotation')).toHaveCount(1);
    // The notebook keeps the choice: after a reload Ada's note is still hidden.
    await page.reload();
    await app.rows.first().waitFor();
    await app.row(title).click();
    await expect(panel.getByLabel('Show others’ annotations')).not.toBeChecked();
    await expect(cards).toHaveCount(1);
    await panel.getByLabel('Show others’ annotations').check();
    await expect(cards).toHaveCount(2);
    const axe = await new AxeBuilder({ page }).include('.annotation-panel').analyze();
    expect(axe.violations).toEqual([]);
  });
});

/** Ada and Ben both correct an article's outlet; Ben's later edit was kept, and in his Sync dialog he keeps hers. */
test('a conflict is settled in the Sync dialog: Keep theirs sets the other edit, and both notebooks agree', async ({ page, server }) => {
  test.setTimeout(120_000);
  const { remote, id } = await adaJoins(server, 'desk3');

  await withBen(async (ben) => {
    await ok(ben.api('notebook.sync', { remote, user: 'Ben' }));
    await ok(server.api('articles.update', { id, patch: { outlet: 'Reuters' } }));
    await new Promise((done) => setTimeout(done, 50));
    await ok(ben.api('articles.update', { id, patch: { outlet: 'AP' } }));
    await ok(server.api('notebook.sync', {}));
    await ok(ben.api('notebook.sync', {}));

    const app = new AppPage(page);
    await app.open(ben.url);
    await expect(app.row(title)).toContainText('AP');
    await page.getByRole('button', { name: 'Sync…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Team notebook' });
    const conflict = dialog.getByTestId('sync-conflict');
    await expect(conflict).toHaveCount(1);
    await expect(conflict).toContainText('The outlet of article');
    await expect(conflict).toContainText('Mine (kept)“AP”');
    await expect(conflict).toContainText('Theirs: by Ada');
    await expect(conflict).toContainText('“Reuters”');
    const axe = await new AxeBuilder({ page }).include('dialog[open]').analyze();
    expect(axe.violations).toEqual([]);
    // Reached from the keyboard: Tab from Keep mine lands on Keep theirs.
    await conflict.getByRole('button', { name: 'Keep mine' }).focus();
    await page.keyboard.press('Tab');
    await expect(conflict.getByRole('button', { name: 'Keep theirs' })).toBeFocused();
    await conflict.getByRole('button', { name: 'Keep theirs' }).click();
    await expect(conflict).toHaveCount(0);
    await expect(app.row(title)).toContainText('Reuters');
    // Undone like any other edit: the value kept before and the conflict come back.
    await page.keyboard.press('Control+z');
    await expect(conflict).toHaveCount(1);
    await expect(app.row(title)).toContainText('AP');
    await conflict.getByRole('button', { name: 'Keep theirs' }).focus();
    await page.keyboard.press('Enter');
    await expect(conflict).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Sync now' }).click();
    await expect(dialog.getByTestId('sync-report')).toContainText('Pushed 0 articles, 0 annotations, 0 tag changes, 1 correction');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(app.row(title)).toContainText('Reuters');

    const adaSync = await ok<{ conflicts: unknown[] }>(server.api('notebook.sync', {}));
    expect(adaSync.conflicts).toEqual([]);
    const adaArticle = await ok<{ outlet: string }>(server.api('articles.get', { id }));
    expect(adaArticle.outlet).toBe('Reuters');
    const benStatus = await ok<{ conflicts: unknown[] }>(ben.api('notebook.syncStatus', {}));
    expect(benStatus.conflicts).toEqual([]);
  });
});

/** Ada tags an article; in Ben's reader her tag says it is hers, and the one he puts on says it is his. */
test('each tag on an article says who put it on, across two notebooks', async ({ page, server }) => {
  test.setTimeout(120_000);
  const { remote, id } = await adaJoins(server, 'desk4');
  await ok(server.api('articles.tag', { id, add: ['border/security'], remove: [] }));
  await ok(server.api('notebook.sync', {}));

  await withBen(async (ben) => {
    await ok(ben.api('notebook.sync', { remote, user: 'Ben' }));
    const app = new AppPage(page);
    await app.open(ben.url);
    await app.row(title).click();
    const chips = page.locator('.article-tags .tag-chip');
    const adas = chips.filter({ hasText: 'border/security' });
    await expect(adas).toContainText('added by Ada');
    await expect(adas.locator('.tag-chip__label')).toHaveAttribute('title', /^added by Ada, /);
    await page.getByRole('button', { name: '+ Tag article' }).click();
    const field = page.getByLabel('Add a tag to this article');
    await field.fill('checked');
    await field.press('Enter');
    const bens = chips.filter({ hasText: 'checked' });
    await expect(bens).toContainText('added by Ben');
    // Read with its tag's name: the credit is part of the list item's text for a screen reader.
    await expect(page.getByRole('listitem').filter({ hasText: /^checked, added by Ben, .+×$/ })).toHaveCount(1);
    const axe = await new AxeBuilder({ page }).include('.article-tags').analyze();
    expect(axe.violations).toEqual([]);

    await ok(ben.api('notebook.sync', {}));
    await ok(server.api('notebook.sync', {}));
    const atAda = await ok<{ tagCredits: Array<{ tag: string; by: string | null }> }>(server.api('articles.get', { id }));
    expect(atAda.tagCredits).toContainEqual(expect.objectContaining({ tag: 'checked', by: 'Ben' }));
  });
});

/** A conflict that is not a metadata field (a tag's colour) is settled with Keep theirs in the dialog too. */
test("Keep theirs settles a tag colour's conflict in the Sync dialog", async ({ page, server }) => {
  test.setTimeout(120_000);
  const { remote } = await adaJoins(server, 'desk5');
  await withBen(async (ben) => {
    await ok(ben.api('notebook.sync', { remote, user: 'Ben' }));
    await ok(server.api('tags.recolour', { tag: 'security', color: '#00aa00' }));
    await new Promise((done) => setTimeout(done, 50));
    await ok(ben.api('tags.recolour', { tag: 'security', color: '#0000aa' }));
    await ok(server.api('notebook.sync', {}));
    await ok(ben.api('notebook.sync', {}));

    const app = new AppPage(page);
    await app.open(ben.url);
    await page.getByRole('button', { name: 'Sync…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Team notebook' });
    const conflict = dialog.getByTestId('sync-conflict');
    await expect(conflict).toHaveCount(1);
    await expect(conflict).toContainText('The colour of tag security');
    await expect(conflict).toContainText('Mine (kept)“#0000aa”');
    await conflict.getByRole('button', { name: 'Keep theirs' }).click();
    await expect(conflict).toHaveCount(0);
    await expect(page.getByText('Kept their edit here')).toBeVisible();
    const colour = async (s: { api: typeof server.api }) =>
      (await ok<{ tags: Array<{ name: string; color: string | null }> }>(s.api('tags.list', {}))).tags.find((t) => t.name === 'security')
        ?.color;
    expect(await colour(ben)).toBe('#00aa00');
    await ok(ben.api('notebook.sync', {}));
    const adaSync = await ok<{ conflicts: unknown[] }>(server.api('notebook.sync', {}));
    expect(adaSync.conflicts).toEqual([]);
    expect(await colour(server)).toBe('#00aa00');
  });
});

/** An article's text edited in both notebooks: Keep theirs in the dialog makes the other copy's text the article's. */
test("Keep theirs settles a conflict over an article's text in the Sync dialog", async ({ page, server }) => {
  test.setTimeout(120_000);
  const { remote } = await adaJoins(server, 'desk6');
  await withBen(async (ben) => {
    await ok(ben.api('notebook.sync', { remote, user: 'Ben' }));
    const { items } = await ok<{ items: Array<{ id: string }> }>(ben.api('articles.list', {}));
    const id = items[0]!.id;
    const article = async (s: { api: typeof server.api }) => ok<{ raw: string; body: string }>(s.api('articles.get', { id }));
    const { raw } = await article(ben);
    await ok(server.api('articles.replaceText', { id, source: 'edit', raw: `Ada's opening paragraph.\n\n${raw}` }));
    await new Promise((done) => setTimeout(done, 50));
    await ok(ben.api('articles.replaceText', { id, source: 'edit', raw: `Ben's opening paragraph.\n\n${raw}` }));
    await ok(server.api('notebook.sync', {}));
    await ok(ben.api('notebook.sync', {}));

    const app = new AppPage(page);
    await app.open(ben.url);
    await page.getByRole('button', { name: 'Sync…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Team notebook' });
    const conflict = dialog.getByTestId('sync-conflict');
    await expect(conflict).toHaveCount(1);
    await expect(conflict).toContainText(`The text of article ${id}`);
    await expect(conflict).toContainText(/Mine \(kept\)“\d+ words”/);
    await conflict.getByRole('button', { name: 'Keep theirs' }).click();
    await expect(conflict).toHaveCount(0);
    await expect(page.getByText('Kept their edit here')).toBeVisible();
    expect((await article(ben)).body).toContain("Ada's opening paragraph.");
    await ok(ben.api('notebook.sync', {}));
    const adaSync = await ok<{ conflicts: unknown[] }>(server.api('notebook.sync', {}));
    expect(adaSync.conflicts).toEqual([]);
    expect((await article(server)).body).toBe((await article(ben)).body);
  });
});
