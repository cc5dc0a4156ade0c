import { describe, expect, it } from 'vitest';
import { tokenSimilarity, wordTokens } from './similarity';

describe('title similarity', () => {
  it('compares folded words: case, accents and Turkish ı/İ do not make two headlines differ', () => {
    expect(wordTokens('İbrahim KALIN in Ankara')).toEqual(['ibrahim', 'kalin', 'in', 'ankara']);
    expect(tokenSimilarity('Fidan ve Kalın Şam’da', 'FIDAN VE KALIN ŞAM’DA')).toBe(1);
    expect(tokenSimilarity('Fidan in Damascus', 'Barrack meets SDF')).toBe(0);
  });
});
