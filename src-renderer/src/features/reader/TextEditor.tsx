import '../../styles/text-edit.css';
import { useEffect, useId, useRef, useState } from 'react';

type Props = {
  initial: string;
  busy: boolean;
  error: string | null;
  onSave: (raw: string) => void | Promise<void>;
  onCancel: () => void;
};

/**
 * The article's source text in a text box, in place of the reader body. Ctrl/Cmd+Enter saves, Escape
 * cancels; leaving with unsaved changes asks first (in the page, and before the window closes).
 */
export function TextEditor({ initial, busy, error, onSave, onCancel }: Props) {
  const id = useId();
  const hintId = useId();
  const askId = useId();
  const [draft, setDraft] = useState(initial);
  const [confirming, setConfirming] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const dirty = draft !== initial;

  useEffect(() => {
    box.current?.focus();
    box.current?.setSelectionRange(0, 0);
    box.current?.scrollTo(0, 0);
  }, []);
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  useEffect(() => {
    if (confirming) keep.current?.focus();
  }, [confirming]);

  const requestCancel = () => (dirty ? setConfirming(true) : onCancel());
  const keepEditing = () => {
    setConfirming(false);
    requestAnimationFrame(() => box.current?.focus());
  };
  const save = () => {
    if (!busy && draft.trim()) void onSave(draft);
  };

  return (
    <form
      className="text-editor"
      aria-label="Text editor"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <label htmlFor={id} className="text-editor__label">
        Article text
      </label>
      <p id={hintId} className="text-editor__hint">
        The source text as imported, boilerplate included. Annotations are found again after saving: kept, moved, or orphaned (kept with
        their quote).
      </p>
      <textarea
        id={id}
        ref={box}
        className="input text-editor__text"
        aria-describedby={hintId}
        value={draft}
        dir="auto"
        spellCheck
        readOnly={busy}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            save();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            requestCancel();
          }
        }}
      />
      {error && (
        <p className="text-editor__error" role="alert">
          {error}
        </p>
      )}
      {confirming ? (
        <div className="text-editor__confirm" role="group" aria-labelledby={askId}>
          <span id={askId} role="alert">
            Discard your changes to the text?
          </span>
          <button type="button" className="button button--danger" onClick={onCancel}>
            Discard changes
          </button>
          <button
            type="button"
            ref={keep}
            className="button"
            onClick={keepEditing}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault();
                e.stopPropagation();
                keepEditing();
              }
            }}
          >
            Keep editing
          </button>
        </div>
      ) : (
        <div className="text-editor__actions">
          <span className="text-editor__keys">Ctrl+Enter saves · Esc cancels</span>
          <button type="button" className="button" onClick={requestCancel}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={busy || !draft.trim()}>
            {busy ? 'Saving…' : 'Save text'}
          </button>
        </div>
      )}
    </form>
  );
}
