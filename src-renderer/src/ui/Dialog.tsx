import { useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';

type Props = {
  title: string;
  open: boolean;
  /** Runs when the form is submitted (Enter, or the submit button). */
  onSubmit: () => void;
  onClose: () => void;
  /** Runs each time the dialog opens, to reset its fields. */
  onOpen?: () => void;
  submitLabel: string;
  submitDisabled: boolean;
  progress?: string | null;
  error?: string | null;
  children: ReactNode;
};

/**
 * A modal form on the native <dialog> (focus stays inside, Escape closes, the page behind is inert): a
 * titled form, a progress line, an error line read out when it appears, and Cancel / submit buttons.
 */
export function Dialog({ title, open, onSubmit, onClose, onOpen, submitLabel, submitDisabled, progress, error, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const opened = useRef(onOpen);
  useEffect(() => void (opened.current = onOpen));

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      opened.current?.();
      d.showModal();
    } else if (!open && d.open) d.close();
  }, [open]);

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={headingId} onClose={onClose}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <h2 id={headingId}>{title}</h2>
        {children}
        {progress && (
          <p className="dialog__progress" role="status">
            {progress}
          </p>
        )}
        {error && (
          <p className="dialog__error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={submitDisabled}>
            {submitLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
