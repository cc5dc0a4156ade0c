/**
 * The compare worker thread: comparisons and related coverage run here, off the thread that answers
 * requests, each under its budget; it keeps the notebook's article profiles between calls. See compare-runner.ts.
 */
import { parentPort } from 'node:worker_threads';
import { serveTasks } from '../workers/worker-pool';
import type { CompareJob } from './compare-jobs';
import { ProfileCache, runJob, warmUp } from './compare-jobs';

warmUp();
const cache = new ProfileCache();
serveTasks<CompareJob, unknown>(parentPort!, (job, task) => runJob(job, cache, task.progress));
