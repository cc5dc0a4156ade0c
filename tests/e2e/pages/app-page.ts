import type { Locator, Page } from '@playwright/test';

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

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.rows.first().waitFor();
  }

  row(text: string | RegExp): Locator {
    return this.rows.filter({ hasText: text });
  }

  field(label: string): Locator {
    return this.reader.getByLabel(label, { exact: true });
  }
}
