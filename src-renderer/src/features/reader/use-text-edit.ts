import { useCallback, useEffect, useState } from 'react';
import type { ArticleDetail } from '@contract';
import { toBase64 } from '../importer/read-files';
import { describeTextChange } from './text-change-status';
import { replaceArticleText } from './text-edit-actions';

/** The files "Replace from file…" offers: the article formats the importer reads. */
export const REPLACE_ACCEPT = '.txt,.text,.md,.markdown,.html,.htm,.xhtml';

/**
 * Editing an article's text in the reader, and replacing it from a file. Both go through
 * `articles.replaceText` (one undoable action); the reader then shows how the annotations fared.
 */
export function useTextEdit(article: ArticleDetail | null, onUpdated: (a: ArticleDetail) => void, onError: (m: string) => void) {
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const articleId = article?.id ?? null;

  // Another article: close the editor and forget the last status.
  useEffect(() => {
    setEditing(false);
    setError(null);
    setStatus(null);
  }, [articleId]);

  const start = useCallback(() => {
    setError(null);
    setStatus(null);
    setEditing(true);
  }, []);
  const cancel = useCallback(() => {
    setEditing(false);
    setError(null);
  }, []);

  /** Save the edited raw text; on failure the editor stays open with the text and the reason. */
  const save = useCallback(
    async (raw: string) => {
      if (!article) return;
      setBusy(true);
      setError(null);
      try {
        const r = await replaceArticleText(article, { source: 'edit', raw }, 'edit text');
        onUpdated(r.article);
        setStatus(describeTextChange(r));
        setEditing(false);
      } catch (e) {
        setError((e as Error).message);
      } finally {
        setBusy(false);
      }
    },
    [article, onUpdated],
  );

  /** Re-import: the file's bytes go to the back end, which decodes them as an import does (BOM, UTF-16, Windows-1252). */
  const replaceFromFile = useCallback(
    async (file: File) => {
      if (!article) return;
      setBusy(true);
      setStatus(null);
      try {
        const contentBase64 = toBase64(new Uint8Array(await file.arrayBuffer()));
        const r = await replaceArticleText(
          article,
          { source: 'reimport', file: file.name, contentBase64 },
          `replace text from ${file.name}`,
        );
        onUpdated(r.article);
        setStatus(describeTextChange(r, file.name));
        setEditing(false);
      } catch (e) {
        onError(`Could not replace the text from ${file.name}: ${(e as Error).message}`);
      } finally {
        setBusy(false);
      }
    },
    [article, onUpdated, onError],
  );

  return { editing, busy, error, status, start, cancel, save, replaceFromFile };
}
export type TextEdit = ReturnType<typeof useTextEdit>;
