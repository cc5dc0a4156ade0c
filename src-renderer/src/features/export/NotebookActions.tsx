import { useCallback, useEffect, useState } from 'react';
import type { Notify } from '../../app/use-notices';
import { PasteDialog } from '../importer/PasteDialog';
import { ConnectBrowser } from '../extension/ConnectBrowser';
import { SyncDialog } from '../sync/SyncDialog';
import { ExportDialog } from './ExportDialog';

const typing = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

type Props = { currentArticleId: string | null; notify: Notify; onImported: (id: string) => void };

/**
 * "Paste as new article…" and "Export…" in the sidebar. Ctrl/Cmd+V with nothing focused (or the library list
 * focused) opens the paste dialog with the clipboard's text, so pasting an article is one key away.
 */
export function NotebookActions({ currentArticleId, notify, onImported }: Props) {
  const [paste, setPaste] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const closePaste = useCallback(() => setPaste(null), []);

  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      if (typing(e.target) || document.querySelector('dialog[open]')) return;
      const target = e.target as HTMLElement | null;
      if (target && target !== document.body && !target.closest('.library')) return;
      const text = e.clipboardData?.getData('text/plain') ?? '';
      if (!text.trim()) return;
      e.preventDefault();
      setPaste(text);
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, []);

  return (
    <div className="sidebar__actions">
      <button type="button" className="button" onClick={() => setPaste('')}>
        Paste as new article…
      </button>
      <button type="button" className="button" onClick={() => setExporting(true)}>
        Export…
      </button>
      <ConnectBrowser />
      <SyncDialog notify={notify} />
      <PasteDialog initial={paste} onClose={closePaste} onImported={onImported} notify={notify} />
      <ExportDialog open={exporting} onClose={() => setExporting(false)} currentArticleId={currentArticleId} notify={notify} />
    </div>
  );
}
