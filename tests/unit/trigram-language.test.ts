import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { francAll } from 'franc-min';
import { describe, expect, it } from 'vitest';
import { corpus, readSeed, seedFiles } from '../helpers/seeds';
import { rankLanguages } from '../../src-main/core/text/trigram-language';

const same = (text: string): void => {
  expect(rankLanguages(text, 10)).toEqual(francAll(text, { minLength: 10 }));
};

describe('rankLanguages gives exactly what franc gives', () => {
  it('on the sample articles, whole and as the 600-character samples detection uses, and line by line', () => {
    for (const f of seedFiles) {
      const text = readSeed(f.slice(0, 4));
      same(text);
      same(text.slice(0, 600));
      for (const line of text.split('\n')) same(line);
    }
  });

  it('on short, empty, digit-only, mixed-script and non-Latin texts', () => {
    for (const t of [
      '',
      'short',
      '1234567890 12345',
      '!!!!!!!!!!!!!!!!',
      'وزير الخارجية والمغتربين السيد أسعد حسن الشيباني على رأس وفد',
      'Suriye halkının özgürlüğe kavuşmasının ardından Suriye ile her alanda',
      'Москва и Киев обменялись заявлениями о переговорах',
      'भारत और पाकिस्तान के बीच बातचीत',
      '中国和日本的外交部长举行会谈 中国和日本',
      'Ελλάδα και Τουρκία συνομιλίες',
      'mixed English and عربي text with 123 numbers',
    ])
      same(t);
  });

  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 700 }), (s) => {
        same(s);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('the', 'der', 'la', 'de', 've', 'bir', 'و', 'في', 'и', ' ', '.', '\n', 'é', 'ß', 'ı'), { maxLength: 300 }),
        (w) => {
          same(w.join(' '));
        },
      ),
      { numRuns: 300 },
    );
  });

  const bbc = corpus('01-bbc-news-fulltext');
  it.runIf(bbc)('on every BBC article (first 600 characters, as detection samples them)', () => {
    const root = join(bbc!, 'bbc');
    for (const cat of readdirSync(root).filter((c) => !c.includes('.'))) {
      for (const f of readdirSync(join(root, cat))) same(readFileSync(join(root, cat, f), 'latin1').slice(0, 600));
    }
  });
});
