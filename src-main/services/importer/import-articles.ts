import { randomBytes } from 'node:crypto';
import type { Emit, ImportReport } from '../../contract';
import { isAppError } from '../../contract/errors';
import type { ArticleFormat, ArticleRecord } from '../../core/article/article-record';
import { displayTitle, effectiveMeta } from '../../core/article/article-record';
import type { NotebookStore } from '../store/notebook-store';
import type { AnalysedSource } from './analyse-job';
import type { Analyser } from './analysis-pool';
import { analyserFor } from './analysis-pool';
import type { PreparedSnapshot } from '../store/snapshot-files';
import { commitSnapshot, discardSnapshot, prepareSnapshot, removeSnapshot } from '../store/snapshot-files';
import type { Loaded } from './read-import-file';
import { formatOfFile } from './formats/article-formats';
import { bulkWorkHeap } from '../memory/heap-guard';

export { fingerprintOf } from './fingerprint';

/** A file to import: its label for reports and a way to get its decoded text (which may fail). */
export type ImportSource = {
  file: string;
  load: () => Promise<Loaded> | Loaded;
  userMeta?: ArticleRecord['userMeta'];
  /** How to read it; by default from the file's extension. */
  format?: ArticleFormat;
};

const BATCH = 200;
const MAX_BATCH = 400;

/**
 * Articles per saved batch. Batches grew with the notebook (to 1,000 at 100k) when each one rewrote the
 * catalog shards it touched; since the catalog journal (ADR 004) a batch appends its rows in one write, and
 * larger batches are kept because each still costs a few fixed flushes (folders, the journal). Up to 400,
 * not 1,000: two batches are in memory at once (one written while the next is analysed), and importing
 * 100k articles with batches of 1,000 peaked ~60 MB higher (1,149 against 1,092 MB, same harness) for no
 * measurable gain in speed (155 against 151 s; 161 s with batches of 200).
 */
export const batchSizeFor = (notebookSize: number) => Math.min(MAX_BATCH, Math.max(BATCH, Math.round(notebookSize / 100)));

/**
 * Ids are 8 random bytes in hex. They are cut from a pool of 4 KB drawn at once: one call into the system's
 * random source per 512 articles instead of one per article, which an import of the BBC set felt (~0.1 s).
 */
let idPool = Buffer.alloc(0);
let idAt = 0;
export function newArticleId(): string {
  if (idAt + 8 > idPool.length) {
    idPool = randomBytes(4096);
    idAt = 0;
  }
  idAt += 8;
  return idPool.toString('hex', idAt - 8, idAt);
}

export function toRecord(source: ImportSource, format: ArticleFormat, decoded: Loaded, done: AnalysedSource, now: string): ArticleRecord {
  return {
    id: newArticleId(),
    format,
    file: source.file,
    encoding: decoded.encoding,
    importedAt: now,
    updatedAt: now,
    raw: done.raw,
    fingerprint: done.fingerprint,
    analysis: done.analysis,
    userMeta: source.userMeta ?? {},
    tags: done.tags,
    annotations: [],
  };
}


/**
 * Put the batch's prepared originals in place (in the write queue). A record whose original cannot be
 * written is not saved either: it is reported, and the notebook does not change for it.
 */
async function keepSnapshots(
  store: NotebookStore,
  batch: ArticleRecord[],
  snapshots: Map<string, PreparedSnapshot>,
  report: ImportReport,
): Promise<{ committed: string[]; failed: Set<string> }> {
  const committed: string[] = [];
  const failed = new Set<string>();
  const mine = batch.filter((r) => snapshots.has(r.id));
  if (!mine.length) return { committed, failed };
  await store.enqueue(async () => {
    for (const r of mine) {
      const p = snapshots.get(r.id)!;
      snapshots.delete(r.id);
      try {
        await commitSnapshot(store, r.id, p);
        committed.push(r.id);
      } catch (e) {
        failed.add(r.id);
        report.errors.push({ file: r.file ?? '', code: isAppError(e) ? e.code : 'IO_ERROR', message: `not saved: ${(e as Error).message}` });
      }
    }
  });
  return { committed, failed };
}

/**
 * Import many files, reporting a result for each and carrying on past failures. Articles are saved in
 * batches (one catalog write per touched shard per batch), and a duplicate of an article already in the
 * notebook, or earlier in the same import, is reported with the id it duplicates instead of being saved.
 * The check before saving only spares work: the one that counts runs inside the store's write queue
 * (`dropDuplicates`), so twenty imports of one text at once add it once and report nineteen duplicates.
 */
export async function importArticles(
  store: NotebookStore,
  sources: ImportSource[],
  emit?: Emit,
  analyse: Analyser = analyserFor(sources.length),
): Promise<ImportReport> {
  const report: ImportReport = { imported: [], duplicates: [], errors: [] };
  const seen = new Map<string, string>();
  /** Records of this import the store refused as duplicates of another import's article: id -> that article. */
  const dropped = new Map<string, string>();
  // Batch k is written while batch k+1 is read and analysed: the disk and the CPUs work at the same time.
  // Batches are still saved one after another, each as whole files (putArticles), in the order given.
  let writing: Promise<void> = Promise.resolve();
  /** Originals kept for provenance (PDFs), by the id of their record: written in tmp/ while the batch is read. */
  const snapshots = new Map<string, PreparedSnapshot>();
  const save = async (batch: ArticleRecord[], done: number) => {
    if (batch.length) {
      try {
        // The originals go in place first, then the articles that name them: a kill in between leaves a
        // snapshot without its article (never shown), never an article whose original was acknowledged and lost.
        const kept = await keepSnapshots(store, batch, snapshots, report);
        batch = batch.filter((r) => !kept.failed.has(r.id));
        let duplicates: Map<string, string>;
        try {
          duplicates = await store.putArticles(batch, { dropDuplicates: true });
        } catch (e) {
          await Promise.all(kept.committed.map((id) => removeSnapshot(store, id)));
          throw e;
        }
        await Promise.all([...duplicates.keys()].filter((id) => kept.committed.includes(id)).map((id) => removeSnapshot(store, id)));
        bulkWorkHeap().collectIfGrown();
        for (const r of batch) {
          const existing = duplicates.get(r.id);
          if (existing === undefined) report.imported.push({ id: r.id, file: r.file ?? '', title: displayTitle(effectiveMeta(r), r.file) });
          else {
            dropped.set(r.id, existing);
            report.duplicates.push({ file: r.file ?? '', id: existing });
          }
        }
      } catch (e) {
        const code = isAppError(e) ? e.code : 'IO_ERROR';
        for (const r of batch) report.errors.push({ file: r.file ?? '', code, message: `not saved: ${(e as Error).message}` });
      }
    }
    emit?.('import.progress', { done, total: sources.length, file: sources[done - 1]?.file ?? null });
  };
  for (let i = 0; i < sources.length;) {
    const size = batchSizeFor(store.size);
    const batch: ArticleRecord[] = [];
    const now = new Date().toISOString();
    const slice = sources.slice(i, i + size);
    // Start reading and analysing the whole batch at once (in the analysis workers for a large import);
    // settle each in order below. Failures are captured as values so none is an unhandled rejection.
    const work = slice.map((s) =>
      Promise.resolve()
        .then(s.load)
        .then(async (decoded) => {
          const format = decoded.format ?? s.format ?? formatOfFile(s.file);
          const snapshot = decoded.snapshot ? await prepareSnapshot(store, decoded.snapshot) : null;
          try {
            return { record: toRecord(s, format, decoded, await analyse({ format, text: decoded.text, file: s.file }), now), snapshot };
          } catch (e) {
            if (snapshot) await discardSnapshot(snapshot);
            throw e;
          }
        })
        .catch((error: unknown) => ({ error })),
    );
    for (const [k, source] of slice.entries()) {
      const settled = await work[k]!;
      if ('error' in settled) {
        const e = settled.error;
        report.errors.push({ file: source.file, code: isAppError(e) ? e.code : 'INTERNAL', message: (e as Error).message });
        continue;
      }
      const record = settled.record;
      const existing = store.findByFingerprint(record.fingerprint) ?? seen.get(record.fingerprint);
      if (existing) {
        report.duplicates.push({ file: source.file, id: existing });
        if (settled.snapshot) await discardSnapshot(settled.snapshot);
      } else {
        seen.set(record.fingerprint, record.id);
        if (settled.snapshot) snapshots.set(record.id, settled.snapshot);
        batch.push(record);
      }
    }
    await writing;
    writing = save(batch, Math.min(sources.length, i + size));
    i += size;
  }
  await writing;
  // A later file of this import that repeated a dropped one names the article that was kept instead.
  if (dropped.size) for (const d of report.duplicates) d.id = dropped.get(d.id) ?? d.id;
  return report;
}
