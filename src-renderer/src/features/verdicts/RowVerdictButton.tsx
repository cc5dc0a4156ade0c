import { useState } from 'react';
import type { Claim } from '@contract';
import { VerdictEditor } from './VerdictEditor';
import { createVerdict } from './verdict-actions';
import { useRatings } from './use-ratings';

/**
 * A verdict on a coverage-matrix row: the row's claim, anchored to its first passage (so it survives the
 * comparison being run again), saved as a verdict naming the story when there is one.
 */
export function RowVerdictButton({ claim, story, onError }: { claim: Claim; story?: string; onError?: (m: string) => void }) {
  const ratings = useRatings();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(false);
  const passage = claim.passages[0];
  if (!passage) return null;
  return (
    <>
      <button
        type="button"
        className="link-button matrix__verdict"
        aria-expanded={open}
        aria-label={`Verdict on the claim: ${claim.label}`}
        onClick={() => setOpen((o) => !o)}
      >
        {done ? 'Verdict ✓' : 'Verdict'}
      </button>
      {open && (
        <VerdictEditor
          ratings={ratings}
          passage={claim.label}
          onCancel={() => setOpen(false)}
          onSave={(v) =>
            createVerdict({
              articleId: passage.article,
              target: { start: passage.start, end: passage.end },
              verdict: { ...v, claim: v.claim ?? claim.label, story: story ?? null },
            }).then(
              () => {
                setOpen(false);
                setDone(true);
              },
              (e: Error) => (onError ? onError(e.message) : undefined),
            )
          }
        />
      )}
    </>
  );
}
