/**
 * A child process that opens a notebook's store and does one thing, printing the outcome as one JSON line.
 * Tests run it as another user (`nobody`), with few file handles left, or killed part-way through a write
 * (PARALLAX_CRASH_TEST_KILL_AFTER_ARTICLE_WRITE): conditions a test cannot create inside its own process.
 * Bundled into one file by `bundleStoreChild` so it runs wherever the checkout is (another user may not be
 * able to read it).
 */
import { closeSync, openSync } from 'node:fs';
import { buildRecord } from '../../src-main/services/importer/build-record';
import { NotebookStore } from '../../src-main/services/store/notebook-store';

export type ChildTask = {
  notebook: string;
  action: 'read' | 'update' | 'import';
  id: string;
  /** For 'import': the text of a new article saved under `id`. */
  text?: string;
  /** For 'update': the outlet to set and a tag to add. */
  outlet?: string;
  tag?: string;
  /** Open every file handle the process may still open before acting (EMFILE), and close them after. */
  exhaustFileHandles?: boolean;
  /** With exhaustFileHandles: close a few of them again after this long (a shortage that passes). */
  releaseAfterMs?: number;
};
export type ChildOutcome = { ok: true; outlet: string | null; tags: string[] } | { ok: false; code: string; message: string };

const task = JSON.parse(process.argv[2]!) as ChildTask;
const store = await NotebookStore.open(task.notebook, { durability: 'none' });
await store.flush(); // the start-up recovery, so nothing else needs a file handle meanwhile
const held: number[] = [];
if (task.exhaustFileHandles) {
  try {
    for (;;) held.push(openSync('/dev/null', 'r'));
  } catch {
    /* EMFILE: every handle the process may open is open */
  }
  if (task.releaseAfterMs !== undefined) setTimeout(() => held.splice(0, 16).forEach(closeSync), task.releaseAfterMs);
}
let outcome: ChildOutcome;
try {
  let record;
  if (task.action === 'import') {
    const text = task.text ?? '';
    record = {
      ...buildRecord(
        { file: 'child.txt', load: () => ({ text, encoding: 'utf-8' }) },
        { text, encoding: 'utf-8' },
        new Date().toISOString(),
      ),
      id: task.id,
    };
    await store.putArticles([record]);
  } else if (task.action === 'update') {
    record = await store.updateArticle(task.id, (r) => {
      r.userMeta.outlet = task.outlet ?? null;
      if (task.tag) r.tags.push(task.tag);
    });
  } else {
    record = await store.readArticle(task.id);
  }
  outcome = { ok: true, outlet: record.userMeta.outlet ?? record.analysis.meta.outlet.value, tags: record.tags };
} catch (e) {
  outcome = { ok: false, code: (e as { code?: string }).code ?? 'THROWN', message: (e as Error).message };
}
held.splice(0).forEach(closeSync);
process.stdout.write(`${JSON.stringify(outcome)}\n`);
