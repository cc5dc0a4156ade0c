import type { Locator, Page } from '@playwright/test';

/** The search view as a user sees it: the box, hints, results, and the reader with its hit bar. */
export class SearchPage {
  readonly box: Locator;
  readonly results: Locator;
  readonly hits: Locator;
  readonly hints: Locator;
  readonly reader: Locator;
  readonly readerMarks: Locator;
  readonly hitBar: Locator;

  constructor(readonly page: Page) {
    this.box = page.getByLabel('Search articles and notes');
    this.results = page.getByRole('listbox', { name: 'Search results' });
    this.hits = this.results.getByRole('option');
    this.hints = page.getByRole('status', { name: 'Query hints' });
    this.reader = page.getByRole('main', { name: 'Reader' });
    this.readerMarks = this.reader.locator('mark.mark--search-hit');
    this.hitBar = page.getByRole('toolbar', { name: 'Hits in this article' });
  }

  async search(query: string): Promise<void> {
    await this.box.fill(query);
  }

  hit(text: string | RegExp): Locator {
    return this.hits.filter({ hasText: text });
  }
}
