import { describe, expect, it } from 'vitest';
import { defaultRatings } from '@shared/verdicts';
import { draftOf, keepRating, moveRow, ratingIdFor, ratingsEdit, removeRow } from './rating-draft';

const ratings = defaultRatings.map((r) => ({ ...r }));

describe('the ratings editor draft', () => {
  it('makes a rating id from a label: folded, hyphenated, unique, never "any"', () => {
    expect(ratingIdFor('Pants on fire!', new Set())).toBe('pants-on-fire');
    expect(ratingIdFor('Yanlış bilgi', new Set())).toBe('yanlis-bilgi');
    expect(ratingIdFor('False', new Set(['false']))).toBe('false-2');
    expect(ratingIdFor('Any', new Set())).toBe('any-2');
    expect(ratingIdFor('كاذب', new Set())).toBe('rating');
    expect(ratingIdFor('x'.repeat(80), new Set())).toHaveLength(36);
  });

  it('reorders, renames, adds and removes, sending a move for a removed rating in use', () => {
    let d = draftOf(ratings);
    d = moveRow(d, 5, -1); // Unverified above False
    expect(moveRow(d, 0, -1)).toBe(d);
    d = { ...d, rows: [...d.rows.map((r) => (r.id === 'mixed' ? { ...r, label: 'Half true' } : r)), { key: 'new-1', id: null, label: 'Satire', value: '' }] };
    d = removeRow(d, 'misleading', ratings);
    d = { ...d, removed: d.removed.map((x) => ({ ...x, moveTo: 'new-1' })) };
    const edit = ratingsEdit(d, { misleading: 3 });
    expect(edit.ratings.map((r) => r.id)).toEqual(['true', 'mostly-true', 'mixed', 'unverified', 'false', 'satire']);
    expect(edit.ratings.find((r) => r.id === 'mixed')).toEqual({ id: 'mixed', label: 'Half true', value: 3 });
    expect(edit.ratings.at(-1)).toEqual({ id: 'satire', label: 'Satire', value: null });
    expect(edit.moves).toEqual([{ from: 'misleading', to: 'satire' }]);
    // A rating no verdict uses needs no move; one kept after all goes back on the list.
    expect(ratingsEdit(d, {}).moves).toEqual([]);
    const kept = keepRating(d, 'misleading');
    expect(kept.removed).toEqual([]);
    expect(ratingsEdit(kept, { misleading: 3 }).ratings.at(-1)!.id).toBe('misleading');
  });

  it('forgets a move to a row that is removed in turn', () => {
    let d = removeRow(draftOf(ratings), 'false', ratings);
    d = { ...d, removed: [{ ...d.removed[0]!, moveTo: 'mixed' }] };
    d = removeRow(d, 'mixed', ratings);
    expect(d.removed.map((x) => [x.rating.id, x.moveTo])).toEqual([
      ['false', ''],
      ['mixed', ''],
    ]);
    expect(ratingsEdit(d, { false: 1 }).moves).toEqual([]);
  });
});
