import { useEffect, useRef } from 'react';
import type { TextEdit } from './use-text-edit';
import { REPLACE_ACCEPT } from './use-text-edit';

/** "Edit text" and "Replace from file…" in the reader's toolbar. */
export function TextEditActions({ edit }: { edit: TextEdit }) {
  const picker = useRef<HTMLInputElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  // When the editor closes (saved or cancelled), focus comes back to the button that opened it.
  useEffect(() => {
    if (wasEditing.current && !edit.editing) button.current?.focus();
    wasEditing.current = edit.editing;
  }, [edit.editing]);
  return (
    <span className="reader__edit-actions">
      <button type="button" ref={button} className="toggle" onClick={edit.start} disabled={edit.editing || edit.busy}>
        Edit text
      </button>
      <button type="button" className="toggle" onClick={() => picker.current?.click()} disabled={edit.busy}>
        Replace from file…
      </button>
      <input
        ref={picker}
        type="file"
        accept={REPLACE_ACCEPT}
        hidden
        aria-label="Choose a corrected copy of this article"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = ''; // choosing the same file again fires again
          if (file) void edit.replaceFromFile(file);
        }}
      />
    </span>
  );
}
