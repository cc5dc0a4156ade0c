import { useState } from 'react';
import type { CompareResult, Passage } from '@contract';
import { PassagePanel } from './PassagePanel';
import { RowVerdictButton } from '../verdicts/RowVerdictButton';

const PAGE = 200;

/**
 * Rows are claims (sentences clustered across articles), most widely carried first; columns are outlets.
 * A filled cell means the outlet carries the claim; clicking it opens the passage beside the matrix.
 */
export function CoverageMatrix({ result }: { result: CompareResult }) {
  const [open, setOpen] = useState<Passage | null>(null);
  const [shown, setShown] = useState(PAGE);
  const { articles, claims } = result;
  const shared = claims.filter((c) => c.count > 1).length;
  return (
    <div className="matrix-wrap">
      <div className="matrix-scroll">
        <p className="aligned__summary">
          {claims.length} claim(s); {shared} carried by more than one outlet. Unique claims are marked.
        </p>
        <table className="matrix" aria-label="Coverage matrix">
          <thead>
            <tr>
              <th scope="col">Claim</th>
              {articles.map((a) => (
                <th key={a.id} scope="col" className="matrix__outlet" title={a.title}>
                  {a.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {claims.slice(0, shown).map((c) => (
              <tr key={c.id} className={c.unique ? 'matrix__row--unique' : undefined}>
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
                          onClick={() => setOpen(p)}
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
            ))}
          </tbody>
        </table>
        {claims.length > shown && (
          <button type="button" className="toggle" onClick={() => setShown((n) => n + PAGE)}>
            Show {Math.min(PAGE, claims.length - shown)} more claims
          </button>
        )}
      </div>
      {open && (
        <PassagePanel passage={open} label={articles.find((a) => a.id === open.article)?.label ?? ''} onClose={() => setOpen(null)} />
      )}
    </div>
  );
}
