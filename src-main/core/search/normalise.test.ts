import { describe, expect, it } from 'vitest';
import { finalizeTerm, normalise, normaliseMapped, originalRange, terms, tokensWithOffsets } from './normalise';

describe('normalise', () => {
  it('folds case and Latin diacritics', () => {
    expect(terms('Yaşar GÜLER')).toEqual(['yasar', 'guler']);
    expect(terms('Türkiye’s Çavuşoğlu')).toEqual(['turkiye', 's', 'cavusoglu']);
    expect(terms('café naïve Ångström')).toEqual(['cafe', 'naive', 'angstrom']);
  });

  it('folds Turkish dotted and dotless i', () => {
    expect(terms('İbrahim Kalın')).toEqual(['ibrahim', 'kalin']);
    expect(terms('KALIN ISPARTA ıı')).toEqual(['kalin', 'isparta', 'ii']);
  });

  it('strips Arabic harakat, shadda, superscript alef and tatweel', () => {
    expect(terms('أَحْمَدُ')).toEqual(terms('احمد'));
    expect(terms('مُحَمَّد')).toEqual(['محمد']);
    expect(terms('رحمـــٰن')).toEqual(['رحمن']);
  });

  it('folds hamza forms, taa marbuta and alef maqsura', () => {
    expect(terms('أحمد')).toEqual(['احمد']);
    expect(terms('إبراهيم')).toEqual(['ابراهيم']);
    expect(terms('آمن')).toEqual(['امن']);
    expect(terms('ٱسم')).toEqual(['اسم']);
    expect(terms('مؤتمر')).toEqual(['موتمر']);
    expect(terms('رئيس')).toEqual(['رييس']);
    expect(terms('قصرة')).toEqual(terms('قصره'));
    expect(terms('مصطفى')).toEqual(terms('مصطفي'));
  });

  it('folds Arabic-Indic and Extended Arabic-Indic digits to ASCII', () => {
    expect(terms('٢٠٢٥')).toEqual(['2025']);
    expect(terms('۱۴۰۳')).toEqual(['1403']);
  });

  it('strips a leading Arabic article, with a glued conjunction or preposition', () => {
    expect(terms('المدرسة')).toEqual(terms('مدرسة'));
    expect(terms('والمغتربين')).toEqual(['مغتربين']);
    expect(terms('الشيباني')).toEqual(terms('شيباني'));
    expect(finalizeTerm('الله')).toBe('الله');
    expect(finalizeTerm('والد')).toBe('والد'); // "father": too little left to be و + ال
    expect(finalizeTerm('alpha')).toBe('alpha');
  });

  it('ignores bidi marks, zero-width characters and soft hyphens inside words', () => {
    expect(terms('se\u00ADcu\u200Brity \u200Fشيباني\u200E')).toEqual(['security', 'شيباني']);
  });

  it('the mapped path folds exactly like the fast path', () => {
    const samples = [
      'Yaşar Güler met İbrahim Kalın in ANKARA',
      'وزير الدفاع اللواء مرهف أبو قصرة ورئيس جهاز الاستخبارات',
      'ΟΔΟΣ Straße ﬁnance ２０２５ ٢٠٢٥ ①',
      'e\u0301\u0301 a\u0308\u0323 x\u200Fy',
      '𝐀𝐁𝐂 emoji 😀 mixed',
    ];
    for (const s of samples) expect(normaliseMapped(s).text).toBe(normalise(s));
  });

  it('maps folded ranges back to the original text, Arabic marks included', () => {
    const original = 'قال أَحْمَدُ اليوم';
    const toks = tokensWithOffsets(original);
    const ahmad = toks.find((t) => t.term === 'احمد')!;
    expect(original.slice(ahmad.start, ahmad.end)).toBe('أَحْمَدُ');
    const m = normaliseMapped('Güler');
    expect(originalRange(m, 0, m.text.length)).toEqual({ start: 0, end: 5 });
    expect(m.text).toBe('guler');
  });

  it('maps expansions (ligatures, surrogate pairs) to whole original characters', () => {
    const original = 'the ﬁnal 😀 word';
    const toks = tokensWithOffsets(original);
    expect(toks.map((t) => original.slice(t.start, t.end))).toEqual(['the', 'ﬁnal', 'word']);
    expect(toks.map((t) => t.term)).toEqual(['the', 'final', 'word']);
  });
});

describe('stemming in the one normaliser', () => {
  it('stems in the language given, and not at all without one or for a language without a stemmer', () => {
    expect(terms('Elections were held', 'en')).toEqual(['elec', 'were', 'held']);
    expect(terms('election', 'en')).toEqual(terms('elections', 'en'));
    expect(terms('Elections were held')).toEqual(['elections', 'were', 'held']);
    expect(terms('Elections were held', 'xx')).toEqual(['elections', 'were', 'held']);
    expect(terms('Seçimler yapıldı', 'tr')).toEqual(terms('secimler yapildi', 'tr'));
    expect(terms('Seçimler', 'tr')).toEqual(['secim']);
    expect(terms('المدرسة', 'ar')).toEqual(terms('مدرسه', 'ar'));
  });

  it('stems after folding, so two spellings that fold alike stem alike, and keeps offsets of the original', () => {
    expect(terms('İbrahim Kalın', 'tr')).toEqual(terms('ibrahim kalin', 'tr'));
    expect(tokensWithOffsets('The Elections', 'en')).toEqual([
      { term: 'the', start: 0, end: 3 },
      { term: 'elec', start: 4, end: 13 },
    ]);
  });
});
