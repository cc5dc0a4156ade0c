import type { Locator, Page } from '@playwright/test';

/** The aligned reading of two articles as a user sees it: one scrolling area, a column per article. */
export class AlignedPage {
  readonly region: Locator;
  readonly area: Locator;
  readonly left: Locator;
  readonly right: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Aligned reading' });
    this.area = page.locator('.aligned__columns');
    this.left = this.area.locator('.align-column').first();
    this.right = this.area.locator('.align-column').nth(1);
  }

  /** Scroll the reading area (what a wheel or the scroll bar does); returns where it ended up. */
  async scrollTo(top: number): Promise<number> {
    return this.area.evaluate((el, y) => {
      el.scrollTop = y;
      el.dispatchEvent(new Event('scroll'));
      return el.scrollTop;
    }, top);
  }

  /**
   * For every pair in view, how far apart (px) the tops of its two sentences are on screen: the largest gap,
   * and how many pairs were in view.
   */
  async pairGaps(): Promise<{ largest: number; inView: number }> {
    return this.area.evaluate((el) => {
      const view = el.getBoundingClientRect();
      const [left, right] = [...el.querySelectorAll('.align-column')];
      let largest = 0;
      let inView = 0;
      for (const row of left!.querySelectorAll<HTMLElement>('.align-row--pair')) {
        const a = row.querySelector('.align-sentence')!.getBoundingClientRect();
        if (a.bottom < view.top || a.top > view.bottom) continue;
        const b = right!.querySelector(`[data-row="${row.dataset.row}"] .align-sentence`)!.getBoundingClientRect();
        largest = Math.max(largest, Math.abs(a.top - b.top));
        inView++;
      }
      return { largest, inView };
    });
  }

  /** Unique bands where one side has sentences and the other has none (its space left empty). */
  async oneSidedUniqueBands(): Promise<Array<{ left: number; right: number; emptyText: string }>> {
    return this.area.evaluate((el) => {
      const [left, right] = [...el.querySelectorAll('.align-column')].map((c) => [...c.querySelectorAll('.align-row--unique')]);
      return left!
        .map((l, i) => ({ l, r: right![i]! }))
        .map(({ l, r }) => ({
          left: l.querySelectorAll('.align-sentence').length,
          right: r.querySelectorAll('.align-sentence').length,
          emptyText: (l.querySelectorAll('.align-sentence').length ? r : l).textContent ?? '',
        }))
        .filter((b) => b.left === 0 || b.right === 0);
    });
  }
}
