/**
 * A PDF worker thread: reads one PDF's text layer at a time (pdf-text-layer.ts), off the main thread. See
 * createPdfReader in pdf-file.ts for its limits.
 */
import { parentPort } from 'node:worker_threads';
import { serveTasks } from '../../workers/worker-pool';
import { readPdfTextLayer } from './pdf-text-layer';
import type { PdfTask } from './pdf-worker-task';

serveTasks<PdfTask, string>(parentPort!, ({ bytes, file }, task) => {
  task.progress('started'); // the reader's time limit starts now
  return readPdfTextLayer(bytes, file);
});
