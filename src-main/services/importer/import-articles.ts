import { createHash, randomBytes } from 'node:crypto';
import type { Emit, ImportReport } from '../../contract';
import { isAppError } from '../../contract';
import type { Analysis } from '../../core/article/analyse-article';
import type { ArticleFormat, ArticleRecord } from '../../core/article/article-record';
import { displayTitle, effectiveMeta } from '../../core/article/article-record';
import { contentKey, normaliseStoredText } from '../../core/text/normalise-text';
import type { NotebookStore } from '../store/notebook-store';
import type { Decoded } from './decode-text';
import { analyseSource, formatOfFile, prepareRaw } from './formats/analyse-source';

/** A file to import: its label for reports and a way to get its decoded text (which may fail). */
export type ImportSource = {
  file: string;
  load: () => Promise<Decoded> | Decoded;
  userMeta?: ArticleRecord['userMeta'];
  /** How to read it; by default from the file's extension. */
  format?: ArticleFormat;
};

const BATCH = 200;

export const newArticleId = () => randomBytes(8).toString('hex');

/**
 * The duplicate check: the headline the text gives plus the clean body, with case, accents, punctuation
 * and spacing ignored. Boilerplate is left out, so the same story pasted with or without page furniture
 * matches; the headline is kept in, so a re-headlined version of a story is a new article, not a duplicate.
 */
export function fingerprintOf(analysis: Analysis, raw: string): string {
  const title = analysis.meta.title.source === 'text' ? (analysis.meta.title.value ?? '') : '';
  return createHash('sha256')
    .update(contentKey(`${title}\n${analysis.body || raw}`))
    .digest('hex')
    .slice(0, 32);
}

export function buildRecord(source: ImportSource, decoded: Decoded, now: string): ArticleRecord {
  const format = source.format ?? formatOfFile(source.file);
  const raw = normaliseStoredText(prepareRaw(format, decoded.text));
  const { analysis, tags } = analyseSource(format, raw, source.file);
  return {
    id: newArticleId(),
    format,
    file: source.file,
    encoding: decoded.encoding,
    importedAt: now,
    updatedAt: now,
    raw,
    fingerprint: fingerprintOf(analysis, raw),
    analysis,
    userMeta: source.userMeta ?? {},
    tags,
    annotations: [],
  };
}

/**
 * Import many files, reporting a result for each and carrying on past failures. Articles are saved in
 * batches (one catalog write per touched shard per batch), and a duplicate of an article already in the
 * notebook, or earlier in the same import, is reported with the id it duplicates instead of being saved.
 */
export async function importArticles(store: NotebookStore, sources: ImportSource[], emit?: Emit): Promise<ImportReport> {
  const report: ImportReport = { imported: [], duplicates: [], errors: [] };
  const seen = new Map<string, string>();
  for (let i = 0; i < sources.length; i += BATCH) {
    const batch: ArticleRecord[] = [];
    const now = new Date().toISOString();
    const slice = sources.slice(i, i + BATCH);
    // Start reading the whole batch at once (the disk works while we analyse); settle each in order below.
    // Failures are captured as values so a file that fails early is not an unhandled rejection.
    const loads = slice.map((s) =>
      Promise.resolve()
        .then(s.load)
        .then(
          (decoded) => ({ decoded }),
          (error: unknown) => ({ error }),
        ),
    );
    for (const [k, source] of slice.entries()) {
      try {
        const loaded = await loads[k]!;
        if ('error' in loaded) throw loaded.error;
        const record = buildRecord(source, loaded.decoded, now);
        const existing = store.findByFingerprint(record.fingerprint) ?? seen.get(record.fingerprint);
        if (existing) {
          report.duplicates.push({ file: source.file, id: existing });
        } else {
          seen.set(record.fingerprint, record.id);
          batch.push(record);
        }
      } catch (e) {
        const code = isAppError(e) ? e.code : 'INTERNAL';
        report.errors.push({ file: source.file, code, message: (e as Error).message });
      }
    }
    if (batch.length) {
      try {
        await store.putArticles(batch);
        for (const r of batch) report.imported.push({ id: r.id, file: r.file ?? '', title: displayTitle(effectiveMeta(r), r.file) });
      } catch (e) {
        const code = isAppError(e) ? e.code : 'IO_ERROR';
        for (const r of batch) report.errors.push({ file: r.file ?? '', code, message: `not saved: ${(e as Error).message}` });
      }
    }
    const done = Math.min(sources.length, i + BATCH);
    emit?.('import.progress', { done, total: sources.length, file: sources[done - 1]?.file ?? null });
  }
  return report;
}
