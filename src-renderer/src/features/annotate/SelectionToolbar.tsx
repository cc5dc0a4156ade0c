import type { HighlightColor } from '@contract';
import { colorLabels, highlightColors } from './colors';
import type { Annotator } from './use-annotator';

const keep = (e: React.MouseEvent) => e.preventDefault(); // a click on the toolbar must not clear the text selection

/** The small toolbar over a selection: a swatch per colour, then note and tag (keys h, n, t do the same). */
export function SelectionToolbar({ annotator }: { annotator: Annotator }) {
  const { pending, color } = annotator;
  if (!pending || pending.source !== 'mouse' || !pending.rect) return null;
  const top = Math.max(8, pending.rect.top - 46);
  const left = Math.min(window.innerWidth - 300, Math.max(8, pending.rect.left + pending.rect.width / 2 - 140));
  const act = (c: HighlightColor, then?: 'note' | 'tags') => {
    annotator.setColor(c);
    void annotator.highlight(c, then);
  };
  return (
    <div className="selection-toolbar" role="toolbar" aria-label="Annotate the selection" style={{ top, left }} onMouseDown={keep}>
      {highlightColors.map((c) => (
        <button
          key={c}
          type="button"
          className="swatch"
          data-color={c}
          aria-label={`Highlight ${colorLabels[c].toLowerCase()}`}
          title={`Highlight ${colorLabels[c].toLowerCase()}${c === color ? ' (h)' : ''}`}
          aria-pressed={c === color}
          onClick={() => act(c)}
        />
      ))}
      <button type="button" className="selection-toolbar__button" onClick={() => act(color, 'note')} title="Highlight and write a note (n)">
        Note
      </button>
      <button type="button" className="selection-toolbar__button" onClick={() => act(color, 'tags')} title="Highlight and tag (t)">
        Tag
      </button>
    </div>
  );
}
