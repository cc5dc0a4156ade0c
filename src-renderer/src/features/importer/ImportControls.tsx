import { useRef, useState } from 'react';
import type { PickedFile } from './read-files';
import { IMPORTABLE, IMPORT_ACCEPT } from './read-files';
import { WebAddressDialog } from './WebAddressDialog';

type Props = {
  onFiles: (files: PickedFile[]) => void;
  busy: boolean;
  /** An article imported from a web address (or already in the notebook): open it. */
  onImported: (id: string, title: string, duplicate: boolean) => void;
};

const fromInput = (list: FileList | null, onlyText: boolean): PickedFile[] =>
  [...(list ?? [])]
    .filter((f) => !onlyText || IMPORTABLE.test(f.name))
    .map((file) => ({ name: file.webkitRelativePath || file.name, file }));

/**
 * "Import files…" and "Import folder…" (the browser's own pickers, which work the same on the desktop), and
 * "From web address…", which fetches one page or PDF.
 */
export function ImportControls({ onFiles, busy, onImported }: Props) {
  const filesRef = useRef<HTMLInputElement>(null);
  const folderRef = useRef<HTMLInputElement>(null);
  const [addressOpen, setAddressOpen] = useState(false);
  return (
    <div className="import-controls">
      <button type="button" className="button button--primary" onClick={() => filesRef.current?.click()} disabled={busy}>
        Import files…
      </button>
      <button type="button" className="button" onClick={() => folderRef.current?.click()} disabled={busy}>
        Import folder…
      </button>
      <button type="button" className="button" onClick={() => setAddressOpen(true)} disabled={busy}>
        From web address…
      </button>
      <WebAddressDialog open={addressOpen} onClose={() => setAddressOpen(false)} onImported={onImported} />
      <input
        ref={filesRef}
        type="file"
        multiple
        accept={IMPORT_ACCEPT}
        className="visually-hidden"
        tabIndex={-1}
        aria-label="Choose files to import (text, web pages, Markdown, annotations, backups)"
        data-testid="import-files-input"
        onChange={(e) => {
          onFiles(fromInput(e.target.files, false));
          e.target.value = '';
        }}
      />
      <input
        ref={folderRef}
        type="file"
        className="visually-hidden"
        tabIndex={-1}
        aria-label="Choose a folder to import"
        // @ts-expect-error: webkitdirectory is a non-standard attribute every Chromium supports
        webkitdirectory=""
        onChange={(e) => {
          onFiles(fromInput(e.target.files, true));
          e.target.value = '';
        }}
      />
    </div>
  );
}
