import type { Handlers, SnapshotInfo } from '../contract';
import { AppError } from '../contract/errors';
import { sanitizePage } from './importer/formats/sanitize-page';
import type { SnapshotMeta } from './store/snapshot-files';
import { readSnapshot, readSnapshotMeta } from './store/snapshot-files';
import type { NotebookStore } from './store/notebook-store';

/**
 * The policy of a page snapshot shown in the reader: nothing runs and nothing is fetched. The frame is also
 * sandboxed without `allow-scripts`; the policy holds even where the frame's attributes were lost.
 */
export const SNAPSHOT_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/** A stored page as a document for a sandboxed frame: sanitised again (it was when saved) under its own CSP. */
export function snapshotDocument(html: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${SNAPSHOT_CSP}"><meta name="referrer" content="no-referrer"></head><body>${sanitizePage(html)}</body></html>`;
}

const info = (m: SnapshotMeta): SnapshotInfo => ({
  kind: m.kind,
  url: m.url,
  fetchedAt: m.fetchedAt,
  savedAt: m.savedAt,
  size: m.size,
  sha256: m.sha256,
  file: m.file,
});

export function snapshotHandlers(store: NotebookStore): Pick<Handlers, 'articles.snapshot'> {
  return {
    'articles.snapshot': async ({ id, content }) => {
      if (!store.entry(id)) throw new AppError('NOT_FOUND', `No article with id ${id}`);
      if (!content) {
        const meta = await readSnapshotMeta(store, id);
        return { snapshot: meta && info(meta), content: null };
      }
      const snap = await readSnapshot(store, id);
      if (!snap) return { snapshot: null, content: null };
      return {
        snapshot: info(snap.meta),
        content:
          snap.meta.kind === 'pdf'
            ? { kind: 'pdf', base64: snap.bytes.toString('base64') }
            : { kind: 'html', html: snapshotDocument(snap.bytes.toString('utf8')) },
      };
    },
  };
}
