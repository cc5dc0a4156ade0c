import { describe, expect, it } from 'vitest';
import { UndoStack } from './undo-stack';

/** A fake back end: a list of words, changed only through commands, as the API would be. */
function setup() {
  const words: string[] = [];
  const stack = new UndoStack(3);
  const add = (w: string) =>
    stack.run(
      `add ${w}`,
      async () => {
        words.push(w);
        return w;
      },
      (added) => ({
        undo: async () => void words.splice(words.lastIndexOf(added), 1),
        redo: async () => void words.push(added),
      }),
    );
  return { words, stack, add };
}

describe('UndoStack', () => {
  it('undoes and redoes in order', async () => {
    const { words, stack, add } = setup();
    await add('a');
    await add('b');
    expect(stack.state).toEqual({ undo: 'add b', redo: null, busy: false });
    expect((await stack.undo())?.label).toBe('add b');
    expect(words).toEqual(['a']);
    expect((await stack.undo())?.label).toBe('add a');
    expect(words).toEqual([]);
    expect(await stack.undo()).toBeNull();
    await stack.redo();
    await stack.redo();
    expect(words).toEqual(['a', 'b']);
    expect(await stack.redo()).toBeNull();
  });

  it('clears the redo list when a new action is recorded', async () => {
    const { words, stack, add } = setup();
    await add('a');
    await stack.undo();
    await add('b');
    expect(stack.state.redo).toBeNull();
    expect(await stack.redo()).toBeNull();
    expect(words).toEqual(['b']);
  });

  it('runs quick successive undos one after another', async () => {
    const { words, stack, add } = setup();
    await add('a');
    await add('b');
    await add('c');
    await Promise.all([stack.undo(), stack.undo(), stack.undo()]);
    expect(words).toEqual([]);
  });

  it('keeps at most `limit` commands, dropping the oldest', async () => {
    const { words, stack, add } = setup();
    for (const w of ['a', 'b', 'c', 'd']) await add(w);
    for (let i = 0; i < 5; i++) await stack.undo();
    expect(words).toEqual(['a']);
  });

  it('records nothing when the action fails', async () => {
    const stack = new UndoStack();
    await expect(
      stack.run(
        'boom',
        () => Promise.reject(new Error('no')),
        () => ({ undo: async () => {}, redo: async () => {} }),
      ),
    ).rejects.toThrow('no');
    expect(stack.state.undo).toBeNull();
  });

  it('drops a command whose undo fails, reports the error, and carries on', async () => {
    const stack = new UndoStack();
    const log: string[] = [];
    stack.push({ label: 'fine', undo: async () => void log.push('undo fine'), redo: async () => {} });
    stack.push({ label: 'gone', undo: () => Promise.reject(new Error('annotation was deleted elsewhere')), redo: async () => {} });
    await expect(stack.undo()).rejects.toThrow('deleted elsewhere');
    expect(stack.state).toEqual({ undo: 'fine', redo: null, busy: false });
    await stack.undo();
    expect(log).toEqual(['undo fine']);
  });

  it('tells subscribers what can be undone', async () => {
    const { stack, add } = setup();
    const seen: (string | null)[] = [];
    stack.subscribe((s) => seen.push(s.undo));
    await add('a');
    await stack.undo();
    expect(seen).toContain('add a');
    expect(seen.at(-1)).toBeNull();
  });
});
