import '../../styles/verdicts.css';
import { useCallback, useEffect, useId, useState } from 'react';
import type { VerdictListResult } from '@contract';
import { verdictSorts } from '@shared/verdicts';
import type { ViewProps } from '../../app/views';
import { routeHash } from '../../app/use-route';
import { call, subscribe } from '../../api/client';
import { downloadExport } from '../export/download';
import { RatingsDialog } from './RatingsDialog';
import { VerdictBadge } from './VerdictEditor';
import { useRatings } from './use-ratings';

type Sort = (typeof verdictSorts)[number];
const sortLabels: Record<Sort, string> = { rating: 'Rating (truest first)', decided: 'Newest verdict first', article: 'Article' };

/**
 * Every verdict of the notebook, filtered by rating and sorted; each opens its passage. From here the
 * verdicts are exported as schema.org ClaimReview JSON-LD (the markup fact-checkers publish).
 */
export function VerdictsView({ route, navigate, notify }: ViewProps) {
  const id = useId();
  const ratings = useRatings();
  const [rating, setRating] = useState(route.params.get('rating') ?? '');
  const [sort, setSort] = useState<Sort>((route.params.get('sort') as Sort) ?? 'rating');
  const [result, setResult] = useState<VerdictListResult | null>(null);
  const [pageUrl, setPageUrl] = useState('');
  const [author, setAuthor] = useState('');
  const [editing, setEditing] = useState(false);
  const onError = useCallback((m: string) => void notify('error', m), [notify]);

  const load = useCallback(
    () => call('verdicts.list', { rating: rating || undefined, sort }).then(setResult, (e: Error) => onError(e.message)),
    [rating, sort, onError],
  );
  // A rating removed from the list no longer filters the view.
  useEffect(() => {
    if (rating && !ratings.some((r) => r.id === rating)) setRating('');
  }, [rating, ratings]);
  useEffect(() => {
    void load();
    window.history.replaceState(null, '', routeHash('verdicts', [], { ...(rating ? { rating } : {}), ...(sort !== 'rating' ? { sort } : {}) }));
    return subscribe('notebook.changed', () => void load());
  }, [load, rating, sort]);

  const exportClaimReview = async () => {
    try {
      const file = await call('export.run', {
        format: 'claimreview',
        options: { claimReview: { pageUrl: pageUrl.trim() || undefined, authorName: author.trim() || undefined } },
      });
      downloadExport(file);
      notify('info', `Exported ${file.fileName}`);
    } catch (e) {
      onError((e as Error).message);
    }
  };

  return (
    <section className="view verdicts-view" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`} className="view__title">
        Verdicts
      </h1>
      <div className="verdicts-view__filters" role="group" aria-label="Filter and sort verdicts">
        <label htmlFor={`${id}-rating`}>Rating</label>
        <select id={`${id}-rating`} value={rating} onChange={(e) => setRating(e.target.value)}>
          <option value="">All ratings{result ? ` (${Object.values(result.counts).reduce((a, b) => a + b, 0)})` : ''}</option>
          {ratings.map((r) => (
            <option key={r.id} value={r.id}>
              {r.label}
              {result ? ` (${result.counts[r.id] ?? 0})` : ''}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-sort`}>Sort</label>
        <select id={`${id}-sort`} value={sort} onChange={(e) => setSort(e.target.value as Sort)}>
          {verdictSorts.map((s) => (
            <option key={s} value={s}>
              {sortLabels[s]}
            </option>
          ))}
        </select>
        <button type="button" className="button" onClick={() => setEditing(true)}>
          Edit ratings…
        </button>
      </div>
      {/* Mounted only while open, so its fields never join the view's own labels (Rating, Sort). */}
      {editing && (
        <RatingsDialog
          open
          ratings={ratings}
          counts={result?.counts ?? {}}
          onClose={() => setEditing(false)}
          onSaved={() => notify('success', 'Ratings saved. Ctrl+Z undoes the change.')}
        />
      )}
      <p className="verdicts-view__count" role="status">
        {result ? `${result.total} verdict(s)` : 'Loading…'}
      </p>
      <ul className="verdicts-view__list" aria-label="Verdicts">
        {result?.items.map((v) => (
          <li key={v.id} className="verdict-row" data-annotation-id={v.id}>
            <button
              type="button"
              className="verdict-row__claim"
              dir="auto"
              onClick={() => navigate(routeHash('library', [v.articleId], { annotation: v.id }))}
              title="Show the passage in its article"
            >
              <q>{v.verdict.claim ?? v.quote.exact}</q>
            </button>
            <p className="verdict-row__article">
              {v.article.outlet ?? 'Unknown outlet'} · <bdi>{v.article.title}</bdi>
            </p>
            <VerdictBadge verdict={v.verdict} ratings={ratings} />
          </li>
        ))}
      </ul>
      <form
        className="verdicts-view__export"
        aria-label="Export verdicts as ClaimReview"
        onSubmit={(e) => {
          e.preventDefault();
          void exportClaimReview();
        }}
      >
        <h2>Export as ClaimReview</h2>
        <label htmlFor={`${id}-page`}>Page the fact-checks are published on (http or https)</label>
        <input id={`${id}-page`} type="url" value={pageUrl} onChange={(e) => setPageUrl(e.target.value)} placeholder="https://" />
        <label htmlFor={`${id}-author`}>Published by (optional)</label>
        <input id={`${id}-author`} type="text" value={author} onChange={(e) => setAuthor(e.target.value)} />
        <button type="submit" className="button button--primary">
          Export ClaimReview JSON-LD
        </button>
      </form>
    </section>
  );
}
