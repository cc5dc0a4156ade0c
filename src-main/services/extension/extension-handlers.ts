import type { Emit, Handlers } from '../../contract';
import { AppError, MAX_PAGE_BYTES, MAX_SELECTION_CHARS } from '../../contract';
import { findSelection } from '../../core/anchoring/selection-range';
import { checkStoryExists, fileImported } from '../importer/file-imported';
import { importArticles } from '../importer/import-articles';
import { pageSnapshot } from '../web/import-web-page';
import type { NotebookStore } from '../store/notebook-store';
import type { ExtensionPairing } from './pairing';

type ExtensionHandlers = Pick<Handlers, 'articles.importPage' | 'extension.pairingCode' | 'extension.status' | 'extension.unpair'>;

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;

/**
 * A page saved from the browser, and the pairing the extension needs first (ADR 006). The page goes
 * through the saved-page import (sanitised, then extracted: importer/formats), so what the browser sends is
 * treated exactly like an `.html` file a user drops in. `others` reaches the handlers of other features
 * (tags, stories, annotations) once the backend has assembled them.
 */
export function extensionHandlers(
  store: NotebookStore,
  emit: Emit,
  pairing: ExtensionPairing,
  others: () => Pick<Handlers, 'articles.tag' | 'stories.add' | 'stories.list' | 'annotations.create' | 'articles.get'>,
): ExtensionHandlers {
  const status = async () => ({ port: pairing.port, paired: await pairing.count() });
  return {
    'articles.importPage': async ({ html, url, selection, title, tag, storyId, meta }) => {
      const bytes = Buffer.byteLength(html);
      if (bytes > MAX_PAGE_BYTES)
        throw new AppError('TOO_LARGE', `The page is ${mb(bytes)}; Parallax saves pages of up to ${mb(MAX_PAGE_BYTES)}. Nothing was saved`);
      // Everything that can be refused is refused before the page is saved, so a refusal leaves nothing behind.
      await checkStoryExists(others(), storyId, 'in the extension');
      // The page's sanitised HTML is kept as its snapshot, with the address and the moment it arrived, as a
      // page fetched from a web address is (services/web/import-web-page.ts).
      const arrivedAt = new Date().toISOString();
      const report = await importArticles(
        store,
        // The address is recorded as the article's URL the way a correction is: re-analysis never replaces it.
        [{ file: url, format: 'html', load: () => ({ text: html, encoding: 'utf-8', snapshot: pageSnapshot(html, url, arrivedAt) }), userMeta: { url } }],
        emit,
      );
      const failed = report.errors[0];
      if (failed) throw new AppError(failed.code as AppError['code'], failed.message);
      const duplicate = report.imported.length === 0;
      const id = report.imported[0]?.id ?? report.duplicates[0]!.id;
      if (!duplicate) {
        // What the browser knew and the page's HTML did not say: the tab's title, the document's language.
        const record = await store.readArticle(id);
        const fill: Record<string, string> = {};
        const hintTitle = title ?? meta?.title;
        if (!record.analysis.meta.title.value && hintTitle?.trim()) fill.title = hintTitle.trim();
        const lang = meta?.language?.toLowerCase().split(/[-_]/)[0];
        if (!record.analysis.meta.language.value && lang && /^[a-z]{2,3}$/.test(lang)) fill.language = lang;
        if (Object.keys(fill).length) await store.updateArticle(id, (r) => void Object.assign(r.userMeta, fill));
      }
      await fileImported(others(), id, { tag, storyId });
      let highlight: 'added' | 'not-found' | 'none' = 'none';
      if (selection?.trim()) {
        highlight = 'not-found';
        const { body } = await others()['articles.get']({ id });
        const range = selection.length <= MAX_SELECTION_CHARS ? findSelection(body, selection) : null;
        if (range) {
          await others()['annotations.create']({ articleId: id, target: range, color: 'yellow', note: '', tags: [] });
          highlight = 'added';
        }
      }
      emit('notebook.changed', { ids: [id], reason: 'import' });
      const saved = await others()['articles.get']({ id });
      return { id, title: saved.title, duplicate, highlight };
    },
    'extension.pairingCode': async () => ({ ...pairing.newCode(), ...(await status()) }),
    'extension.status': status,
    'extension.unpair': async () => {
      await pairing.unpairAll();
      return status();
    },
  };
}
