import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseJob } from './analyse-job';

const SAMPLE = join(import.meta.dirname, '../../../resources/sample');

describe('article fingerprints (duplicate detection)', () => {
  it('stay the ones existing notebooks store: the five sample articles hash as they always have', () => {
    // Recorded before the text folds were made one (src-shared/fold.ts). A notebook keeps each article's
    // fingerprint; if these change, re-importing the same file is no longer reported as a duplicate.
    const expected: Record<string, string> = {
      '000_8f741ed5d6140f33.txt': 'afc905da6a10c0cd53a083504d9ad51e',
      '001_c782305633c927ff.txt': '8ba98b70f49da4f7a1bd526fb5622ca4',
      '002_0459e162968e0f03.txt': '20ffb80e673f75e03918fac05150fab9',
      '003_7604c3ab70cf3cc1.txt': 'a0ccba16f2c97ec42ee7114aa8a6317e',
      '004_4b5ef02172552f62.txt': '31ab3aa8364ffd4d39f79dc387fa124d',
    };
    const files = readdirSync(SAMPLE).filter((f) => f.endsWith('.txt'));
    const actual = Object.fromEntries(
      files.map((f) => [f, analyseJob({ format: 'text', text: readFileSync(join(SAMPLE, f), 'utf8'), file: f }).fingerprint]),
    );
    expect(actual).toEqual(expected);
  });
});
