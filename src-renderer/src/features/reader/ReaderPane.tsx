import { forwardRef, useCallback, useEffect, useState } from 'react';
import type { ArticleDetail, MetaKey, MetadataPatch } from '@contract';
import { call, subscribe } from '../../api/client';
import { languageName, plural } from '../../lib/format';
import { AnnotatedBody } from '../annotate/AnnotatedBody';
import { AnnotationPanel } from '../annotate/AnnotationPanel';
import { useAnnotator } from '../annotate/use-annotator';
import { ArticleTagEditor } from '../tags/ArticleTagEditor';
import type { TextMark } from '../../lib/text-marks';
import { EditableField } from './EditableField';
import { SnapshotPanel } from './SnapshotPanel';
import { TextEditActions } from './TextEditActions';
import { VersionsPanel } from './VersionsPanel';
import { TextEditor } from './TextEditor';
import { useTextEdit } from './use-text-edit';

type Props = {
  id: string | null;
  onError: (message: string) => void;
  focusAnnotation?: string | null;
  /** Ranges to mark in the body besides the annotations (search hits). */
  marks?: TextMark[];
};

const BOILERPLATE_KEY = 'parallax.showBoilerplate';

/** The reader: an editable header over the clean text, with a switch that reveals what was hidden. */
export const ReaderPane = forwardRef<HTMLElement, Props>(function ReaderPane({ id, onError, focusAnnotation = null, marks }, ref) {
  const [article, setArticle] = useState<ArticleDetail | null>(null);
  const annotator = useAnnotator(article?.id === id ? article : null, focusAnnotation, onError);
  const [missing, setMissing] = useState<string | null>(null);
  const [showBoilerplate, setShowBoilerplate] = useState(() => localStorage.getItem(BOILERPLATE_KEY) === '1');
  const reloadAnnotations = annotator.reload;
  const onTextReplaced = useCallback(
    (a: ArticleDetail) => {
      setArticle(a);
      void reloadAnnotations(); // their anchors changed with the text
    },
    [reloadAnnotations],
  );
  const textEdit = useTextEdit(article?.id === id ? article : null, onTextReplaced, onError);

  const load = useCallback(async () => {
    if (!id) return setArticle(null);
    try {
      setArticle(await call('articles.get', { id }));
      setMissing(null);
    } catch (e) {
      setArticle(null);
      setMissing((e as Error).message);
    }
  }, [id]);

  useEffect(() => void load(), [load]);
  useEffect(() => subscribe('notebook.changed', (p) => id && p.ids.includes(id) && void load()), [id, load]);

  const toggle = () => {
    setShowBoilerplate((v) => {
      localStorage.setItem(BOILERPLATE_KEY, v ? '0' : '1');
      return !v;
    });
  };
  const save = (key: MetaKey) => async (value: string | null) => {
    if (!article) return;
    try {
      await call('articles.update', { id: article.id, patch: { [key]: value } as MetadataPatch });
      setArticle(await call('articles.get', { id: article.id }));
    } catch (e) {
      onError((e as Error).message);
      throw e;
    }
  };

  if (!id || (!article && !missing)) {
    return (
      <main ref={ref} className="pane reader reader--empty" aria-label="Reader" tabIndex={-1}>
        <p className="empty-state">{id ? 'Opening…' : 'Choose an article to read it here.'}</p>
      </main>
    );
  }
  if (!article) {
    return (
      <main ref={ref} className="pane reader reader--empty" aria-label="Reader" tabIndex={-1}>
        <p className="empty-state" role="alert">
          {missing}
        </p>
      </main>
    );
  }
  const hidden = article.blocks.filter((b) => b.kind === 'boilerplate' || b.kind === 'meta').length;
  return (
    <main ref={ref} className="pane reader reader--annotated" aria-label="Reader" tabIndex={-1}>
      <article className="reader__article" aria-labelledby="reader-title-label">
        <header className="reader__header">
          <span id="reader-title-label" className="visually-hidden">
            {article.title}
          </span>
          <EditableField
            label="Title"
            field={article.meta.title}
            placeholder="Add a title"
            onSave={save('title')}
            className="field__input--title"
            multiline
          />
          <div className="reader__fields">
            <EditableField label="Outlet" field={article.meta.outlet} placeholder="Unknown outlet: add one" onSave={save('outlet')} />
            <EditableField
              label="Date"
              field={article.meta.publishedAt}
              placeholder="YYYY-MM-DD"
              onSave={save('publishedAt')}
              type="date"
            />
            <EditableField label="Author" field={article.meta.author} placeholder="Unknown author" onSave={save('author')} />
            <EditableField label="URL" field={article.meta.url} placeholder="https://…" onSave={save('url')} type="url" />
          </div>
          <div className="reader__toolbar">
            <span className="reader__facts">
              {languageName(article.language)} · {plural(article.wordCount, 'word')}
              {article.meta.dateline.value ? ` · ${article.meta.dateline.value}` : ''}
              {article.file ? ` · ${article.file.replace(/^.*[\\/]/, '')}` : ''}
            </span>
            <TextEditActions edit={textEdit} />
            <button type="button" className="toggle" aria-pressed={showBoilerplate} onClick={toggle}>
              {showBoilerplate ? 'Hide boilerplate' : `Show boilerplate (${hidden})`}
            </button>
          </div>
          <p className="reader__status" role="status">
            {textEdit.status}
          </p>
          <ArticleTagEditor article={article} onError={onError} />
          <SnapshotPanel articleId={article.id} onError={onError} />
          <VersionsPanel article={article} onUpdated={onTextReplaced} onError={onError} />
        </header>
        {textEdit.editing ? (
          <TextEditor initial={article.raw} busy={textEdit.busy} error={textEdit.error} onSave={textEdit.save} onCancel={textEdit.cancel} />
        ) : (
          <AnnotatedBody
            annotator={annotator}
            blocks={article.blocks}
            showBoilerplate={showBoilerplate}
            articleLang={article.language}
            marks={marks}
          />
        )}
      </article>
      <AnnotationPanel annotator={annotator} onError={onError} />
    </main>
  );
});
