import { describe, expect, it } from 'vitest';
import type { CheckUpdatesResult } from '@contract';
import { describeCheck, describeShown } from './update-status';

const base: CheckUpdatesResult = {
  id: 'a0000000000000aa',
  url: 'https://example.org/a',
  changed: true,
  unchanged: null,
  message: null,
  since: '2026-11-30T14:00:00.000Z',
  checkedAt: '2026-12-02T09:00:00.000Z',
  versionCount: 2,
  titleChanged: true,
  previousVersion: 1,
  shownVersion: 2,
  annotations: { ok: 2, drifted: 1, orphaned: 0 },
};

describe('what the reader says after a check for updates', () => {
  it('names the version shown, the annotations by status, the headline, and the undo', () => {
    expect(describeCheck(base)).toBe(
      'The outlet changed this article: version 2 of 2 is shown: 2 annotations kept, 1 moved, 0 orphaned. The headline changed too. Ctrl+Z goes back to version 1.',
    );
  });
  it('says since when nothing changed', () => {
    expect(describeCheck({ ...base, changed: false, unchanged: 'not-modified', titleChanged: false })).toMatch(/^No change since .*2026/);
  });
  it('leaves out the annotations when there are none', () => {
    expect(describeShown({ shownVersion: 1, annotations: { ok: 0, drifted: 0, orphaned: 0 } })).toBe(
      'Version 1 is shown. Ctrl+Z undoes it.',
    );
  });
});
