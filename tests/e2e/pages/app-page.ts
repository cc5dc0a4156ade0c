import type { FileChooser, Locator, Page } from '@playwright/test';

/** The library list and the reader, as a user sees them. */
export class AppPage {
  readonly filter: Locator;
  readonly list: Locator;
  readonly rows: Locator;
  readonly reader: Locator;
  readonly readerBody: Locator;
  readonly boilerplateToggle: Locator;

  constructor(readonly page: Page) {
    this.filter = page.getByLabel('Filter articles');
    this.list = page.getByRole('listbox', { name: 'Articles' });
    this.rows = this.list.getByRole('option');
    this.reader = page.getByRole('main', { name: 'Reader' });
    this.readerBody = this.reader.locator('.article-body');
    this.boilerplateToggle = this.reader.getByRole('button', { name: /boilerplate/i });
  }

  /** Open the app and wait for the library's rows (or, for an empty notebook, for the notebook's navigation). */
  async open(url: string, opts: { empty?: boolean } = {}): Promise<void> {
    await this.page.goto(url);
    if (opts.empty) await this.page.getByRole('navigation', { name: 'Notebook' }).waitFor();
    else await this.rows.first().waitFor();
  }

  /** Import files as a user does: the "Import files…" button, then the file dialog. */
  async importFiles(files: Parameters<FileChooser['setFiles']>[0]): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Import files…' }).click();
    await (await chooser).setFiles(files);
  }

  row(text: string | RegExp): Locator {
    return this.rows.filter({ hasText: text });
  }

  field(label: string): Locator {
    return this.reader.getByLabel(label, { exact: true });
  }
}
