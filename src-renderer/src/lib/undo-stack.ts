/**
 * Undo and redo for actions that live on the back end. Each command knows how to undo and redo itself
 * with API calls (an inverse operation, or a snapshot put back). Commands run one at a time, in order, so
 * a quick Ctrl+Z Ctrl+Z never races itself. A command that fails to undo or redo is dropped (its target
 * may be gone, e.g. deleted in another window) and the error is passed on for the user to see.
 */
export type Command = { label: string; undo: () => Promise<void>; redo: () => Promise<void> };
export type StackState = { undo: string | null; redo: string | null; busy: boolean };

export class UndoStack {
  private done: Command[] = [];
  private undone: Command[] = [];
  private busy = false;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<(s: StackState) => void>();

  constructor(private readonly limit = 200) {}

  /** Record a command whose action has already been carried out; clears the redo list. */
  push(command: Command): void {
    this.done.push(command);
    if (this.done.length > this.limit) this.done.shift();
    this.undone = [];
    this.emit();
  }

  /** Carry out an action, then record it. Nothing is recorded when the action fails. */
  async run<T>(label: string, action: () => Promise<T>, inverse: (result: T) => Omit<Command, 'label'>): Promise<T> {
    const result = await action();
    this.push({ label, ...inverse(result) });
    return result;
  }

  undo(): Promise<Command | null> {
    return this.step(this.done, this.undone, 'undo');
  }

  redo(): Promise<Command | null> {
    return this.step(this.undone, this.done, 'redo');
  }

  private step(from: Command[], to: Command[], direction: 'undo' | 'redo'): Promise<Command | null> {
    const next = this.queue.then(async () => {
      const command = from.pop();
      if (!command) return null;
      this.busy = true;
      this.emit();
      try {
        await command[direction]();
        to.push(command);
        return command;
      } finally {
        this.busy = false;
        this.emit();
      }
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  get state(): StackState {
    return { undo: this.done.at(-1)?.label ?? null, redo: this.undone.at(-1)?.label ?? null, busy: this.busy };
  }

  subscribe(listener: (s: StackState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  clear(): void {
    this.done = [];
    this.undone = [];
    this.emit();
  }

  private emit(): void {
    const s = this.state;
    for (const l of this.listeners) l(s);
  }
}
