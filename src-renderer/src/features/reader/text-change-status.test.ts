import { describe, expect, it } from 'vitest';
import { describeTextChange } from './text-change-status';

describe('describeTextChange', () => {
  const counts = (ok: number, drifted: number, orphaned: number) => ({ ok, drifted, orphaned });
  it('counts kept, moved and orphaned annotations', () => {
    expect(describeTextChange({ changed: true, source: 'edit', annotations: counts(1, 2, 3) })).toBe(
      'Text updated: 1 annotation kept, 2 moved, 3 orphaned. Ctrl+Z undoes it.',
    );
    expect(describeTextChange({ changed: true, source: 'reimport', annotations: counts(4, 0, 0) }, 'fixed.txt')).toBe(
      'Text replaced from fixed.txt: 4 annotations kept, 0 moved, 0 orphaned. Ctrl+Z undoes it.',
    );
  });
  it('says so when there was nothing to re-anchor or nothing changed', () => {
    expect(describeTextChange({ changed: true, source: 'edit', annotations: counts(0, 0, 0) })).toBe('Text updated. Ctrl+Z undoes it.');
    expect(describeTextChange({ changed: false, source: 'edit', annotations: counts(2, 0, 0) })).toBe('Text unchanged.');
    expect(describeTextChange({ changed: false, source: 'reimport', annotations: counts(0, 0, 0) }, 'a.txt')).toBe(
      'a.txt holds the same text: nothing changed.',
    );
  });
});
