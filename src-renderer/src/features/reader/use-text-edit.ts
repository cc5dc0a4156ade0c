import { useCallback, useEffect, useRef, useState } from 'react';
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
  const articleRaw = article?.raw ?? null;
  // The text the last status describes: once the text is something else (an undo, a change elsewhere), it is stale.
  const described = useRef<string | null>(null);
  const report = useCallback((raw: string, text: string) => {
    described.current = raw;
    setStatus(text);
  }, []);
  useEffect(() => {
    if (described.current !== null && articleRaw !== described.current) {
      described.current = null;
      setStatus(null);
    }
  }, [articleRaw]);

  // Another article: close the editor and forget the last status.
  useEffect(() => {
    setEditing(false);
    setError(null);
    setStatus(null);
    described.current = null;
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
        report(r.article.raw, describeTextChange(r));
        onUpdated(r.article);
        setEditing(false);
      } catch (e) {
        setError((e as Error).message);
      } finally {
        setBusy(false);
      }
    },
    [article, onUpdated, report],
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
        report(r.article.raw, describeTextChange(r, file.name));
        onUpdated(r.article);
        setEditing(false);
      } catch (e) {
        onError(`Could not replace the text from ${file.name}: ${(e as Error).message}`);
      } finally {
        setBusy(false);
      }
    },
    [article, onUpdated, onError, report],
  );

  return { editing, busy, error, status, start, cancel, save, replaceFromFile };
}
export type TextEdit = ReturnType<typeof useTextEdit>;
