import { useSyncExternalStore } from 'react';
import type { StackState } from '../../lib/undo-stack';
import { UndoStack } from '../../lib/undo-stack';

/** The one undo history of this window: every annotation and tag action is recorded here. */
export const history = new UndoStack();

let state: StackState = history.state;
history.subscribe((s) => (state = s));

export function useHistoryState(): StackState {
  return useSyncExternalStore(
    (cb) => history.subscribe(cb),
    () => state,
  );
}
