import type { ArticleDetail, ReplaceTextInput, ReplaceTextResult } from '@contract';
import { call } from '../../api/client';
import { history } from '../annotate/history';

export type TextChange = Omit<ReplaceTextInput, 'id'>;

/**
 * Replace an article's text (an edit or a re-import) as one undoable action: undo puts the old raw text
 * back with the format, file and encoding it had, and the annotations re-anchor to it again (drifted and
 * orphaned ones keep their original selectors, so they come back to ok).
 */
export function replaceArticleText(before: ArticleDetail, change: TextChange, label: string): Promise<ReplaceTextResult> {
  const id = before.id;
  return history.run(
    label,
    () => call('articles.replaceText', { id, ...change }),
    (r) => ({
      undo: async () =>
        void (await call('articles.replaceText', {
          id,
          source: r.source,
          raw: before.raw,
          format: r.previous.format,
          ...(r.source === 'reimport' ? { file: r.previous.file, encoding: r.previous.encoding } : {}),
        })),
      redo: async () => void (await call('articles.replaceText', { id, ...change })),
    }),
  );
}
