import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import iconv from 'iconv-lite';
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { AnnotatorPage } from './pages/annotator-page';

const FM = 'Syria FM leads security delegation';
const SENTENCE = 'Senior Syrian officials arrived in Turkey on Sunday for discussions about the security situation in Syria.';
const INSERTED = 'An editor added this sentence before the officials arrived.';

async function expectNoSeriousA11yIssues(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).include('.reader').analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${label}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** The reader's "Edit text" editor and the status line after a text change. */
function editor(app: AnnotatorPage) {
  return {
    open: () => app.reader.getByRole('button', { name: 'Edit text' }).click(),
    text: app.reader.getByRole('textbox', { name: 'Article text' }),
    save: app.reader.getByRole('button', { name: 'Save text' }),
    status: app.reader.locator('.reader__status'),
    /** Replace the editor's text through the page, then save with Ctrl+Enter (as a user finishing an edit). */
    async rewrite(change: (raw: string) => string) {
      const raw = await this.text.inputValue();
      await this.text.fill(change(raw));
      await this.text.press('Control+Enter');
      await expect(this.text).toBeHidden();
    },
  };
}

test('an edited text keeps a highlight on the same words, orphans it when its sentence goes, and undo brings it back', async ({
  page,
  server,
}) => {
  const app = new AnnotatorPage(page);
  await app.openArticle(server.url, FM);
  await app.dragSelect(SENTENCE);
  await app.toolbar.getByRole('button', { name: 'Highlight yellow' }).click();
  await expect(app.highlights).toHaveText([SENTENCE]);

  const edit = editor(app);
  await edit.open();
  await expect(edit.text).toBeFocused();
  await expect(edit.text).toHaveValue(/Skip to main content/); // the raw source, boilerplate included
  await edit.rewrite((raw) => raw.replace(SENTENCE, `${INSERTED} ${SENTENCE}`));
  await expect(edit.status).toHaveText('Text updated: 1 annotation kept, 0 moved, 0 orphaned. Ctrl+Z undoes it.');
  await expect(app.readerBody).toContainText(INSERTED);
  await expect(app.highlights).toHaveText([SENTENCE]);
  await expect(app.card(SENTENCE)).toHaveAttribute('data-status', 'ok');

  await edit.open();
  await edit.rewrite((raw) => raw.replace(`${INSERTED} ${SENTENCE}`, INSERTED));
  await expect(edit.status).toHaveText('Text updated: 0 annotations kept, 0 moved, 1 orphaned. Ctrl+Z undoes it.');
  await expect(app.highlights).toHaveCount(0);
  const orphan = app.card(SENTENCE);
  await expect(orphan).toHaveAttribute('data-status', 'orphaned');
  await expect(orphan.locator('q')).toHaveText(SENTENCE);
  await expect(orphan).toContainText('no longer in the text');
  await expect(app.panel).toContainText('1 annotation lost their passage');

  // Focus is back on "Edit text"; Ctrl+Z puts the previous text back and the highlight with it.
  await expect(app.reader.getByRole('button', { name: 'Edit text' })).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status').filter({ hasText: 'Undone: edit text' })).toBeVisible();
  await expect(edit.status).toBeEmpty(); // it described the text that is gone
  await expect(app.highlights).toHaveText([SENTENCE]);
  await expect(app.card(SENTENCE)).toHaveAttribute('data-status', 'ok');

  // And it is on disk: the CLI sees the edited text.
  const shown = server.cli('show', (await page.evaluate(() => location.hash)).replace(/^.*article\//, '').replace(/[?].*$/, '')) as {
    body: string;
  };
  expect(shown.body).toContain(`${INSERTED} ${SENTENCE}`);
});

test('script and HTML typed into the text render as text, and nothing runs', async ({ page, server }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const app = new AnnotatorPage(page);
  await app.openArticle(server.url, FM);
  const edit = editor(app);
  await edit.open();
  const payload = '<script>window.__pwned = 1; alert("xss")</script><img src=x onerror="window.__pwned = 2; alert(2)">';
  await edit.rewrite((raw) => `${raw}\n\nA closing paragraph ${payload} ends here.\n`);
  await expect(app.readerBody).toContainText('<script>window.__pwned = 1; alert("xss")</script>');
  await expect(app.readerBody).toContainText('<img src=x onerror=');
  await expect(app.readerBody.locator('script, img')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
});

test('Escape asks before discarding changes; the keyboard can keep editing or discard', async ({ page, server }) => {
  const app = new AnnotatorPage(page);
  await app.openArticle(server.url, FM);
  const edit = editor(app);
  await edit.open();
  await expectNoSeriousA11yIssues(page, 'editor');
  await edit.text.press('Escape'); // nothing changed: closes at once
  await expect(edit.text).toBeHidden();

  await edit.open();
  await edit.text.press('Control+End');
  await edit.text.pressSequentially(' An unsaved addition.');
  await edit.text.press('Escape');
  const ask = app.reader.getByRole('group', { name: 'Discard your changes to the text?' });
  await expect(ask).toBeVisible();
  await expectNoSeriousA11yIssues(page, 'editor asking to discard');
  await expect(ask.getByRole('button', { name: 'Keep editing' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(edit.text).toBeFocused();
  await expect(edit.text).toHaveValue(/An unsaved addition\.$/);
  await edit.text.press('Escape');
  await ask.getByRole('button', { name: 'Discard changes' }).click();
  await expect(edit.text).toBeHidden();
  await expect(app.readerBody).not.toContainText('An unsaved addition');

  // An empty text cannot be saved.
  await edit.open();
  await edit.text.fill('   ');
  await expect(edit.save).toBeDisabled();
  // A refusal from the back end (here: another article's text) is shown in the editor, which keeps the text.
  const other = readFileSync(new URL('../../resources/sample/000_8f741ed5d6140f33.txt', import.meta.url), 'utf8');
  await edit.text.fill(other);
  await edit.text.press('Control+Enter');
  await expect(app.reader.getByRole('form', { name: 'Text editor' }).getByRole('alert')).toContainText('already in the notebook');
  await expect(edit.text).toHaveValue(other.replace(/\r\n/g, '\n'));
});

test('Replace from file takes a corrected Windows-1252 copy; the annotation on the changed sentence moves with it', async ({
  page,
  server,
}) => {
  const MINISTERS = 'defence minister Ashraf Abu Qasra, and intelligence chief';
  const app = new AnnotatorPage(page);
  await app.openArticle(server.url, FM);
  const id = (await page.evaluate(() => location.hash)).replace(/^.*article\//, '').replace(/[?].*$/, '');
  expect((await server.api('annotations.create', { articleId: id, target: { quote: { exact: MINISTERS } } })).ok).toBe(true);
  await expect(app.highlights).toHaveText([MINISTERS]);

  const seed = readFileSync(new URL('../../resources/sample/003_7604c3ab70cf3cc1.txt', import.meta.url), 'utf8');
  const corrected = seed.replace('Ashraf Abu Qasra', 'Murhaf Abu Qasra').replace('"at all levels"', '\u201cat all levels\u201d');
  await app.reader.getByLabel('Choose a corrected copy of this article').setInputFiles({
    name: 'corrected.txt',
    mimeType: 'text/plain',
    buffer: iconv.encode(corrected, 'windows-1252'),
  });
  await expect(app.reader.locator('.reader__status')).toHaveText(
    'Text replaced from corrected.txt: 0 annotations kept, 1 moved, 0 orphaned. Ctrl+Z undoes it.',
  );
  await expect(app.readerBody).toContainText('Murhaf Abu Qasra');
  await expect(app.readerBody).toContainText('\u201cat all levels\u201d');
  await expect(app.highlights).toHaveText([MINISTERS.replace('Ashraf', 'Murhaf')]);
  await expect(app.card(MINISTERS)).toHaveAttribute('data-status', 'drifted');

  // A copy of another article is refused, naming it; the text stays as it was.
  const other = readFileSync(new URL('../../resources/sample/000_8f741ed5d6140f33.txt', import.meta.url));
  await app.reader
    .getByLabel('Choose a corrected copy of this article')
    .setInputFiles({ name: 'other.txt', mimeType: 'text/plain', buffer: other });
  await expect(page.getByRole('alert').filter({ hasText: 'already in the notebook' })).toBeVisible();
  await expect(app.readerBody).toContainText('Murhaf Abu Qasra');
});
