import { plural } from '../../lib/format';
import { useTags } from '../tags/use-tags';
import { AnnotationCard } from './AnnotationCard';
import type { Annotator } from './use-annotator';
import { scrollToPassage } from './use-annotator';

/** The article's annotations in text order (orphans last), beside the text. */
export function AnnotationPanel({ annotator, onError }: { annotator: Annotator; onError: (m: string) => void }) {
  const { tags } = useTags();
  const { annotations, selectedId, editing, team, othersCount } = annotator;
  const orphans = annotations.filter((a) => a.anchor.status === 'orphaned').length;
  return (
    <aside className="annotation-panel" aria-label="Annotations">
      <h2 className="annotation-panel__title">
        Annotations <span className="badge">{annotations.length}</span>
      </h2>
      {team.inTeam && (
        <label className="annotation-panel__others">
          <input type="checkbox" checked={team.showOthers} onChange={(e) => team.setShowOthers(e.target.checked)} />
          Show others’ annotations
          {othersCount > 0 && <span className="badge">{othersCount}</span>}
        </label>
      )}
      {orphans > 0 && (
        <p className="annotation-panel__orphans">{plural(orphans, 'annotation')} lost their passage: see the end of the list.</p>
      )}
      {annotations.length === 0 ? (
        <p className="annotation-panel__empty">
          Select text to highlight it, or press <kbd>]</kbd> to pick a sentence, then <kbd>h</kbd> highlight, <kbd>n</kbd> note,{' '}
          <kbd>t</kbd> tag.
        </p>
      ) : (
        <ol className="annotation-panel__list">
          {annotations.map((a) => (
            <AnnotationCard
              key={a.id}
              annotation={a}
              tags={tags}
              selected={a.id === selectedId}
              editMode={editing?.id === a.id ? editing.mode : null}
              discardOnCancel={editing?.id === a.id && editing.fresh === true}
              onEdit={(mode) => {
                annotator.setSelectedId(a.id);
                if (mode) annotator.setEditing({ id: a.id, mode });
                else annotator.closeEditor();
              }}
              onShow={() => {
                annotator.setSelectedId(a.id);
                scrollToPassage(a.id);
              }}
              showLabel="Show this passage in the text"
              onError={onError}
            />
          ))}
        </ol>
      )}
      <p className="annotation-panel__keys">
        Keys: <kbd>[</kbd> <kbd>]</kbd> sentence · <kbd>{'}'}</kbd> extend · <kbd>h</kbd> highlight · <kbd>n</kbd> note · <kbd>t</kbd> tag ·{' '}
        <kbd>Ctrl</kbd>+<kbd>Z</kbd> undo
      </p>
    </aside>
  );
}
