import { describe, expect, it } from 'vitest';
import { versionDiff } from './version-diff';

const newerOf = (segments: { op: string; text: string }[]) => segments.filter((s) => s.op !== 'deleted').map((s) => s.text).join('');
const marked = (segments: { op: string; text: string }[], op: string) => segments.filter((s) => s.op === op).map((s) => s.text.trim());

describe('versionDiff: what changed between two versions, word by word', () => {
  it('marks a replaced word and inserted words, and reads back as the newer text', () => {
    const older = 'He said five people died.\n\nThe second paragraph stays.';
    const newer = 'He said six people died on Monday.\n\nThe second paragraph stays.';
    const d = versionDiff(older, newer);
    expect(d.segments).toEqual([
      { op: 'same', text: 'He said' },
      { op: 'deleted', text: ' five' },
      { op: 'inserted', text: ' six' },
      { op: 'same', text: ' people died' },
      { op: 'inserted', text: ' on Monday' },
      { op: 'same', text: '.\n\nThe second paragraph stays.' },
    ]);
    expect([d.inserted, d.deleted]).toEqual([3, 1]);
    expect(newerOf(d.segments)).toBe(newer);
  });

  it('marks every word, function words included, and a change of case', () => {
    const d = versionDiff('The talks were held in the capital.', 'Talks are held in a capital.');
    expect(marked(d.segments, 'deleted')).toEqual(['The talks were', 'the']);
    expect(marked(d.segments, 'inserted')).toEqual(['Talks are', 'a']);
  });

  it('keeps punctuation between words out of the marks', () => {
    const d = versionDiff('Ferry sinks off Lesbos, five dead', 'Ferry sinks off Lesbos, seven dead');
    expect(d.segments).toEqual([
      { op: 'same', text: 'Ferry sinks off Lesbos,' },
      { op: 'deleted', text: ' five' },
      { op: 'inserted', text: ' seven' },
      { op: 'same', text: ' dead' },
    ]);
  });

  it('says nothing changed for the same text', () => {
    const d = versionDiff('Same words here.', 'Same words here.');
    expect(d.segments).toEqual([{ op: 'same', text: 'Same words here.' }]);
    expect([d.inserted, d.deleted]).toEqual([0, 0]);
  });

  it('compares a rewritten article paragraph by paragraph, and still reads back as the newer text', () => {
    const para = (seed: number) => Array.from({ length: 1200 }, (_, i) => `w${seed}x${i}`).join(' ');
    const older = [para(1), 'A paragraph that stays the same in both.', para(2), 'Another that stays.', para(3)].join('\n');
    const newer = [para(4), 'A paragraph that stays the same in both.', para(5), 'Another that stays.', `${para(3)} plus`].join('\n');
    const d = versionDiff(older, newer);
    expect(newerOf(d.segments)).toBe(newer);
    expect(d.segments).toContainEqual({ op: 'same', text: expect.stringContaining('A paragraph that stays the same in both.') });
    // A paragraph changed by one word is still diffed word by word.
    expect(marked(d.segments, 'inserted')).toContain('plus');
    expect(d.deleted).toBe(2400);
  });
});
