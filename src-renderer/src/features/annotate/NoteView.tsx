import { useMemo, useState } from 'react';
import { noteTree } from '@shared/note-markdown';
import { noteElements } from './note-elements';

/** Beyond this many characters a note is shown cut, with a button for the rest: a 1 MB note must not freeze the panel. */
const PREVIEW_LIMIT = 4000;

/**
 * A note's Markdown, read once for the app and the HTML report alike (src-shared/note-markdown.ts): GFM
 * tables and line breaks, raw HTML shown as typed, only http(s) and mailto links, images as their alt text
 * so nothing is fetched.
 */
export function NoteView({ note }: { note: string }) {
  const [all, setAll] = useState(false);
  const long = note.length > PREVIEW_LIMIT;
  const text = long && !all ? `${note.slice(0, PREVIEW_LIMIT)}…` : note;
  const content = useMemo(() => noteElements(noteTree(text)), [text]);
  return (
    <div className="note-view" dir="auto">
      {content}
      {long && (
        <button type="button" className="link-button" onClick={() => setAll((v) => !v)}>
          {all ? 'Show less' : `Show the whole note (${note.length.toLocaleString()} characters)`}
        </button>
      )}
    </div>
  );
}
