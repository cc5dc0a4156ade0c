/**
 * The store's one queue of writes: each runs after the previous one settles, in the order they came, so
 * two edits of one article never interleave and a write's files and rows are never mixed with another's.
 */
export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();

  /** Run `op` after every operation queued before it (whether they succeeded or failed). */
  run<T>(op: () => Promise<T>): Promise<T> {
    const next = this.tail.then(op, op);
    this.tail = next.catch(() => undefined);
    return next;
  }

  /** Resolves once every operation queued so far has settled. */
  flush(): Promise<void> {
    return this.tail.then(() => undefined);
  }
}
