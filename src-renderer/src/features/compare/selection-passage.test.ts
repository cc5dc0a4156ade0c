// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { passageFromSelection } from './selection-passage';

/**
 * Two compare columns as AlignedReading draws them: rows of sentence cells, each run of text a span with its
 * body offset; a "unique" badge and a gap cell hold no text of the article.
 */
const BODY_A = 'Fidan met Shaibani. They spoke of security. Nothing was signed.';
const BODY_B = 'Turkish minister met Syrian minister.';
function draw() {
  document.body.innerHTML = `
    <div id="wrap">
      <div class="align-column" id="col-a">
        <div data-row="0"><p data-article="aaaaaaaa"><span data-offset="0">Fidan met Shaibani.</span></p></div>
        <div data-row="1"><p data-article="aaaaaaaa"><span class="align-badge">unique</span><span data-offset="20">They spoke of </span><mark data-offset="34">security</mark><span data-offset="42">.</span></p></div>
        <div data-row="2"><p class="align-cell--gap">Not in B</p></div>
        <div data-row="3"><p data-article="aaaaaaaa"><span data-offset="44">Nothing was signed.</span></p></div>
      </div>
      <div class="align-column" id="col-b">
        <div data-row="0"><p data-article="bbbbbbbb"><span data-offset="0">Turkish minister met Syrian minister.</span></p></div>
      </div>
    </div>`;
}
const $ = (sel: string) => document.querySelector(sel)!;
const text = (sel: string) => $(sel).firstChild!;
function select(start: [Node, number], end: [Node, number]): Selection {
  const sel = window.getSelection()!;
  const range = document.createRange();
  range.setStart(...start);
  range.setEnd(...end);
  sel.removeAllRanges();
  sel.addRange(range);
  return sel;
}
const columnOf = (el: Element) => {
  const root = el.closest('.align-column');
  const articleId = root?.querySelector<HTMLElement>('[data-article]')?.dataset.article;
  return root && articleId ? { root, articleId } : null;
};
const bodies: Record<string, string> = { aaaaaaaa: BODY_A, bbbbbbbb: BODY_B };
const passage = (sel: Selection) => passageFromSelection($('#wrap'), sel, columnOf, (id) => bodies[id] ?? null);

describe('a selection in the compare view, mapped by the reader’s mapper', () => {
  beforeEach(draw);

  it('inside runs: body offsets, across rows of one column', () => {
    const p = passage(select([text('[data-offset="20"]'), 5], [text('[data-offset="34"]'), 8]));
    expect(p).toMatchObject({ articleId: 'aaaaaaaa', start: 25, end: 42, exact: 'spoke of security' });
    expect(passage(select([text('[data-offset="0"]'), 10], [text('[data-offset="44"]'), 7]))?.exact).toBe(
      'Shaibani. They spoke of security. Nothing',
    );
  });

  it('starting on the "unique" badge or a gap, or at element boundaries (a whole sentence picked), snaps to the text', () => {
    expect(passage(select([text('.align-badge'), 0], [text('[data-offset="20"]'), 4]))?.exact).toBe('They');
    expect(passage(select([$('[data-row="1"]'), 0], [$('[data-row="2"]'), 0]))?.exact).toBe('They spoke of security.');
    expect(passage(select([text('.align-cell--gap'), 2], [text('[data-offset="44"]'), 7]))?.exact).toBe('Nothing');
  });

  it('refuses a selection that runs into the other article’s column, or holds no text', () => {
    expect(passage(select([text('#col-a [data-offset="0"]'), 0], [text('#col-b [data-offset="0"]'), 7]))).toBeNull();
    expect(passage(select([text('.align-cell--gap'), 0], [text('.align-cell--gap'), 6]))).toBeNull();
  });
});
