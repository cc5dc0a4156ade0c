import type { CheckUpdatesResult, ShowVersionResult } from '@contract';
import { call } from '../../api/client';
import { history } from '../annotate/history';

const show = (id: string, version: number) => call('articles.showVersion', { id, version });

/**
 * Check the article's address again. A change is one undoable action: undo shows the version shown before
 * (every version stays kept: what the outlet published is a fact, not an edit), redo the new one again.
 */
export async function checkForUpdates(id: string): Promise<CheckUpdatesResult> {
  const r = await call('articles.checkUpdates', { id });
  if (r.changed) {
    history.push({
      label: 'check for updates',
      undo: async () => void (await show(id, r.previousVersion)),
      redo: async () => void (await show(id, r.shownVersion)),
    });
  }
  return r;
}

/** Show a kept version again (revert), undoable. */
export function showVersion(id: string, version: number): Promise<ShowVersionResult> {
  return history.run(
    `show version ${version}`,
    () => show(id, version),
    (r) => ({
      undo: async () => void (await show(id, r.previousVersion)),
      redo: async () => void (await show(id, r.shownVersion)),
    }),
  );
}
