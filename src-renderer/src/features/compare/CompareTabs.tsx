import { useState } from 'react';
import type { Notify } from '../../app/use-notices';
import { routeHash } from '../../app/use-route';
import { AlignedReading } from './AlignedReading';
import { AlignedReadingColumns } from './AlignedReadingColumns';
import { CoverageMatrix } from './CoverageMatrix';
import { EntitiesTable } from './EntitiesTable';
import { ExportMenu } from './ExportMenu';
import { QuotesTable } from './QuotesTable';
import { useCompare } from './use-compare';

type Tab = 'aligned' | 'columns' | 'matrix' | 'quotes' | 'names';

/** The comparison of `ids`: aligned reading (two articles, or columns of several), coverage matrix, quotes, names and conflicts. */
/** What each step of the comparison is doing, as the progress line says it. */
const stageWords: Record<string, string> = {
  sentences: 'Splitting into sentences',
  entities: 'Grouping names',
  similarity: 'Finding similar sentences',
  alignment: 'Aligning',
  claims: 'Clustering claims',
  quotes: 'Matching quotes',
  conflicts: 'Looking for conflicts',
};

/**
 * The tab keys of the WAI-ARIA tabs pattern: one tab in the Tab order, arrows (and Home / End) move between
 * tabs and open the one reached.
 */
function onTabKey(e: React.KeyboardEvent, tabs: Array<[Tab, string]>, current: Tab, setTab: (t: Tab) => void) {
  const at = tabs.findIndex(([t]) => t === current);
  const to =
    e.key === 'ArrowRight'
      ? (at + 1) % tabs.length
      : e.key === 'ArrowLeft'
        ? (at - 1 + tabs.length) % tabs.length
        : e.key === 'Home'
          ? 0
          : e.key === 'End'
            ? tabs.length - 1
            : -1;
  if (to < 0) return;
  e.preventDefault();
  const next = tabs[to]![0];
  setTab(next);
  requestAnimationFrame(() => document.getElementById(`compare-tab-${next}`)?.focus());
}

export function CompareTabs({ ids, notify }: { ids: string[]; notify: Notify }) {
  const { result, error, cancelled, progress, running, cancel, retry } = useCompare(ids);
  const two = ids.length === 2;
  const [tab, setTab] = useState<Tab>(two ? 'aligned' : 'matrix');
  const [cancelling, setCancelling] = useState(false);
  if (error || cancelled)
    return (
      <div className="compare-stopped">
        <p className="empty-state" role={error ? 'alert' : 'status'}>
          {error ?? cancelled}
        </p>
        <p className="compare-stopped__actions">
          <button
            type="button"
            className="button"
            onClick={() => {
              setCancelling(false);
              retry();
            }}
          >
            Compare again
          </button>{' '}
          <a href={routeHash('compare')}>Choose other articles</a>
        </p>
      </div>
    );
  if (!result)
    return (
      <div className="compare-progress" role="status">
        <p>Comparing {ids.length} articles…</p>
        {progress && (
          <>
            <progress max={progress.total} value={progress.done} aria-label="Comparison progress" />
            <span>
              {stageWords[progress.stage] ?? progress.stage} {progress.done}/{progress.total}
            </span>
          </>
        )}
        <button
          type="button"
          className="button compare-progress__cancel"
          disabled={!running || cancelling}
          onClick={() => {
            setCancelling(true);
            cancel();
          }}
        >
          {cancelling ? 'Cancelling…' : 'Cancel'}
        </button>
      </div>
    );
  const tabs: Array<[Tab, string]> = [
    ...(result.articles.length === 2 ? ([['aligned', 'Aligned reading']] as Array<[Tab, string]>) : []),
    ['matrix', 'Coverage matrix'],
    ...(result.articles.length > 2 ? ([['columns', 'Columns']] as Array<[Tab, string]>) : []),
    ['quotes', `Quotes (${result.quotes.length})`],
    ['names', `Names & conflicts (${result.conflicts.length})`],
  ];
  const current = tabs.some(([t]) => t === tab) ? tab : 'matrix';
  return (
    <div className="compare-tabs">
      {result.notices.map((n) => (
        <p key={n} className="notice" role="note">
          {n}
        </p>
      ))}
      <div className="compare-tabs__bar">
        <div role="tablist" aria-label="Comparison" onKeyDown={(e) => onTabKey(e, tabs, current, setTab)}>
          {tabs.map(([t, label]) => (
            <button
              key={t}
              id={`compare-tab-${t}`}
              type="button"
              role="tab"
              aria-selected={current === t}
              aria-controls="compare-tabpanel"
              tabIndex={current === t ? 0 : -1}
              className="tab"
              onClick={() => setTab(t)}
            >
              {label}
            </button>
          ))}
        </div>
        <ExportMenu ids={ids} onError={(m) => notify('error', m)} />
      </div>
      <div role="tabpanel" id="compare-tabpanel" aria-labelledby={`compare-tab-${current}`} className="compare-tabs__panel">
        {current === 'aligned' && <AlignedReading result={result} onInfo={(m) => notify('info', m)} />}
        {current === 'columns' && <AlignedReadingColumns result={result} onInfo={(m) => notify('info', m)} />}
        {current === 'matrix' && <CoverageMatrix result={result} />}
        {current === 'quotes' && <QuotesTable result={result} />}
        {current === 'names' && <EntitiesTable result={result} />}
      </div>
    </div>
  );
}
