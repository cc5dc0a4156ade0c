import { AppError, clipPath } from '../../../contract/errors';
import { WorkerDied, WorkerPool } from '../../workers/worker-pool';
import { findWorkerEntry, startWorker } from '../../workers/worker-entry';
import type { PdfTask } from './pdf-worker-task';

/**
 * PDF import's checks and where the text layer is read: in PDF worker threads (pdf-worker.ts runs
 * pdf-text-layer.ts), so a large or hostile file never stops the app, or web mode's server, from answering.
 * Each file has a time limit and a heap limit; a file over either is refused with that reason, and its
 * worker is stopped (pdf.js cannot be interrupted otherwise).
 */
export const MAX_PDF_BYTES = 100 * 1024 * 1024;
/** A ten-page report reads in ~0.1 s of CPU (bench:import); a minute is room for a very large file on a loaded machine. */
export const PDF_TIME_LIMIT_MS = 60_000;
/** pdf.js holds a file's objects while it reads; a file needing more than this (a decompression bomb, say) is refused. */
export const PDF_HEAP_MB = 1536;
export const isPdfName = (name: string) => /\.pdf$/i.test(name);
/** The `%PDF-` header, which readers accept anywhere in the first kilobyte. */
export const looksLikePdf = (bytes: Uint8Array) => Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-');

export function checkPdfSize(size: number, file: string): void {
  if (size > MAX_PDF_BYTES) {
    throw new AppError(
      'TOO_LARGE',
      `${clipPath(file)} is ${(size / 1048576).toFixed(1)} MB; the limit for a PDF is ${MAX_PDF_BYTES / 1048576} MB`,
    );
  }
}

const formatSeconds = (ms: number) => (ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`);

export type PdfReaderOptions = { timeLimitMs?: number; heapMb?: number; idleMs?: number };
export type PdfReader = {
  read(bytes: Uint8Array, file: string): Promise<string>;
  /** The worker threads alive now (none once idle). */
  readonly threadIds: number[];
  close(): Promise<void>;
};

/**
 * A reader of PDF text layers on its own pool of two workers: at most two files are parsed at once, since a
 * batch of large files read together would fill the memory. Workers start on the first PDF and stop when idle.
 */
export function createPdfReader(opts: PdfReaderOptions = {}): PdfReader {
  const timeLimitMs = opts.timeLimitMs ?? PDF_TIME_LIMIT_MS;
  const heapMb = opts.heapMb ?? PDF_HEAP_MB;
  const entry = findWorkerEntry('pdf-worker', import.meta.url);
  if (!entry) throw new Error('the PDF worker (pdf-worker.js) is missing from this build');
  const pool = new WorkerPool<PdfTask, string>({
    spawn: () => startWorker(entry, null, { resourceLimits: { maxOldGenerationSizeMb: heapMb } }),
    size: 2,
    idleMs: opts.idleMs ?? 5_000,
  });
  return {
    async read(bytes, file) {
      checkPdfSize(bytes.length, file);
      if (!looksLikePdf(bytes)) throw new AppError('UNREADABLE', `${clipPath(file)} is not a PDF (it has no %PDF- header)`);
      // The limit runs from when a worker starts on the file (it says so first), not while it waits its
      // turn: a folder of many PDFs is read two at a time, and the last need not hurry.
      const stop = new AbortController();
      let timer: NodeJS.Timeout | undefined;
      const started = () => (timer ??= setTimeout(() => stop.abort(new Error('time limit')), timeLimitMs));
      try {
        return await pool.run({ bytes, file }, { signal: stop.signal, onProgress: started });
      } catch (e) {
        if (stop.signal.aborted)
          throw new AppError(
            'TIMEOUT',
            `${clipPath(file)} took longer than ${formatSeconds(timeLimitMs)} to read, so it was stopped; nothing was imported`,
          );
        if (e instanceof WorkerDied && e.code === 'ERR_WORKER_OUT_OF_MEMORY')
          throw new AppError('TOO_LARGE', `${clipPath(file)} needs more than ${heapMb} MB of memory to read; nothing was imported`);
        if (e instanceof WorkerDied)
          throw new AppError('UNREADABLE', `${clipPath(file)} stopped the PDF reader (${e.message}); nothing was imported`);
        throw e;
      } finally {
        clearTimeout(timer);
      }
    },
    get threadIds() {
      return pool.threadIds;
    },
    close: () => pool.close(),
  };
}

let shared: PdfReader | null = null;
/** The process's PDF reader, for every import path (dialog, drag and drop, folder, CLI, web address). */
export const sharedPdfReader = (): PdfReader => (shared ??= createPdfReader());

/** A PDF's text layer as the stored PDF source (core/pdf/pdf-source.ts), read in a PDF worker. */
export const readPdfText = (bytes: Uint8Array, file: string): Promise<string> => sharedPdfReader().read(bytes, file);
