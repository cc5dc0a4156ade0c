import { useId, useState } from 'react';
import type { Rating, Verdict, VerdictInput } from '@contract';
import { parseSources, sourcesText } from './verdict-actions';

type Props = {
  ratings: Rating[];
  initial?: Verdict;
  /** The claim's words as the passage has them, shown as the placeholder of the claim field. */
  passage: string;
  onSave: (verdict: VerdictInput) => Promise<unknown>;
  onClear?: () => void;
  onCancel: () => void;
};

/**
 * A verdict on a claim: its rating, a short rationale, and the sources that settle it. A plain form, so
 * it works with the keyboard and a screen reader as it is; Escape cancels.
 */
export function VerdictEditor({ ratings, initial, passage, onSave, onClear, onCancel }: Props) {
  const id = useId();
  const [rating, setRating] = useState(initial?.rating ?? ratings[0]?.id ?? '');
  const [rationale, setRationale] = useState(initial?.rationale ?? '');
  const [claim, setClaim] = useState(initial?.claim ?? '');
  const [sources, setSources] = useState(sourcesText(initial?.sources ?? []));
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="verdict-editor"
      aria-label="Verdict"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        void onSave({ rating, rationale, claim: claim.trim() || null, sources: parseSources(sources) }).finally(() => setBusy(false));
      }}
    >
      <label htmlFor={`${id}-rating`}>Rating</label>
      <select id={`${id}-rating`} value={rating} onChange={(e) => setRating(e.target.value)} autoFocus>
        {ratings.map((r) => (
          <option key={r.id} value={r.id}>
            {r.label}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-claim`}>Claim (optional)</label>
      <input id={`${id}-claim`} type="text" value={claim} placeholder={passage.slice(0, 120)} onChange={(e) => setClaim(e.target.value)} />
      <label htmlFor={`${id}-rationale`}>Rationale</label>
      <textarea id={`${id}-rationale`} rows={3} value={rationale} onChange={(e) => setRationale(e.target.value)} />
      <label htmlFor={`${id}-sources`}>Sources, one a line: an article id or an http(s) address</label>
      <textarea id={`${id}-sources`} rows={2} value={sources} onChange={(e) => setSources(e.target.value)} />
      <div className="verdict-editor__actions">
        <button type="submit" className="button button--primary" disabled={busy || !rating}>
          Save verdict
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        {initial && onClear && (
          <button type="button" className="button button--danger" onClick={onClear}>
            Clear verdict
          </button>
        )}
      </div>
    </form>
  );
}

/** The verdict as a line under its passage: rating, rationale, how many sources. */
export function VerdictBadge({ verdict, ratings }: { verdict: Verdict; ratings: Rating[] }) {
  const label = ratings.find((r) => r.id === verdict.rating)?.label ?? verdict.rating;
  return (
    <div className="verdict-badge" data-rating={verdict.rating}>
      <strong>Verdict: {label}</strong>
      {verdict.claim && <span className="verdict-badge__claim"> · claim: {verdict.claim}</span>}
      {verdict.rationale && <p className="verdict-badge__rationale">{verdict.rationale}</p>}
      {verdict.sources.length > 0 && (
        <ul className="verdict-badge__sources" aria-label="Sources">
          {verdict.sources.map((s) => (
            <li key={s.kind === 'article' ? s.articleId : s.url}>
              {s.kind === 'article' ? (
                <a href={`#/article/${encodeURIComponent(s.articleId)}`}>Article {s.articleId}</a>
              ) : (
                <span className="verdict-badge__link">{s.title ? `${s.title} (${s.url})` : s.url}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
