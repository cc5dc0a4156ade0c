import { useId, useState } from 'react';
import { call } from '../../api/client';
import type { Notify } from '../../app/use-notices';
import { useBusyTask } from '../../lib/busy-task';
import { Dialog } from '../../ui/Dialog';

type Props = {
  /** Text to start with (from Ctrl/Cmd+V on the library), or null when closed. */
  initial: string | null;
  onClose: () => void;
  onImported: (id: string) => void;
  notify: Notify;
};

/** "Paste as new article": a text box (and an optional title) saved through the same import as files. */
export function PasteDialog({ initial, onClose, onImported, notify }: Props) {
  const [text, setText] = useState('');
  const [title, setTitle] = useState('');
  const { busy, error, setError, run } = useBusyTask();
  const textId = useId();
  const titleId = useId();

  const save = () =>
    run(async () => {
      const r = await call('articles.importText', { text, ...(title.trim() ? { title: title.trim() } : {}) });
      if (r.imported[0]) {
        notify('success', `Added “${r.imported[0].title}”.`);
        onImported(r.imported[0].id);
        onClose();
      } else if (r.duplicates[0]) setError('This text is already in the notebook.');
      else setError(r.errors[0]?.message ?? 'The text could not be imported.');
    });

  return (
    <Dialog
      title="Paste as new article"
      open={initial !== null}
      onOpen={() => {
        setText(initial ?? '');
        setTitle('');
        setError(null);
      }}
      onSubmit={() => void save()}
      onClose={onClose}
      submitLabel={busy ? 'Adding…' : 'Add article'}
      submitDisabled={busy || !text.trim()}
      error={error}
    >
      <label htmlFor={titleId}>Title (optional; otherwise the first line)</label>
      <input id={titleId} className="input" value={title} onChange={(e) => setTitle(e.target.value)} />
      <label htmlFor={textId}>Article text</label>
      <textarea id={textId} className="input dialog__text" rows={14} value={text} onChange={(e) => setText(e.target.value)} required />
    </Dialog>
  );
}
