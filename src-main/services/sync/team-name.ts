import type { NotebookStore } from '../store/notebook-store';
import { SyncStateFile } from './sync-state';

/**
 * The notebook's user name in its team (null before its first sync), read once and then kept: new
 * annotations carry it, so each says who made it. A sync that sets or changes it tells this.
 */
export class TeamName {
  private name: Promise<string | null> | null = null;

  constructor(private readonly store: NotebookStore) {}

  get(): Promise<string | null> {
    this.name ??= SyncStateFile.open(this.store.layout.root, this.store.layout.tmp)
      .then((f) => f.state.user)
      .catch(() => null); // an unreadable sync state: the annotation goes without a name, the sync reports the state
    return this.name;
  }

  set(name: string): void {
    this.name = Promise.resolve(name);
  }
}
