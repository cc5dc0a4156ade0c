import { useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { Rating } from '@contract';
import { useBusyTask } from '../../lib/busy-task';
import { Dialog } from '../../ui/Dialog';
import type { RatingsDraft } from './rating-draft';
import { draftOf, keepRating, moveRow, ratingsEdit, removeRow } from './rating-draft';
import { saveRatings } from './verdict-actions';

type Props = {
  open: boolean;
  ratings: Rating[];
  /** Verdicts per rating over the whole notebook: a removed rating with any needs a rating to move them to. */
  counts: Readonly<Record<string, number>>;
  onClose: () => void;
  onSaved: () => void;
};

const verdictCount = (n: number) => `${n} verdict${n === 1 ? '' : 's'}`;

/**
 * "Edit ratings…": the notebook's list of ratings, in order (the order of every rating menu, and of
 * ratings off the scale when sorting truest first). Rename a rating, set its place on the truthfulness
 * scale (1–100; empty: off the scale), move it with the buttons or Alt+↑/↓, remove it (its verdicts move to
 * the rating chosen), add one. Saved as one edit, which Ctrl+Z undoes.
 */
export function RatingsDialog({ open, ratings, counts, onClose, onSaved }: Props) {
  const id = useId();
  const [draft, setDraft] = useState<RatingsDraft>(() => draftOf(ratings));
  const [newLabel, setNewLabel] = useState('');
  const [announce, setAnnounce] = useState('');
  const added = useRef(0);
  const dialogRef = useRef<HTMLDivElement>(null);
  const { busy, error, setError, run } = useBusyTask();

  /** Keep focus on the control the user was on, wherever its row went (or on another when it is gone). */
  const focusLater = (selector: string) =>
    requestAnimationFrame(() => dialogRef.current?.querySelector<HTMLElement>(selector)?.focus());
  const rowPart = (key: string, part: string) => `[data-row="${CSS.escape(key)}"] [data-part="${part}"]`;

  const move = (index: number, by: number, part: string) => {
    const row = draft.rows[index];
    const to = index + by;
    if (!row || to < 0 || to >= draft.rows.length) return;
    setDraft(moveRow(draft, index, by));
    setAnnounce(`${row.label || 'The new rating'} moved to place ${to + 1} of ${draft.rows.length}`);
    focusLater(rowPart(row.key, part));
  };

  const remove = (key: string) => {
    const row = draft.rows.find((r) => r.key === key);
    setDraft(removeRow(draft, key, ratings));
    const used = row?.id ? (counts[row.id] ?? 0) : 0;
    setAnnounce(`${row?.label ?? 'The rating'} removed${used ? `; choose the rating its ${verdictCount(used)} move to` : ''}`);
    focusLater(used ? `[data-removed="${CSS.escape(row!.id!)}"] select` : `#${CSS.escape(`${id}-new`)}`);
  };

  const add = () => {
    const label = newLabel.trim();
    if (!label) return;
    const key = `new-${++added.current}`;
    setDraft({ ...draft, rows: [...draft.rows, { key, id: null, label, value: '' }] });
    setNewLabel('');
    setAnnounce(`${label} added at place ${draft.rows.length + 1}`);
  };

  const onRowKey = (e: KeyboardEvent<HTMLLIElement>, index: number) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    move(index, e.key === 'ArrowUp' ? -1 : 1, (e.target as HTMLElement).dataset.part ?? 'label');
  };

  const save = () =>
    run(async () => {
      await saveRatings(ratings, ratingsEdit(draft, counts));
      onSaved();
      onClose();
    });

  const setRow = (key: string, patch: Partial<RatingsDraft['rows'][number]>) =>
    setDraft((d) => ({ ...d, rows: d.rows.map((r) => (r.key === key ? { ...r, ...patch } : r)) }));

  return (
    <Dialog
      title="Edit ratings"
      open={open}
      onOpen={() => {
        setDraft(draftOf(ratings));
        setNewLabel('');
        setAnnounce('');
        setError(null);
      }}
      onSubmit={() => void save()}
      onClose={onClose}
      submitLabel={busy ? 'Saving…' : 'Save ratings'}
      submitDisabled={busy || draft.rows.length === 0}
      error={error}
    >
      <div ref={dialogRef} className="ratings-editor">
        <p className="dialog__hint" id={`${id}-help`}>
          Higher values are truer (1–100); leave the value empty for a rating off the scale. Alt+↑ and Alt+↓ move the
          rating you are on. Search finds a rating&apos;s verdicts with the filter shown beside it.
        </p>
        <ol className="ratings-editor__list" aria-label="Ratings" aria-describedby={`${id}-help`}>
          {draft.rows.map((row, i) => {
            const name = row.label.trim() || `rating ${i + 1}`;
            const used = row.id ? (counts[row.id] ?? 0) : 0;
            return (
              <li key={row.key} className="ratings-editor__row" data-row={row.key} onKeyDown={(e) => onRowKey(e, i)}>
                <input
                  className="input"
                  data-part="label"
                  aria-label={`Label of rating ${i + 1}`}
                  value={row.label}
                  maxLength={60}
                  required
                  onChange={(e) => setRow(row.key, { label: e.target.value })}
                />
                <input
                  className="input ratings-editor__value"
                  data-part="value"
                  type="number"
                  min={1}
                  max={100}
                  step={1}
                  aria-label={`Scale value of rating ${i + 1}`}
                  value={row.value}
                  onChange={(e) => setRow(row.key, { value: e.target.value })}
                />
                <span className="ratings-editor__meta">
                  {row.id ? <code>verdict:{row.id}</code> : <em>new</em>}
                  {used > 0 && ` · ${verdictCount(used)}`}
                </span>
                <span className="ratings-editor__buttons">
                  <button type="button" className="button" data-part="up" aria-label={`Move ${name} up`} aria-disabled={i === 0} onClick={() => move(i, -1, 'up')}>
                    ↑
                  </button>
                  <button
                    type="button"
                    className="button"
                    data-part="down"
                    aria-label={`Move ${name} down`}
                    aria-disabled={i === draft.rows.length - 1}
                    onClick={() => move(i, 1, 'down')}
                  >
                    ↓
                  </button>
                  <button type="button" className="button button--danger" aria-label={`Remove ${name}`} onClick={() => remove(row.key)}>
                    Remove
                  </button>
                </span>
              </li>
            );
          })}
        </ol>
        <div className="ratings-editor__add">
          <label htmlFor={`${id}-new`}>New rating</label>
          <input
            id={`${id}-new`}
            className="input"
            value={newLabel}
            maxLength={60}
            onChange={(e) => setNewLabel(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault(); // Enter here adds the rating; it does not save the list
                add();
              }
            }}
          />
          <button type="button" className="button" onClick={add} disabled={!newLabel.trim()}>
            Add rating
          </button>
        </div>
        {draft.removed.length > 0 && (
          <fieldset className="dialog__group">
            <legend>Removed</legend>
            {draft.removed.map(({ rating, moveTo }) => {
              const used = counts[rating.id] ?? 0;
              return (
                <div key={rating.id} className="ratings-editor__removed" data-removed={rating.id}>
                  {used > 0 ? (
                    <>
                      <label htmlFor={`${id}-move-${rating.id}`}>
                        Move the {verdictCount(used)} rated {rating.label} to
                      </label>
                      <select
                        id={`${id}-move-${rating.id}`}
                        className="input"
                        value={moveTo}
                        required
                        onChange={(e) =>
                          setDraft((d) => ({ ...d, removed: d.removed.map((x) => (x.rating.id === rating.id ? { ...x, moveTo: e.target.value } : x)) }))
                        }
                      >
                        <option value="">Choose a rating…</option>
                        {draft.rows.map((r) => (
                          <option key={r.key} value={r.key}>
                            {r.label.trim() || '(no label)'}
                          </option>
                        ))}
                      </select>
                    </>
                  ) : (
                    <span>{rating.label} (no verdicts)</span>
                  )}
                  <button type="button" className="link-button" onClick={() => setDraft(keepRating(draft, rating.id))}>
                    Keep {rating.label}
                  </button>
                </div>
              );
            })}
          </fieldset>
        )}
        <p className="visually-hidden" role="status">
          {announce}
        </p>
      </div>
    </Dialog>
  );
}
