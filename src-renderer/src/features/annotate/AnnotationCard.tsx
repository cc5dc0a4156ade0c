import type { Annotation, AnnotationListItem, HighlightColor, TagInfo } from '@contract';
import { formatDate } from '../../lib/format';
import type { ListPlace } from '../../ui/list-place';
import { placeProps } from '../../ui/list-place';
import { TagChip } from '../tags/TagChip';
import { TagInput } from '../tags/TagInput';
import { deleteAnnotation, reattachAnnotation, updateAnnotation } from './annotation-actions';
import { colorLabels, highlightColors } from './colors';
import { NoteEditor } from './NoteEditor';
import { NoteView } from './NoteView';
import type { EditMode } from './use-annotator';
import { useState } from 'react';
import { VerdictBadge, VerdictEditor } from '../verdicts/VerdictEditor';
import { setVerdict } from '../verdicts/verdict-actions';
import { useRatings } from '../verdicts/use-ratings';

type Props = {
  annotation: Annotation | AnnotationListItem;
  tags: TagInfo[];
  selected: boolean;
  editMode: EditMode | null;
  /** The note editor was opened on a passage highlighted only to hold this note: Cancel removes it again. */
  discardOnCancel?: boolean;
  onEdit: (mode: EditMode | null) => void;
  /** Show the passage: scroll to it in the reader, or open its article from the notebook-wide list. */
  onShow: () => void;
  showLabel: string;
  onError: (message: string) => void;
  onTagClick?: (tag: string) => void;
  /** In the notebook-wide list, say which article a passage is from. */
  showArticle?: boolean;
  /** Its place in a virtualised list (All annotations). */
  place?: ListPlace;
};

const statusText = {
  ok: null,
  drifted: 'Drifted: the text around this passage changed. Check the highlight, then re-attach it to keep it.',
  orphaned: 'Orphaned: this passage is no longer in the text. The annotation is kept with its quote.',
} as const;

const quotePreview = (s: string) => (s.length > 600 ? `${s.slice(0, 600)}…` : s);

/** One annotation: quote, status, note, tags and colour, each editable in place and undoable. */
export function AnnotationCard({
  annotation: a,
  tags,
  selected,
  editMode,
  discardOnCancel = false,
  onEdit,
  onShow,
  showLabel,
  onError,
  onTagClick,
  showArticle,
  place,
}: Props) {
  const attempt = (p: Promise<unknown>) => p.catch((e: Error) => onError(e.message));
  const recolour = (color: HighlightColor) =>
    color !== a.color && attempt(updateAnnotation(a, { color }, `recolour ${colorLabels[color].toLowerCase()}`));
  const setTags = (next: string[], label: string) => attempt(updateAnnotation(a, { tags: next }, label));
  const article = showArticle && 'article' in a ? a.article : null;
  const ratings = useRatings();
  const [judging, setJudging] = useState(false);

  return (
    <li
      {...placeProps(place)}
      id={`annotation-${a.id}`}
      className="annotation-card"
      data-color={a.color}
      data-status={a.anchor.status}
      data-selected={selected || undefined}
      data-annotation-id={a.id}
    >
      {article && (
        <p className="annotation-card__article" dir="auto">
          <bdi>{article.title}</bdi>
          <span className="annotation-card__outlet">
            {' · '}
            {article.outlet ?? 'Unknown outlet'}
            {article.publishedAt ? ` · ${formatDate(article.publishedAt)}` : ''}
          </span>
        </p>
      )}
      {a.author && (
        <p className="annotation-card__author">
          By <bdi>{a.author}</bdi>
        </p>
      )}
      <button type="button" className="annotation-card__quote" onClick={onShow} title={showLabel} dir="auto">
        <q>{quotePreview(a.quote.exact)}</q>
      </button>
      {statusText[a.anchor.status] && (
        <p className="annotation-card__status" data-status={a.anchor.status} role="note">
          {statusText[a.anchor.status]}
          {a.anchor.status === 'drifted' && (
            <button type="button" className="link-button" onClick={() => void attempt(reattachAnnotation(a))}>
              Re-attach here
            </button>
          )}
        </p>
      )}

      {editMode === 'note' ? (
        <NoteEditor
          initial={a.note}
          onCancel={() => {
            onEdit(null);
            // "Note" on a selection made the highlight for the note; cancelling the note takes both back (undoable).
            if (discardOnCancel && !a.note && a.tags.length === 0) void attempt(deleteAnnotation(a));
          }}
          onSave={async (note) => {
            onEdit(null);
            if (note !== a.note) await attempt(updateAnnotation(a, { note }, a.note ? 'edit note' : 'add note'));
          }}
        />
      ) : (
        a.note && <NoteView note={a.note} />
      )}

      {a.verdict && !judging && <VerdictBadge verdict={a.verdict} ratings={ratings} />}
      {judging && (
        <VerdictEditor
          ratings={ratings}
          initial={a.verdict}
          passage={a.quote.exact}
          onCancel={() => setJudging(false)}
          onSave={(v) => attempt(setVerdict(a.id, v).then(() => setJudging(false)))}
          onClear={() => void attempt(setVerdict(a.id, null).then(() => setJudging(false)))}
        />
      )}

      {(a.tags.length > 0 || editMode === 'tags') && (
        <ul className="tag-list" aria-label="Tags of this passage">
          {a.tags.map((t) => (
            <TagChip
              key={t}
              name={t}
              tags={tags}
              onClick={onTagClick && (() => onTagClick(t))}
              onRemove={() =>
                void setTags(
                  a.tags.filter((x) => x !== t),
                  `remove tag ${t}`,
                )
              }
            />
          ))}
        </ul>
      )}
      {editMode === 'tags' && (
        <TagInput
          label="Add a tag to this passage"
          autoFocus
          exclude={a.tags}
          onAdd={(t) => void setTags([...a.tags.filter((x) => x !== t), t], `tag ${t}`)}
          onDone={() => onEdit(null)}
        />
      )}

      <div className="annotation-card__actions">
        <div className="swatches" role="radiogroup" aria-label="Colour">
          {highlightColors.map((c) => (
            <button
              key={c}
              type="button"
              role="radio"
              aria-checked={a.color === c}
              aria-label={colorLabels[c]}
              title={colorLabels[c]}
              className="swatch swatch--small"
              data-color={c}
              onClick={() => void recolour(c)}
            />
          ))}
        </div>
        <button type="button" className="link-button" onClick={() => onEdit(editMode === 'note' ? null : 'note')}>
          {a.note ? 'Edit note' : 'Add note'}
        </button>
        <button type="button" className="link-button" onClick={() => onEdit(editMode === 'tags' ? null : 'tags')}>
          {editMode === 'tags' ? 'Done' : 'Tags'}
        </button>
        <button type="button" className="link-button" aria-expanded={judging} onClick={() => setJudging((j) => !j)}>
          {a.verdict ? 'Edit verdict' : 'Verdict'}
        </button>
        <button type="button" className="link-button link-button--danger" onClick={() => void attempt(deleteAnnotation(a))}>
          Delete
        </button>
      </div>
    </li>
  );
}
