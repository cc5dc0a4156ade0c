import { describe, expect, it } from 'vitest';
import type { CompareSentence, QuoteCluster } from '../../contract';
import type { Unit } from './features';
import { findTranslations } from './translations';

/** A one-sentence article whose sentence is quoted whole; `keys` are its units (`@n` a name, digits a figure). */
function quoted(id: string, lang: string, text: string, keys: string[]) {
  const sentence: CompareSentence = { index: 0, start: 0, end: text.length, text, block: 0, kind: 'post', lang };
  const units: Unit[] = keys.map((key, i) => ({
    key,
    start: i,
    end: i + 1,
    surface: key.startsWith('@') ? `Name${key.slice(1)}` : key,
    entity: key.startsWith('@'),
    content: true,
  }));
  return { id, label: id.toUpperCase(), language: lang, sentences: [sentence], units: [units] };
}
const cluster = (id: string, article: string, speaker: string | null, text: string): QuoteCluster => ({
  id,
  speaker,
  label: text,
  articles: [article],
  variants: [{ article, text, kind: 'direct', speaker, start: 0, end: text.length }],
});

describe('possible translations across languages', () => {
  it('offers a quote and a post in another language that share the speaker and a figure, marked as possible', () => {
    const r = findTranslations({
      articles: [
        quoted('en1', 'en', 'We will send 300 trucks of aid to Aleppo.', ['@1', '300', 'truck']),
        quoted('en2', 'en', 'The talks were frank.', ['talk', 'frank']),
        quoted('tr1', 'tr', 'Halep’e 300 tır yardım göndereceğiz.', ['@1', '300', 'tır']),
      ],
      quotes: [
        cluster('q1', 'en1', 'Hakan Fidan', 'We will send 300 trucks of aid to Aleppo.'),
        cluster('q2', 'en2', 'Hakan Fidan', 'The talks were frank.'),
        cluster('q3', 'tr1', 'Hakan Fidan', 'Halep’e 300 tır yardım göndereceğiz.'),
      ],
    });
    expect(r.pairs).toHaveLength(1);
    expect(r.pairs[0]).toMatchObject({
      kind: 'possible-translation',
      a: { article: 'tr1', quote: 'q3', lang: 'tr' },
      b: { article: 'en1', quote: 'q1', lang: 'en' },
      speaker: 'Hakan Fidan',
      figures: ['300'],
      alternatives: 0,
    });
    expect(r.notices).toEqual([]);
  });

  it('says so, and pairs nothing, when no speaker, name or figure links a foreign-language post', () => {
    const r = findTranslations({
      articles: [
        quoted('en1', 'en', 'The talks were frank.', ['talk', 'frank']),
        quoted('en2', 'en', 'We discussed security.', ['discuss', 'security']),
        quoted('ar1', 'ar', 'نشكر الجميع', ['نشكر']),
      ],
      quotes: [
        cluster('q1', 'en1', 'Hakan Fidan', 'The talks were frank.'),
        cluster('q2', 'en2', 'Hakan Fidan', 'We discussed security.'),
        cluster('q3', 'ar1', 'Ministry', 'نشكر الجميع'),
      ],
    });
    expect(r.pairs).toEqual([]);
    expect(r.notices).toHaveLength(1);
    expect(r.notices[0]).toMatch(/^Nothing links the Arabic “نشكر الجميع” \(AR1\).*no translation is suggested/);
  });

  it('needs a name and a figure when the speaker is unknown, and counts equally linked rivals', () => {
    const r = findTranslations({
      articles: [
        quoted('en1', 'en', 'Aid reached Aleppo.', ['@1', 'aid']),
        quoted('en2', 'en', 'Aleppo got 300 trucks.', ['@1', '300', 'truck']),
        quoted('en3', 'en', 'Aleppo saw 300 trucks arrive.', ['@1', '300', 'arriv']),
        quoted('tr1', 'tr', 'Halep’e 300 tır ulaştı.', ['@1', '300']),
      ],
      quotes: [
        cluster('q1', 'en1', null, 'Aid reached Aleppo.'),
        cluster('q2', 'en2', null, 'Aleppo got 300 trucks.'),
        cluster('q3', 'en3', null, 'Aleppo saw 300 trucks arrive.'),
        cluster('q4', 'tr1', null, 'Halep’e 300 tır ulaştı.'),
      ],
    });
    expect(r.pairs).toHaveLength(1);
    expect(r.pairs[0]!.b.quote).toBe('q2');
    expect(r.pairs[0]!.alternatives).toBe(1);
    expect(r.pairs[0]!.speaker).toBeNull();
  });
});
