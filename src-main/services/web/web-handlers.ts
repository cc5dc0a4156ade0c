import type { Emit, Handlers } from '../../contract';
import { AppError } from '../../contract/errors';
import type { FilingHandlers } from '../importer/file-imported';
import { checkStoryExists, fileImported } from '../importer/file-imported';
import type { NotebookStore } from '../store/notebook-store';
import type { FetchOptions } from './fetch-page';
import { importWebPage } from './import-web-page';

/**
 * `articles.importUrl`: fetch a web address and import it as the same page saved to a file would be, keeping
 * the final address and a snapshot. `fetchOptions` is for tests (limits); `others` reaches the tag and
 * story handlers once the backend has assembled them.
 */
export function webHandlers(
  store: NotebookStore,
  emit: Emit,
  others: () => FilingHandlers & Pick<Handlers, 'articles.get'>,
  fetchOptions: FetchOptions = {},
): Pick<Handlers, 'articles.importUrl'> {
  return {
    'articles.importUrl': async ({ url, tag, storyId }) => {
      if (store.readOnly) throw new AppError('READ_ONLY', 'The notebook is open for reading only; nothing was fetched');
      await checkStoryExists(others(), storyId, 'story');
      const { page, report } = await importWebPage(store, url, emit, fetchOptions);
      const failed = report.errors[0];
      if (failed) throw new AppError(failed.code as AppError['code'], failed.message);
      const duplicate = report.imported.length === 0;
      const id = report.imported[0]?.id ?? report.duplicates[0]!.id;
      await fileImported(others(), id, { tag, storyId });
      emit('notebook.changed', { ids: [id], reason: 'import' });
      const saved = await others()['articles.get']({ id });
      return { id, title: saved.title, duplicate, url: page.url };
    },
  };
}
