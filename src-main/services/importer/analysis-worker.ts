/**
 * An analysis worker thread: turns decoded file text into a stored article's analysis (language detection,
 * line rules, dates, metadata), so a large import uses every core. See analysis-pool.ts.
 */
import { parentPort } from 'node:worker_threads';
import { serveTasks } from '../workers/worker-pool';
import { analyseJob } from './analyse-job';

serveTasks(parentPort!, analyseJob);
