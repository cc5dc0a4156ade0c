import type { Locator, Page } from '@playwright/test';
import { AppPage } from './app-page';

/** The reader's annotation tools, the "All annotations" view and the tag manager, as a user sees them. */
export class AnnotatorPage extends AppPage {
  readonly panel: Locator;
  readonly cards: Locator;
  readonly toolbar: Locator;
  readonly highlights: Locator;

  constructor(page: Page) {
    super(page);
    this.panel = page.getByRole('complementary', { name: 'Annotations' });
    this.cards = this.panel.locator('.annotation-card');
    this.toolbar = page.getByRole('toolbar', { name: 'Annotate the selection' });
    this.highlights = this.readerBody.locator('mark.mark--annotation');
  }

  async openArticle(url: string, title: string | RegExp): Promise<void> {
    await this.open(url);
    await this.row(title).click();
    await this.readerBody.waitFor();
  }

  /** Select `text` in the reader by dragging the mouse from its first to its last character. */
  async dragSelect(text: string): Promise<void> {
    const points = await this.readerBody.evaluate((root, needle) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = (n.nodeValue ?? '').indexOf(needle);
        if (i < 0) continue;
        const rect = (a: number, b: number) => {
          const r = document.createRange();
          r.setStart(n!, a);
          r.setEnd(n!, b);
          return r.getBoundingClientRect();
        };
        const first = rect(i, i + 1);
        const last = rect(i + needle.length - 1, i + needle.length);
        return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
      }
      throw new Error(`"${needle}" is not in one text run of the reader`);
    }, text);
    await this.page.mouse.move(points.x1, points.y1);
    await this.page.mouse.down();
    await this.page.mouse.move((points.x1 + points.x2) / 2, (points.y1 + points.y2) / 2, { steps: 4 });
    await this.page.mouse.move(points.x2, points.y2, { steps: 4 });
    await this.page.mouse.up();
  }

  card(quote: string | RegExp): Locator {
    return this.cards.filter({ hasText: quote });
  }

  async gotoView(name: 'All annotations' | 'Tags'): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Notebook' }).getByRole('link', { name }).click();
  }
}
