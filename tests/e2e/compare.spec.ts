import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { AlignedPage } from './pages/aligned-page';

type Story = { id: string; name: string; articleIds: string[] };
type Summary = { id: string; title: string; outlet: string | null };

async function sample(server: { api: (m: string, p?: unknown) => Promise<{ value?: unknown }> }) {
  const stories = (await server.api('stories.list')).value as { stories: Story[] };
  const list = (await server.api('articles.list')).value as { items: Summary[] };
  const byTitle = (t: string) => list.items.find((a) => a.title.startsWith(t))!.id;
  return { story: stories.stories[0]!, byTitle };
}

async function openHash(page: Page, url: string, hash: string) {
  await page.goto(url);
  await page.evaluate((h) => (window.location.hash = h), hash);
}

test('the sample story opens with a coverage matrix of five outlet columns', async ({ page, server }) => {
  const { story } = await sample(server);
  expect(story.articleIds).toHaveLength(5);
  await page.goto(server.url);
  const nav = page.getByRole('list', { name: 'Stories' });
  await nav.getByRole('link', { name: /Turkish–Syrian security talks/ }).click();
  const matrix = page.getByRole('table', { name: 'Coverage matrix' });
  await expect(matrix).toBeVisible();
  const heads = matrix.locator('thead th');
  await expect(heads).toHaveCount(6); // the claim column and five outlets
  await expect(heads.filter({ hasText: 'Shafaq News' })).toHaveCount(1);
  await expect(heads.filter({ hasText: 'TRT World' })).toHaveCount(1);
  // Most widely carried claims first; unique claims are marked.
  await expect(matrix.locator('tbody tr').first().locator('.matrix__count')).toHaveText('4');
  // Each outlet's own claims are folded under it until opened; they are marked unique.
  await expect(matrix.locator('.matrix__row--unique')).toHaveCount(0);
  await matrix.getByRole('button', { name: /Only in TRT World/ }).click();
  await expect(matrix.locator('.matrix__row--unique').first()).toContainText('unique');
  // A cell opens its passage.
  await matrix.locator('tbody tr').first().locator('.matrix__dot').first().click();
  await expect(page.getByRole('complementary', { name: 'Passage' }).locator('mark.mark--passage')).toBeVisible();
  // The Turkish post and an English quote of the same speaker are offered as a possible translation.
  await page.getByRole('tab', { name: /^Quotes/ }).click();
  const translations = page.getByRole('region', { name: 'Possible translations' });
  await expect(translations.locator('.translation').first()).toContainText('possible translation');
  await expect(translations.locator('blockquote[lang="tr"]').first()).toBeVisible();
  await expect(translations.locator('.translation__why').first()).toContainText('same speaker');
});

test('the comparison tabs work as tabs: one in the Tab order, arrows and Home/End move and open, the panel is labelled', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  await page
    .getByRole('list', { name: 'Stories' })
    .getByRole('link', { name: /Turkish–Syrian security talks/ })
    .click();
  const tabs = page.getByRole('tablist', { name: 'Comparison' }).getByRole('tab');
  await expect(tabs.first()).toHaveAttribute('aria-selected', 'true');
  await expect(tabs.first()).toHaveAttribute('tabindex', '0');
  await expect(tabs.nth(1)).toHaveAttribute('tabindex', '-1');
  await tabs.first().focus();
  await page.keyboard.press('ArrowRight');
  await expect(tabs.nth(1)).toBeFocused();
  await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
  const panel = page.getByRole('tabpanel');
  await expect(panel).toHaveAccessibleName(/^Columns/);
  await page.keyboard.press('End');
  await expect(tabs.last()).toBeFocused();
  await expect(panel).toHaveAccessibleName(/^Names & conflicts/);
  await page.keyboard.press('ArrowRight'); // wraps round
  await expect(tabs.first()).toBeFocused();
  await expect(page.getByRole('table', { name: 'Coverage matrix' })).toBeVisible();
});

test('two seeds side by side show the defence-minister conflict, unique sentences and word differences', async ({ page, server }) => {
  const { byTitle } = await sample(server);
  const a = byTitle("Syria's security is inseparable");
  const b = byTitle('Syria FM leads');
  await openHash(page, server.url, `#/compare/${a}/${b}`);
  const aligned = page.getByRole('region', { name: 'Aligned reading' });
  await expect(aligned).toBeVisible();
  const conflicts = page.getByRole('list', { name: 'Conflicts' });
  await expect(conflicts).toContainText('Ashraf Abu Qasra');
  await expect(conflicts).toContainText('Murhaf Abu Qasra');
  await expect(aligned.getByRole('img', { name: /Conflict/ }).first()).toBeVisible();
  await expect(aligned.locator('.align-sentence--unique').first()).toBeVisible();
  await expect(aligned.locator('mark.mark--diff').first()).toBeVisible();
  await expect(aligned.locator('mark.mark--variant', { hasText: 'Turkey' }).first()).toBeVisible();
});

test('a conflict opens both outlets’ passages side by side, each with its name marked', async ({ page, server }) => {
  const { byTitle } = await sample(server);
  const a = byTitle("Syria's security is inseparable");
  const b = byTitle('Syria FM leads');
  await openHash(page, server.url, `#/compare/${a}/${b}`);
  const conflicts = page.getByRole('list', { name: 'Conflicts' });
  const item = conflicts.getByRole('listitem').filter({ hasText: 'Ashraf Abu Qasra' }).first();
  await item.getByRole('button', { name: 'Show passages side by side' }).click();
  const both = item.getByRole('group', { name: 'Conflicting passages' });
  const panels = both.getByRole('complementary', { name: 'Passage' });
  await expect(panels).toHaveCount(2);
  const marked = both.locator('mark.mark--passage');
  // Each panel reads its article first; on a loaded machine that can take a while.
  await expect(marked.filter({ hasText: 'Ashraf Abu Qasra' })).toHaveCount(1, { timeout: 30_000 });
  await expect(marked.filter({ hasText: /Murhaf Abu Qasra/ })).toHaveCount(1);
  await item.getByRole('button', { name: 'Hide passages' }).click();
  await expect(both).toHaveCount(0);
});

test('a conflict says what differs, and a guessed entity type reads “place?” and says why on focus', async ({ page, server }) => {
  test.slow(); // the sample story compared, then its names read; on a loaded machine that can take a while
  await page.goto(server.url);
  await page
    .getByRole('list', { name: 'Stories' })
    .getByRole('link', { name: /Turkish–Syrian security talks/ })
    .click();
  await page.getByRole('tab', { name: /^Names & conflicts/ }).click();
  const conflict = page.getByRole('list', { name: 'Conflicts' }).getByRole('listitem').filter({ hasText: 'Ashraf Abu Qasra' });
  await expect(conflict).toContainText('What differs: the person named for one role.');
  const names = page.getByRole('table', { name: 'Names' });
  const guessed = names.getByRole('row', { name: /^Ankara\b/ }).locator('.entity-type--uncertain');
  await expect(guessed).toHaveText(/^place\?/);
  const why = page.getByRole('tooltip').filter({ hasText: 'guessed from the words around the name' }).first();
  await expect(why).toBeHidden();
  await guessed.focus();
  await expect(guessed).toHaveAccessibleDescription(/Probably a place, guessed from the words around the name/);
  await expect(guessed.getByRole('tooltip')).toBeVisible();
  // A certain type stays plain.
  await expect(names.getByRole('row', { name: /^Hakan Fidan\b/ }).locator('td').first()).toHaveText('person');
});

test('a softer difference (arrests vs migrants) is listed apart from conflicts, says what differs and opens both passages', async ({
  page,
  server,
}) => {
  test.slow(); // two imports, a comparison and two passages read; on a loaded machine that can take a while
  const ids: string[] = [];
  for (const [title, text] of [
    ['Border arrests in June', 'Border agents made more than 178,000 arrests of people crossing the southern border in June.'],
    ['Migrant encounters in June', 'Officials said 188,829 migrants were encountered crossing the southern border in June.'],
  ]) {
    const r = (await server.api('articles.importText', { title, text })).value as { imported: Summary[] };
    ids.push(r.imported[0]!.id);
  }
  await openHash(page, server.url, `#/compare/${ids.join('/')}`);
  await page.getByRole('tab', { name: /^Names & conflicts/ }).click();
  const soft = page.getByRole('list', { name: 'Differences that do not contradict' });
  const item = soft.getByRole('listitem').first();
  await expect(item).toContainText('Differs:');
  await expect(item).toContainText('What differs: the figure.');
  await expect(item).toContainText('188,829 migrants');
  await expect(page.getByRole('list', { name: 'Conflicts' })).toHaveCount(0);
  await item.getByRole('button', { name: 'Show passages side by side' }).click();
  await expect(item.getByRole('group', { name: 'Differing passages' }).getByRole('complementary', { name: 'Passage' })).toHaveCount(2);
});

test('paired sentences stay level while the reading scrolls, and unique sentences take no placeholder row', async ({ page, server }) => {
  const { byTitle } = await sample(server);
  const a = byTitle("Syria's security is inseparable");
  const b = byTitle('Turkey and Syria held');
  await page.setViewportSize({ width: 1360, height: 600 });
  await openHash(page, server.url, `#/compare/${a}/${b}`);
  const view = new AlignedPage(page);
  await expect(view.left.locator('.align-row--pair').first()).toBeVisible();
  for (const top of [0, 150, 400, 10_000]) {
    const at = await view.scrollTo(top);
    if (top > 0) expect(at).toBeGreaterThan(0);
    const gaps = await view.pairGaps();
    expect(gaps.inView).toBeGreaterThan(0);
    expect(gaps.largest).toBeLessThan(1);
  }
  // Narrower window: lines wrap differently in each column, pairs still start level.
  await page.setViewportSize({ width: 900, height: 600 });
  await view.scrollTo(250);
  expect((await view.pairGaps()).largest).toBeLessThan(1);
  // Sentences one side only has are marked in place; the other side leaves the space empty, no "Not in …".
  await expect(page.getByText(/^Not in /)).toHaveCount(0);
  const oneSided = await view.oneSidedUniqueBands();
  expect(oneSided.length).toBeGreaterThan(0);
  for (const band of oneSided) expect(band.emptyText).toBe('');
  await expect(view.left.locator('.align-sentence--unique').first()).toContainText('unique');
  // Clicking a paired sentence marks its row in both columns.
  const pairRow = view.left.locator('.align-row--pair').nth(2);
  await pairRow.locator('.align-sentence').click();
  const index = await pairRow.getAttribute('data-row');
  await expect(view.right.locator(`[data-row="${index}"]`)).toHaveClass(/align-row--active/);
});

test('a passage selected in the compare view becomes a highlight on its article, and undo removes it', async ({ page, server }) => {
  const { byTitle } = await sample(server);
  const a = byTitle("Syria's security is inseparable");
  const b = byTitle('Syria FM leads');
  await openHash(page, server.url, `#/compare/${a}/${b}`);
  const sentence = page.locator('.align-column').first().locator('.align-sentence').nth(1);
  await expect(sentence).toBeVisible();
  const box = (await sentence.boundingBox())!;
  await page.mouse.move(box.x + 40, box.y + 8);
  await page.mouse.down();
  await page.mouse.move(box.x + 220, box.y + 8, { steps: 5 });
  await page.mouse.up();
  // The annotation keeps the selected words without the spaces around them.
  const selected = (await page.evaluate(() => window.getSelection()!.toString())).trim();
  const toolbar = page.getByRole('toolbar', { name: 'Selection' });
  await expect(toolbar).toBeVisible();
  await toolbar.getByRole('button', { name: 'Annotate' }).click();
  await expect(page.getByText(/Highlighted “/)).toBeVisible();

  const list = async () =>
    (
      (await server.api('annotations.list', { articleId: a })).value as {
        items: Array<{ quote: { exact: string }; anchor: { status: string; start: number; end: number } }>;
      }
    ).items;
  const [created] = await list();
  expect(created!.quote.exact).toBe(selected);
  expect(created!.anchor.status).toBe('ok');
  const detail = (await server.api('articles.get', { id: a })).value as { body: string };
  expect(detail.body.slice(created!.anchor.start, created!.anchor.end)).toBe(selected);

  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await list()).length).toBe(0);
});

test('the CLI compares, ranks related coverage and manages stories', async ({ server }) => {
  const { story, byTitle } = await sample(server);
  const r = server.cli('compare', ...story.articleIds) as {
    entities: Array<{ name: string; variants: Array<{ form: string }> }>;
    conflicts: Array<{ kind: string; forms: string[] }>;
  };
  const shaibani = r.entities.find((e) => e.variants.some((v) => v.form === 'Asaad al-Shibani'))!;
  expect(shaibani.variants.map((v) => v.form)).toEqual(expect.arrayContaining(['Asaad Al-Sheebani', 'Asaad al-Shaibani']));
  expect(r.conflicts.some((c) => c.kind === 'role' && c.forms.includes('Ashraf Abu Qasra'))).toBe(true);
  const related = server.cli('related', byTitle('Syria FM leads'), '--limit', '2') as Array<{ id: string; score: number }>;
  expect(related).toHaveLength(2);
  const created = server.cli('story', 'create', 'Another story', byTitle('Syria FM leads')) as Story;
  expect(created.articleIds).toHaveLength(1);
  const bad = server.cli('story', 'add', created.id, 'nosucharticle1') as { error: { code: string } };
  expect(bad.error.code).toBe('NOT_FOUND');
  const listed = server.cli('story', 'list') as Story[];
  expect(listed.map((s) => s.name)).toContain('Another story');
});
