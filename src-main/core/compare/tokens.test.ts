import { describe, expect, it } from 'vitest';
import { terms } from '../search/normalise';
import { normaliseWord, tokenize } from './tokens';

describe('comparison word keys', () => {
  it('fold as search folds (one fold): a word the search box matches is the same word in a comparison', () => {
    for (const w of ['Kalın', 'İbrahim', 'أَحْمَدُ', 'مدرسة', 'مصطفى', '٢٠٢٥', '۱۴۰۳', 'کتاب', 'Straße', 'Çavuşoğlu']) {
      expect(normaliseWord(w)).toBe(terms(w).join(''));
    }
  });
  it('keep the apostrophe of a clitic, typed straight or curly', () => {
    expect(tokenize('Türkiye’s role').map((t) => t.norm)).toEqual(["turkiye's", 'role']);
  });
});
