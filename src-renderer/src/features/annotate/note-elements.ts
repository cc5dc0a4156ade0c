import { createElement } from 'react';
import type { ReactNode } from 'react';
import type { NoteNode } from '@shared/note-markdown';
import { VOID_TAGS } from '@shared/note-markdown';

/**
 * A note's tree (src-shared/note-markdown.ts, the one the HTML report prints) as React elements: text is
 * text, never HTML, and the only attributes are the tree's. Links open outside the app (the desktop shell
 * denies new windows; web mode opens a tab without opener).
 */
export function noteElements(nodes: readonly NoteNode[]): ReactNode[] {
  return nodes.map((n, key) => {
    if (typeof n === 'string') return n;
    const props = { key, ...n.attrs, ...(n.tag === 'a' ? { target: '_blank', rel: 'noopener noreferrer' } : {}) };
    return VOID_TAGS.has(n.tag) ? createElement(n.tag, props) : createElement(n.tag, props, ...noteElements(n.children));
  });
}
