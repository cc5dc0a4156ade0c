import { useEffect, useRef, useState } from 'react';
import type { AlignmentRow, CompareArticle, CompareResult, CompareSentence, Conflict } from '@contract';
import { call } from '../../api/client';
import type { TextMark } from '../../lib/text-marks';
import { MarkedText } from '../reader/MarkedText';
import { annotateFromCompare } from './annotate-hook';
import { ConflictList } from './ConflictList';
import { SelectionToolbar } from './SelectionToolbar';

type Side = 'a' | 'b';

/** Scroll a column (a DOM write kept out of React state). */
function setScrollTop(el: HTMLElement, top: number): void {
  el.scrollTop = top;
}

function marksOf(row: AlignmentRow, side: Side): TextMark[] {
  const changes = side === 'a' ? row.changesA : row.changesB;
  const variants = side === 'a' ? row.variantsA : row.variantsB;
  return [
    ...changes.map(([start, end], i) => ({ start, end, kind: 'diff', id: `d${i}` })),
    ...variants.map(([start, end], i) => ({ start, end, kind: 'variant', id: `v${i}` })),
  ];
}

function Cell({
  article,
  other,
  sentence,
  row,
  side,
  conflicts,
}: {
  article: CompareArticle;
  other: CompareArticle;
  sentence: CompareSentence | null;
  row: AlignmentRow;
  side: Side;
  conflicts: Conflict[];
}) {
  if (!sentence) return <p className="align-cell align-cell--gap">Not in {article.label}</p>;
  const unique = (side === 'a' ? row.b : row.a) === null;
  const flags = conflicts.filter((c) => c.forms.some((f) => sentence.text.includes(f)));
  return (
    <p
      className={`align-cell align-sentence${unique ? ' align-sentence--unique' : ''}`}
      dir="auto"
      lang={sentence.lang ?? undefined}
      data-article={article.id}
      data-kind={sentence.kind}
    >
      {unique && (
        <span className="align-badge" title={`Only ${article.label} has this; ${other.label} does not`}>
          unique
        </span>
      )}
      {flags.map((c, i) => (
        <span key={i} className="conflict-flag" role="img" aria-label={`Conflict: ${c.description}`} title={c.description}>
          ⚑
        </span>
      ))}
      <MarkedText text={sentence.text} start={sentence.start} marks={marksOf(row, side)} />
    </p>
  );
}

/** A compare column is one article's text: selections are mapped within it. */
const columnOf = (el: Element) => {
  const root = el.closest('.align-column');
  const articleId = root?.querySelector<HTMLElement>('[data-article]')?.dataset.article;
  return root && articleId ? { root, articleId } : null;
};

/**
 * Two articles in columns: each row holds a pair of sentences that report the same thing (word differences
 * marked), or a sentence only one side has. The columns scroll together, row by row; clicking a sentence
 * brings its counterpart level with it.
 */
export function AlignedReading({ result, onInfo }: { result: CompareResult; onInfo: (m: string) => void }) {
  const [a, b] = [result.articles[0]!, result.articles[1]!];
  const pair = result.alignment.pairs[0]!;
  const conflicts = result.conflicts.filter((c) => c.articles.includes(a.id) && c.articles.includes(b.id));
  const cols = { a: useRef<HTMLDivElement>(null), b: useRef<HTMLDivElement>(null) };
  const ignore = useRef<Side | null>(null);
  const [active, setActive] = useState<number | null>(null);
  const [bodies, setBodies] = useState<Record<string, string>>({});
  const [wrap, setWrap] = useState<HTMLDivElement | null>(null);

  useEffect(() => {
    let live = true;
    Promise.all([a.id, b.id].map((id) => call('articles.get', { id }))).then(
      (ds) => live && setBodies(Object.fromEntries(ds.map((d) => [d.id, d.body]))),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [a.id, b.id]);

  /** Put row `index` of `to` at the same height as it is in `from`. */
  const level = (from: Side, to: Side, index: number) => {
    const f = cols[from].current;
    const t = cols[to].current;
    const rf = f?.querySelector<HTMLElement>(`[data-row="${index}"]`);
    const rt = t?.querySelector<HTMLElement>(`[data-row="${index}"]`);
    if (!f || !t || !rf || !rt) return;
    const offset = rf.getBoundingClientRect().top - f.getBoundingClientRect().top;
    const target = rt.offsetTop - offset;
    if (Math.abs(t.scrollTop - target) < 1) return;
    ignore.current = to;
    setScrollTop(t, target);
  };

  const onScroll = (side: Side) => () => {
    if (ignore.current === side) {
      ignore.current = null;
      return;
    }
    const el = cols[side].current!;
    const top = el.getBoundingClientRect().top;
    const rows = el.querySelectorAll<HTMLElement>('[data-row]');
    for (const r of rows) {
      const box = r.getBoundingClientRect();
      if (box.bottom > top) {
        const other: Side = side === 'a' ? 'b' : 'a';
        const t = cols[other].current!;
        const rt = t.querySelector<HTMLElement>(`[data-row="${r.dataset.row}"]`);
        if (!rt) return;
        const fraction = (top - box.top) / Math.max(1, box.height);
        const target = rt.offsetTop + fraction * rt.offsetHeight;
        if (Math.abs(t.scrollTop - target) >= 1) {
          ignore.current = other;
          setScrollTop(t, target);
        }
        return;
      }
    }
  };

  const select = (side: Side, index: number) => {
    setActive(index);
    level(side, side === 'a' ? 'b' : 'a', index);
  };

  /** Where an article too long to compare whole was cut (CompareResult.truncated). */
  const cutNote = (art: CompareArticle) => {
    const cut = result.truncated?.find((t) => t.article === art.id);
    if (!cut) return null;
    const rest = Math.max(1, Math.round(100 - (cut.end / Math.max(1, cut.length)) * 100));
    return (
      <p className="align-cut" role="note">
        The comparison stops here: the rest of {art.label} (about {rest}% of its text) was not compared.
      </p>
    );
  };

  const column = (side: Side, art: CompareArticle, other: CompareArticle) => (
    <div ref={cols[side]} className="align-column" onScroll={onScroll(side)} role="region" aria-label={`${art.label} column`} tabIndex={0}>
      {pair.rows.map((row, i) => {
        const idx = side === 'a' ? row.a : row.b;
        return (
          <div
            key={i}
            data-row={i}
            className={`align-row${active === i ? ' align-row--active' : ''}${row.a !== null && row.b !== null ? ' align-row--pair' : ''}`}
            onClick={() => idx !== null && select(side, i)}
          >
            <Cell
              article={art}
              other={other}
              sentence={idx === null ? null : art.sentences[idx]!}
              row={row}
              side={side}
              conflicts={conflicts}
            />
          </div>
        );
      })}
      {cutNote(art)}
    </div>
  );

  return (
    <section className="aligned" aria-label="Aligned reading">
      <p className="aligned__summary">
        {pair.matched} sentence pair(s) report the same thing; {pair.uniqueA} only in {a.label}, {pair.uniqueB} only in {b.label}.{' '}
        <span className="legend">
          <mark className="mark--diff">different words</mark> <mark className="mark--variant">spelling variant</mark>
        </span>
      </p>
      <ConflictList conflicts={conflicts} articles={result.articles} />
      <div className="aligned__heads">
        <h3 title={a.title}>{a.label}</h3>
        <h3 title={b.title}>{b.label}</h3>
      </div>
      <div className="aligned__columns" ref={setWrap}>
        {column('a', a, b)}
        {column('b', b, a)}
        <SelectionToolbar
          container={wrap}
          columnOf={columnOf}
          bodyFor={(id) => bodies[id] ?? null}
          onAnnotate={(p) =>
            void annotateFromCompare(p).then(
              () =>
                onInfo(
                  `Highlighted “${p.exact.length > 60 ? `${p.exact.slice(0, 59)}…` : p.exact}”. Ctrl+Z undoes it; add a note in the reader or in All annotations.`,
                ),
              (e: Error) => onInfo(e.message),
            )
          }
        />
      </div>
    </section>
  );
}
