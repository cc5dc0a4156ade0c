import { useState } from 'react';
import Markdown from 'react-markdown';
import type { Components } from 'react-markdown';

/** Beyond this many characters a note is shown cut, with a button for the rest: a 1 MB note must not freeze the panel. */
const PREVIEW_LIMIT = 4000;

type MdNode = { type: string; value?: string; children?: MdNode[] };

/** Raw HTML in a note is shown as the characters the user typed, never parsed: nothing in a note can run. */
function htmlAsText() {
  const walk = (node: MdNode) => {
    if (node.type === 'html') node.type = 'text';
    node.children?.forEach(walk);
  };
  return (tree: MdNode) => walk(tree);
}

const components: Components = {
  // Links open outside the app (the desktop shell denies new windows; web mode opens a tab without opener).
  a: ({ href, children }) => (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  ),
};

/**
 * A note's Markdown, rendered to React elements (react-markdown): no raw HTML, `javascript:` links dropped by
 * its URL check, and images shown as their alt text so nothing is fetched.
 */
export function NoteView({ note }: { note: string }) {
  const [all, setAll] = useState(false);
  const long = note.length > PREVIEW_LIMIT;
  const text = long && !all ? `${note.slice(0, PREVIEW_LIMIT)}…` : note;
  return (
    <div className="note-view" dir="auto">
      <Markdown remarkPlugins={[htmlAsText]} disallowedElements={['img']} unwrapDisallowed components={components}>
        {text}
      </Markdown>
      {long && (
        <button type="button" className="link-button" onClick={() => setAll((v) => !v)}>
          {all ? 'Show less' : `Show the whole note (${note.length.toLocaleString()} characters)`}
        </button>
      )}
    </div>
  );
}
