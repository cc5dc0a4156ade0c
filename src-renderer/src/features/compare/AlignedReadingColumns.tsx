import { useEffect, useMemo, useRef, useState } from 'react';
import type { ColumnCell, ColumnRow, CompareArticle, CompareResult } from '@contract';
import { call } from '../../api/client';
import type { TextMark } from '../../lib/text-marks';
import { MarkedText } from '../reader/MarkedText';
import { annotateFromCompare } from './annotate-hook';
import type { GridAt } from './aligned-columns';
import { MAX_COLUMNS, MIN_COLUMNS, cellsByColumn, firstColumns, moveInGrid, sharedCounts, toggleColumn } from './aligned-columns';
import { SelectionToolbar } from './SelectionToolbar';
import { useCompare } from './use-compare';

const marksOf = (cell: ColumnCell): TextMark[] => [
  ...cell.changes.map(([start, end], i) => ({ start, end, kind: 'diff', id: `d${i}` })),
  ...cell.variants.map(([start, end], i) => ({ start, end, kind: 'variant', id: `v${i}` })),
];

/** A selection is mapped within the cell it starts in: one sentence (or a run of one outlet's own) of one article. */
const cellOf = (el: Element) => {
  const root = el.closest<HTMLElement>('.columns__cell[data-article]');
  return root?.dataset.article ? { root, articleId: root.dataset.article } : null;
};

function Cell({
  row,
  cells,
  article,
  at,
  focused,
  onFocus,
}: {
  row: ColumnRow;
  cells: ColumnCell[];
  article: CompareArticle;
  at: GridAt;
  focused: boolean;
  onFocus: () => void;
}) {
  const common = {
    role: 'gridcell',
    tabIndex: focused ? 0 : -1,
    'data-cell': `${at.row}:${at.col}`,
    onFocus,
  };
  if (!cells.length)
    return row.shared ? (
      <div {...common} className="columns__cell columns__cell--none">
        <span className="columns__none">not in {article.label}</span>
      </div>
    ) : (
      <div {...common} className="columns__cell columns__cell--empty">
        <span className="visually-hidden">nothing only {article.label} has here</span>
      </div>
    );
  // The column header names the outlet (a screen reader reads it with the cell); the text is the cell's own.
  return (
    <div {...common} className={`columns__cell${row.shared ? ' columns__cell--shared' : ' columns__cell--own'}`} data-article={article.id}>
      {cells.map((c) => {
        const s = article.sentences[c.sentence]!;
        return (
          <p key={c.sentence} className="columns__sentence" dir="auto" lang={s.lang ?? undefined} data-kind={s.kind}>
            <MarkedText text={s.text} start={s.start} marks={marksOf(c)} />
          </p>
        );
      })}
    </div>
  );
}

/**
 * Two to six articles in columns inside one scrolling area. Each row is a grid row spanning every column
 * (CSS subgrid), so the sentences of a shared row start on one line whatever the scroll position, with no
 * script keeping them level. A row an outlet does not share shows a small "not in"; the sentences only one
 * outlet has sit between the shared rows, each under its outlet, taking no height in the other columns.
 * Arrows move between cells (the grid pattern); the column checkboxes choose which articles are shown.
 */
export function AlignedReadingColumns({ result, onInfo }: { result: CompareResult; onInfo: (m: string) => void }) {
  const order = result.articles.map((a) => a.id);
  const [chosen, setChosen] = useState<string[]>(() => firstColumns(order));
  const whole = chosen.length === order.length;
  // Other columns than the comparison's: compare just those, so rows and marks are theirs alone.
  const sub = useCompare(whole ? [] : chosen);
  const view = whole ? result : sub.result;
  const rows = useMemo(() => view?.columns ?? [], [view]);
  const articles = view?.articles ?? [];
  const [focus, setFocus] = useState<GridAt>({ row: 0, col: 0 });
  const [bodies, setBodies] = useState<Record<string, string>>({});
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  const gridRef = useRef<HTMLDivElement | null>(null);
  const idsKey = articles.map((a) => a.id).join(',');

  useEffect(() => {
    let live = true;
    if (!idsKey) return;
    Promise.all(idsKey.split(',').map((id) => call('articles.get', { id }))).then(
      (ds) => live && setBodies(Object.fromEntries(ds.map((d) => [d.id, d.body]))),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [idsKey]);

  // The focused cell stays inside the grid when columns or rows change.
  const at = { row: Math.max(0, Math.min(focus.row, rows.length - 1)), col: Math.max(0, Math.min(focus.col, articles.length - 1)) };
  const onKey = (e: React.KeyboardEvent) => {
    const to = moveInGrid(at, e.key, e.ctrlKey || e.metaKey, rows.length, articles.length);
    if (!to) return;
    e.preventDefault();
    setFocus(to);
    gridRef.current?.querySelector<HTMLElement>(`[data-cell="${to.row}:${to.col}"]`)?.focus();
  };

  const counts = sharedCounts(rows);
  return (
    <section className="columns" aria-label="Aligned reading in columns">
      <fieldset className="columns__choose">
        <legend>
          Columns ({MIN_COLUMNS}–{MAX_COLUMNS})
        </legend>
        {result.articles.map((a) => {
          const on = chosen.includes(a.id);
          const locked = on ? chosen.length <= MIN_COLUMNS : chosen.length >= MAX_COLUMNS;
          return (
            <label key={a.id} className="checkbox" title={a.title}>
              <input type="checkbox" checked={on} disabled={locked} onChange={() => setChosen((c) => toggleColumn(c, a.id, order))} />{' '}
              {a.label}
            </label>
          );
        })}
      </fieldset>
      {!view ? (
        <p role="status" className="aligned__summary">
          {sub.error ?? sub.cancelled ?? `Aligning ${chosen.length} articles…`}
        </p>
      ) : (
        <>
          <p className="aligned__summary">
            {counts.size === 0
              ? 'No sentence is shared by two of these outlets.'
              : `Rows shared: ${[...counts].map(([k, n]) => `${n} by ${k} outlets`).join(', ')}.`}{' '}
            <span className="legend">
              <mark className="mark--diff">different words</mark> <mark className="mark--variant">spelling variant</mark>
            </span>
          </p>
          <div className="columns__scroll" ref={setScroller}>
            <div
              className="columns__grid"
              role="grid"
              aria-label="Articles in columns, shared rows level"
              aria-rowcount={rows.length + 1}
              aria-colcount={articles.length}
              ref={gridRef}
              style={{ gridTemplateColumns: `repeat(${articles.length}, minmax(0, 1fr))` }}
              onKeyDown={onKey}
            >
              <div role="row" className="columns__row columns__row--head" aria-rowindex={1}>
                {articles.map((a) => (
                  <div key={a.id} role="columnheader" className="columns__head" title={a.title}>
                    {a.label}
                  </div>
                ))}
              </div>
              {rows.map((row, r) => {
                const byColumn = cellsByColumn(row, articles.length);
                return (
                  <div
                    key={r}
                    role="row"
                    aria-rowindex={r + 2}
                    data-row={r}
                    data-shared={row.shared ? row.cells.length : 0}
                    className={`columns__row ${row.shared ? 'columns__row--shared' : 'columns__row--own'}`}
                  >
                    {articles.map((a, col) => (
                      <Cell
                        key={a.id}
                        row={row}
                        cells={byColumn[col]!}
                        article={a}
                        at={{ row: r, col }}
                        focused={at.row === r && at.col === col}
                        onFocus={() => setFocus({ row: r, col })}
                      />
                    ))}
                  </div>
                );
              })}
            </div>
            <SelectionToolbar
              container={scroller}
              columnOf={cellOf}
              bodyFor={(id) => bodies[id] ?? null}
              onAnnotate={(p) =>
                void annotateFromCompare(p).then(
                  () => onInfo(`Highlighted “${p.exact.length > 60 ? `${p.exact.slice(0, 59)}…` : p.exact}”. Ctrl+Z undoes it.`),
                  (e: Error) => onInfo(e.message),
                )
              }
            />
          </div>
        </>
      )}
    </section>
  );
}
