import { useEffect, useId, useRef, useState } from 'react';
import { call } from '../../api/client';
import type { Notify } from '../../app/use-notices';

type Props = {
  /** Text to start with (from Ctrl/Cmd+V on the library), or null when closed. */
  initial: string | null;
  onClose: () => void;
  onImported: (id: string) => void;
  notify: Notify;
};

/** "Paste as new article": a text box (and an optional title) saved through the same import as files. */
export function PasteDialog({ initial, onClose, onImported, notify }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState('');
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const textId = useId();
  const titleId = useId();

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (initial !== null && !d.open) {
      setText(initial);
      setTitle('');
      setError(null);
      d.showModal();
    } else if (initial === null && d.open) d.close();
  }, [initial]);

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await call('articles.importText', { text, ...(title.trim() ? { title: title.trim() } : {}) });
      if (r.imported[0]) {
        notify('success', `Added “${r.imported[0].title}”.`);
        onImported(r.imported[0].id);
        onClose();
      } else if (r.duplicates[0]) setError('This text is already in the notebook.');
      else setError(r.errors[0]?.message ?? 'The text could not be imported.');
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={`${titleId}-h`} onClose={onClose}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <h2 id={`${titleId}-h`}>Paste as new article</h2>
        <label htmlFor={titleId}>Title (optional; otherwise the first line)</label>
        <input id={titleId} className="input" value={title} onChange={(e) => setTitle(e.target.value)} />
        <label htmlFor={textId}>Article text</label>
        <textarea id={textId} className="input dialog__text" rows={14} value={text} onChange={(e) => setText(e.target.value)} required />
        {error && (
          <p className="dialog__error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={busy || !text.trim()}>
            {busy ? 'Adding…' : 'Add article'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
