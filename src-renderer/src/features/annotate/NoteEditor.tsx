import { useId, useState } from 'react';

type Props = { initial: string; onSave: (note: string) => void | Promise<void>; onCancel: () => void };

/** A Markdown note: Ctrl+Enter (or Save) saves, Escape cancels. */
export function NoteEditor({ initial, onSave, onCancel }: Props) {
  const id = useId();
  const [draft, setDraft] = useState(initial);
  return (
    <form
      className="note-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void onSave(draft);
      }}
    >
      <label htmlFor={id} className="note-editor__label">
        Note (Markdown)
      </label>
      <textarea
        id={id}
        className="input note-editor__text"
        value={draft}
        dir="auto"
        autoFocus
        rows={4}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void onSave(draft);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            onCancel();
          }
        }}
      />
      <div className="note-editor__actions">
        <span className="note-editor__hint">Ctrl+Enter saves · Esc cancels</span>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button--primary">
          Save note
        </button>
      </div>
    </form>
  );
}
