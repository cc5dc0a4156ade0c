import { useCallback, useRef, useState } from 'react';
import type { ImportReport } from '@contract';
import { call } from '../../api/client';
import type { Notify } from '../../app/use-notices';
import { plural } from '../../lib/format';
import type { PickedFile } from './read-files';
import { batchFiles, toBase64 } from './read-files';

export type ImportProgress = { done: number; total: number } | null;

/** Uploads picked or dropped files in batches, with progress, cancel, and a report of each file at the end. */
export function useImport(notify: Notify, onImported: (firstId: string | null) => void) {
  const [progress, setProgress] = useState<ImportProgress>(null);
  const cancelled = useRef(false);

  const run = useCallback(
    async (files: PickedFile[]) => {
      if (files.length === 0)
        return notify('info', 'Nothing to import: choose .txt, .html, .md, .pdf, .jsonld or backup .zip files, or folders that contain them.');
      cancelled.current = false;
      const total: ImportReport = { imported: [], duplicates: [], errors: [] };
      setProgress({ done: 0, total: files.length });
      let done = 0;
      for (const batch of batchFiles(files)) {
        if (cancelled.current) break;
        try {
          const payload = await Promise.all(
            batch.map(async (f) => ({ name: f.name, contentBase64: toBase64(new Uint8Array(await f.file.arrayBuffer())) })),
          );
          const r = await call('articles.importFiles', { files: payload });
          total.imported.push(...r.imported);
          total.duplicates.push(...r.duplicates);
          total.errors.push(...r.errors);
          if (r.annotations) {
            const a = (total.annotations ??= { added: 0, updated: 0, unchanged: 0 });
            a.added += r.annotations.added;
            a.updated += r.annotations.updated;
            a.unchanged += r.annotations.unchanged;
          }
        } catch (e) {
          for (const f of batch) total.errors.push({ file: f.name, code: 'IO_ERROR', message: `${f.name}: ${(e as Error).message}` });
        }
        done += batch.length;
        setProgress({ done, total: files.length });
      }
      setProgress(null);
      const summary = `${plural(total.imported.length, 'article')} imported${total.duplicates.length ? `, ${plural(total.duplicates.length, 'duplicate')} skipped` : ''}${total.annotations ? `, ${plural(total.annotations.added, 'annotation')} added` : ''}${total.errors.length ? `, ${plural(total.errors.length, 'file')} refused` : ''}${cancelled.current ? ' (cancelled)' : ''}.`;
      const details = [...total.duplicates.map((d) => `${d.file}: already in the notebook`), ...total.errors.map((e) => e.message)];
      notify(total.errors.length ? 'error' : 'success', summary, details);
      onImported(total.imported[0]?.id ?? null);
    },
    [notify, onImported],
  );

  const cancel = useCallback(() => {
    cancelled.current = true;
  }, []);
  return { progress, run, cancel };
}
