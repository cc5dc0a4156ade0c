import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Emit, ImportReport } from '../../contract';
import { isAppError } from '../../contract';
import type { ArticleRecord } from '../../core/article/article-record';
import { displayTitle, effectiveMeta } from '../../core/article/article-record';
import { NotebookStore } from '../store/notebook-store';
import { restoreBackup } from './backup-archive';

/**
 * Bring the articles of a backup into this notebook (restore, by contrast, recreates a whole notebook in an
 * empty folder). The archive is checked and unpacked into a temp folder first; articles already here (same id
 * or same text) are reported as duplicates, the rest are added with their tags and annotations.
 */
export async function importBackupArchive(
  store: NotebookStore,
  archive: string,
  label: string,
  report: ImportReport,
  emit?: Emit,
): Promise<void> {
  const work = join(store.layout.tmp, `backup-import-${randomBytes(4).toString('hex')}`);
  try {
    await mkdir(work, { recursive: true });
    await restoreBackup(archive, join(work, 'nb'));
    const other = await NotebookStore.open(join(work, 'nb'), { durability: 'none' });
    const ids = [...other.entries()].map((e) => e.id);
    let batch: ArticleRecord[] = [];
    const save = async () => {
      if (!batch.length) return;
      await store.putArticles(batch);
      for (const r of batch) report.imported.push({ id: r.id, file: label, title: displayTitle(effectiveMeta(r), r.file) });
      batch = [];
    };
    let notes = 0;
    for (const [i, id] of ids.entries()) {
      const r = await other.readArticle(id);
      const existing = store.entry(id)?.id ?? store.findByFingerprint(r.fingerprint);
      if (existing) report.duplicates.push({ file: `${label}: ${id}`, id: existing });
      else {
        batch.push(r);
        notes += r.annotations.length;
      }
      if (batch.length >= 200) await save();
      if (i % 200 === 199) emit?.('import.progress', { done: i + 1, total: ids.length, file: label });
    }
    await save();
    const counts = report.annotations ?? { added: 0, updated: 0, unchanged: 0 };
    counts.added += notes;
    report.annotations = counts;
  } catch (e) {
    report.errors.push({ file: label, code: isAppError(e) ? e.code : 'IO_ERROR', message: (e as Error).message });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** The same for an uploaded archive (drag and drop in web mode), written to a temp file first. */
export async function importBackupBytes(
  store: NotebookStore,
  bytes: Uint8Array,
  label: string,
  report: ImportReport,
  emit?: Emit,
): Promise<void> {
  const file = join(store.layout.tmp, `upload-${randomBytes(4).toString('hex')}.zip`);
  try {
    await writeFile(file, bytes);
    await importBackupArchive(store, file, label, report, emit);
  } finally {
    await rm(file, { force: true });
  }
}
