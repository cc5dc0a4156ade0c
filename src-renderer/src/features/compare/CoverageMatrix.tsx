import { useMemo, useState } from 'react';
import type { Claim, CompareArticle, CompareResult, Passage } from '@contract';
import { filterEntities, matrixRows, noFilter } from './coverage-rows';
import type { MatrixFilter } from './coverage-rows';
import { PassagePanel } from './PassagePanel';
import { RowVerdictButton } from '../verdicts/RowVerdictButton';

const PAGE = 200;

/** One claim: its count and label, then a cell per outlet (filled when the outlet carries it). */
function ClaimRow({
  c,
  articles,
  open,
  onOpen,
}: {
  c: Claim;
  articles: CompareArticle[];
  open: Passage | null;
  onOpen: (p: Passage) => void;
}) {
  return (
    <tr className={c.unique ? 'matrix__row--unique' : undefined}>
      <th scope="row" className="matrix__claim" dir="auto">
        <span className="matrix__count" title={`${c.count} outlet(s)`}>
          {c.count}
        </span>
        {c.unique && <span className="align-badge">unique</span>} {c.label} <RowVerdictButton claim={c} />
      </th>
      {articles.map((a) => {
        const p = c.passages.find((x) => x.article === a.id);
        return (
          <td key={a.id} className="matrix__cell">
            {p ? (
              <button
                type="button"
                className={`matrix__dot${open === p ? ' matrix__dot--open' : ''}`}
                aria-label={`${a.label}: ${p.text}`}
                title={p.text}
                onClick={() => onOpen(p)}
              >
                ●
              </button>
            ) : (
              <span className="visually-hidden">not in {a.label}</span>
            )}
          </td>
        );
      })}
    </tr>
  );
}

/** "Show n more" under a list cut at a page. */
function More({ total, shown, onMore }: { total: number; shown: number; onMore: () => void }) {
  if (total <= shown) return null;
  return (
    <button type="button" className="button matrix__more" onClick={onMore}>
      Show {Math.min(PAGE, total - shown)} more claims
    </button>
  );
}

/**
 * Rows are claims (sentences clustered across articles); columns are outlets, each with how many claims it
 * carries. What outlets share comes first, most widely carried on top; each outlet's own claims follow in a
 * group of their own, folded until opened. Filters keep the claims naming one entity or in a conflict. A
 * filled cell opens the passage beside the matrix.
 */
export function CoverageMatrix({ result }: { result: CompareResult }) {
  const [open, setOpen] = useState<Passage | null>(null);
  const [shown, setShown] = useState(PAGE);
  const [filter, setFilter] = useState<MatrixFilter>(noFilter);
  const [unfolded, setUnfolded] = useState<Record<string, number>>({});
  const { articles } = result;
  const rows = useMemo(() => matrixRows(result, filter), [result, filter]);
  const entities = useMemo(() => filterEntities(result), [result]);
  const cols = articles.length + 1;
  return (
    <div className="matrix-wrap">
      <div className="matrix-scroll">
        <p className="aligned__summary">
          {rows.total} claim(s); {result.claims.filter((c) => c.count > 1).length} carried by more than one outlet, shown first. Each
          outlet’s own claims are grouped below it.
        </p>
        <div className="matrix-filters" role="group" aria-label="Filter claims">
          <label>
            Names{' '}
            <select
              className="select"
              aria-label="Filter by name"
              value={filter.entity ?? ''}
              onChange={(e) => setFilter((f) => ({ ...f, entity: e.target.value || null }))}
            >
              <option value="">Any name</option>
              {entities.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name} ({e.articles.length} outlet{e.articles.length === 1 ? '' : 's'})
                </option>
              ))}
            </select>
          </label>
          <label>
            Conflicts{' '}
            <select
              className="select"
              aria-label="Filter by conflict"
              value={filter.conflict === null ? '' : String(filter.conflict)}
              onChange={(e) => {
                const v = e.target.value;
                setFilter((f) => ({ ...f, conflict: v === '' ? null : v === 'any' ? 'any' : Number(v) }));
              }}
            >
              <option value="">All claims</option>
              <option value="any">In any conflict</option>
              {result.conflicts.map((c, i) => (
                <option key={i} value={i}>
                  {c.description}
                </option>
              ))}
            </select>
          </label>
          {(filter.entity !== null || filter.conflict !== null) && (
            <>
              <span role="status" className="matrix-filters__count">
                {rows.shown} of {rows.total} claims
              </span>
              <button type="button" className="button" onClick={() => setFilter(noFilter)}>
                Clear filters
              </button>
            </>
          )}
        </div>
        <table className="matrix" aria-label="Coverage matrix">
          <thead>
            <tr>
              <th scope="col">Claim</th>
              {articles.map((a, i) => {
                const n = rows.counts[i]!;
                return (
                  <th key={a.id} scope="col" className="matrix__outlet" title={a.title}>
                    {a.label}
                    <span className="matrix__outlet-count">
                      {n.carried} claims, {n.shared} shared
                    </span>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.shown === 0 && (
              <tr>
                <td colSpan={cols} className="empty-state">
                  No claim matches these filters.
                </td>
              </tr>
            )}
            {rows.shared.slice(0, shown).map((c) => (
              <ClaimRow key={c.id} c={c} articles={articles} open={open} onOpen={setOpen} />
            ))}
          </tbody>
          {rows.single.map(({ article, claims }) => {
            const limit = unfolded[article.id] ?? 0;
            return (
              <tbody key={article.id} className="matrix__group" aria-label={`Only in ${article.label}`}>
                <tr>
                  <th scope="rowgroup" colSpan={cols} className="matrix__group-head">
                    <button
                      type="button"
                      className="button matrix__fold"
                      aria-expanded={limit > 0}
                      onClick={() => setUnfolded((u) => ({ ...u, [article.id]: limit > 0 ? 0 : PAGE }))}
                    >
                      <span aria-hidden="true">{limit > 0 ? '▾' : '▸'}</span> Only in {article.label} ({claims.length})
                    </button>
                  </th>
                </tr>
                {claims.slice(0, limit).map((c) => (
                  <ClaimRow key={c.id} c={c} articles={articles} open={open} onOpen={setOpen} />
                ))}
                {limit > 0 && claims.length > limit && (
                  <tr>
                    <td colSpan={cols}>
                      <More total={claims.length} shown={limit} onMore={() => setUnfolded((u) => ({ ...u, [article.id]: limit + PAGE }))} />
                    </td>
                  </tr>
                )}
              </tbody>
            );
          })}
        </table>
        <More total={rows.shared.length} shown={shown} onMore={() => setShown((n) => n + PAGE)} />
      </div>
      {open && (
        <PassagePanel passage={open} label={articles.find((a) => a.id === open.article)?.label ?? ''} onClose={() => setOpen(null)} />
      )}
    </div>
  );
}
