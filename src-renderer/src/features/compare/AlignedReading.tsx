import { useEffect, useMemo, useState } from 'react';
import type { AlignmentRow, CompareArticle, CompareResult, CompareSentence, Conflict } from '@contract';
import { call } from '../../api/client';
import type { TextMark } from '../../lib/text-marks';
import { MarkedText } from '../reader/MarkedText';
import { bandsOf } from './aligned-bands';
import { annotateFromCompare } from './annotate-hook';
import { ConflictList } from './ConflictList';
import { SelectionToolbar } from './SelectionToolbar';

type Side = 'a' | 'b';

function marksOf(row: AlignmentRow, side: Side): TextMark[] {
  const changes = side === 'a' ? row.changesA : row.changesB;
  const variants = side === 'a' ? row.variantsA : row.variantsB;
  return [
    ...changes.map(([start, end], i) => ({ start, end, kind: 'diff', id: `d${i}` })),
    ...variants.map(([start, end], i) => ({ start, end, kind: 'variant', id: `v${i}` })),
  ];
}

function Sentence({
  article,
  other,
  sentence,
  row,
  side,
  conflicts,
  active,
  onSelect,
}: {
  article: CompareArticle;
  other: CompareArticle;
  sentence: CompareSentence;
  row: AlignmentRow;
  side: Side;
  conflicts: Conflict[];
  active: boolean;
  onSelect: () => void;
}) {
  const unique = (side === 'a' ? row.b : row.a) === null;
  const flags = conflicts.filter((c) => c.forms.some((f) => sentence.text.includes(f)));
  return (
    <p
      className={`align-cell align-sentence${unique ? ' align-sentence--unique' : ''}${active ? ' align-sentence--active' : ''}`}
      dir="auto"
      lang={sentence.lang ?? undefined}
      data-article={article.id}
      data-kind={sentence.kind}
      onClick={onSelect}
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
 * Two articles in columns inside one scrolling area. The columns share their rows (CSS subgrid): a pair's
 * two sentences start on one line whatever the scroll position or the window's width, with no script
 * keeping them level. Sentences only one side has sit in place between the pairs, marked *unique*; the
 * other column leaves the space empty rather than filling it with a placeholder.
 */
export function AlignedReading({ result, onInfo }: { result: CompareResult; onInfo: (m: string) => void }) {
  const [a, b] = [result.articles[0]!, result.articles[1]!];
  const pair = result.alignment.pairs[0]!;
  const conflicts = result.conflicts.filter((c) => c.articles.includes(a.id) && c.articles.includes(b.id));
  const bands = useMemo(() => bandsOf(pair.rows), [pair.rows]);
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

  const sentenceOf = (side: Side, art: CompareArticle, other: CompareArticle, row: AlignmentRow, index: number) => {
    const idx = side === 'a' ? row.a : row.b;
    if (idx === null) return null;
    return (
      <Sentence
        key={index}
        article={art}
        other={other}
        sentence={art.sentences[idx]!}
        row={row}
        side={side}
        conflicts={conflicts}
        active={active === index}
        onSelect={() => setActive(index)}
      />
    );
  };

  const column = (side: Side, art: CompareArticle, other: CompareArticle) => (
    <div className="align-column" role="region" aria-label={`${art.label} column`} style={{ gridRow: `1 / span ${bands.length + 1}` }}>
      {bands.map((band, i) =>
        band.kind === 'pair' ? (
          <div key={i} data-row={band.index} className={`align-row align-row--pair${active === band.index ? ' align-row--active' : ''}`}>
            {sentenceOf(side, art, other, band.row, band.index)}
          </div>
        ) : (
          <div key={i} className="align-row align-row--unique">
            {band[side].map((u) => sentenceOf(side, art, other, u.row, u.index))}
          </div>
        ),
      )}
      <div className="align-row align-row--end">{cutNote(art)}</div>
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
      <div
        className="aligned__columns"
        ref={setWrap}
        tabIndex={0}
        role="group"
        aria-label="Both articles, pairs level"
        style={{ gridTemplateRows: `repeat(${bands.length + 1}, auto)` }}
      >
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
