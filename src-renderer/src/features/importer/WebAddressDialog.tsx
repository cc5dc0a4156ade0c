import { useId, useState } from 'react';
import { call } from '../../api/client';
import { useBusyTask } from '../../lib/busy-task';
import { Dialog } from '../../ui/Dialog';

type Props = {
  open: boolean;
  onClose: () => void;
  /** The article fetched (or the one already in the notebook), with its title for the notice. */
  onImported: (id: string, title: string, duplicate: boolean) => void;
};

/**
 * "From web address…": one field; Enter fetches the page (or PDF) and imports it as a saved page is, with its
 * address and a snapshot. While it fetches the field and button say so; a refusal (offline, not found, too
 * large, a redirect loop) is shown in the dialog and read out, and the notebook is unchanged.
 */
export function WebAddressDialog({ open, onClose, onImported }: Props) {
  const [url, setUrl] = useState('');
  const { busy, error, setError, run } = useBusyTask();
  const fieldId = useId();
  const hintId = useId();

  const fetchIt = async () => {
    if (busy || !url.trim()) return;
    await run(async () => {
      const r = await call('articles.importUrl', { url: url.trim() });
      onImported(r.id, r.title, r.duplicate);
      onClose();
    });
  };

  return (
    <Dialog
      title="Import from a web address"
      open={open}
      onOpen={() => {
        setUrl('');
        setError(null);
      }}
      onSubmit={() => void fetchIt()}
      onClose={onClose}
      submitLabel={busy ? 'Fetching…' : 'Fetch and import'}
      submitDisabled={busy || !url.trim()}
      progress={busy ? 'Fetching the page…' : null}
      error={error}
    >
      <label htmlFor={fieldId}>Web address</label>
      <input
        id={fieldId}
        className="input"
        type="text"
        inputMode="url"
        autoComplete="url"
        spellCheck={false}
        placeholder="https://…"
        value={url}
        onChange={(e) => setUrl(e.target.value)}
        aria-describedby={hintId}
        aria-busy={busy}
        readOnly={busy}
        autoFocus
      />
      <p id={hintId} className="dialog__hint">
        The page or PDF is fetched once (up to 20 MB), extracted like a saved page, and kept with its address as a snapshot.
      </p>
    </Dialog>
  );
}
